// The booking conversation's ways on from a dead end (flows/booking.yaml, delete_data.yaml): a prenatal
// window closed that the profile's free fallback scan covers; every day full at her hospital (the
// other hospitals that do the service, with their first free days); after a prenatal booking, the
// pregnancy registration offered; before 删除我的信息, her bookings that will be cancelled.
import { actionSpecs, type ActionContext, type ActionResult, type ChoiceOption, type ChoiceSource } from '../actions.js';
import { windowDays } from '../../domain/pregnancy/gestation.js';
import type { Profile, Screening } from '../../domain/profile/profileSchema.js';
import type { MenuLine } from '../../profiles/bookable.js';
import { formatChineseDate } from '../../domain/parse/formatChineseDate.js';
import type { ActiveBooking, BookingPort, Seeker } from './bookingPort.js';
import type { BookingTexts } from './bookingTexts.js';
import { hospitalWords } from './hospitalWords.js';

export const DETOUR_ACTIONS = actionSpecs([
  ['booking.useFallback', ['book'], ['services']],
  ['booking.otherHospitals', ['some', 'none'], ['fullHospital']],
  ['booking.pickOther', ['hospital', 'wait', 'none'], ['hospitalId']],
  ['booking.afterBooked', ['offer', 'skip'], ['dueDateText']],
  ['booking.beforeDelete', ['done'], ['bookingsNote']],
]);

export const DETOUR_CHOICE_SOURCES = ['booking.otherHospitals'] as const;

/** How many free days of another hospital are named. */
const DAYS_NAMED = 3;
const WAIT = 'wait';
const NONE = 'none';

export interface DetourDeps {
  port: BookingPort;
  texts: BookingTexts;
  profile: Profile;
  /** The county's booking menu. */
  menu: MenuLine[];
  allowedDays(ctx: ActionContext, serviceIds: string[]): Promise<{ days: string[] }>;
  seeker(ctx: ActionContext): Promise<Seeker>;
  activeVisits(ctx: ActionContext): Promise<ActiveBooking[][]>;
  hasPregnancy?: (contactId: string) => Promise<boolean>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const servicesOf = (ctx: ActionContext): string[] => str(ctx.vars.services).split(',').filter(Boolean);

/** The screening the profile gives to a woman who missed one of these (onlyIf.missed), with a window. */
function fallbackFor(profile: Profile, serviceIds: string[]): Screening | undefined {
  for (const programme of Object.values(profile.programmes)) {
    const s = programme.screenings.find((x) => x.window && x.onlyIf?.missed && serviceIds.includes(x.onlyIf.missed));
    if (s) return s;
  }
  return undefined;
}

/**
 * A window closed (its last day before `firstDay`, the first bookable one): when the profile has a
 * free fallback for it whose own window has not closed too, what she is told. Bookable in her
 * county (a line of the menu): offered (`fallback_offer`, its services in `fallbackServices`);
 * otherwise the hospital to call (`fallback_call`).
 */
export function missedWindow(
  d: Pick<DetourDeps, 'texts' | 'profile' | 'menu'>,
  serviceIds: string[],
  missed: { from: string; to: string; spec: { opens: string; closes: string } },
  dueDate: string,
  firstDay: string,
): { outcome: 'fallback_offer' | 'fallback_call'; vars: Record<string, string> } | undefined {
  const fallback = fallbackFor(d.profile, serviceIds);
  if (!fallback?.window || !dueDate) return undefined;
  const fw = windowDays(dueDate, fallback.window);
  if (fw.to < firstDay) return undefined;
  const note = d.texts.missedWithFallback(
    { serviceIds, window: missed.spec, from: missed.from, to: missed.to },
    { serviceIds: [fallback.id], window: fallback.window, from: fw.from, to: fw.to },
  );
  const line = d.menu.find((l) => l.value === fallback.id);
  if (line) return { outcome: 'fallback_offer', vars: { windowNote: note, fallbackServices: line.value } };
  const county = d.texts.county;
  const hospital = county.hospitals.find((h) => h.id === county.mchHospital) ?? county.hospitals.find((h) => h.programmes.includes('prenatal'));
  const call = d.texts.fallbackCall(
    [fallback.id],
    hospital ? { name: hospital.name, phone: hospital.phone } : { name: county.name, phone: county.servicePhone },
  );
  return { outcome: 'fallback_call', vars: { windowNote: note + call } };
}

export function createDetours(d: DetourDeps): {
  actions: Record<string, (ctx: ActionContext) => Promise<ActionResult>>;
  sources: Record<(typeof DETOUR_CHOICE_SOURCES)[number], ChoiceSource>;
} {
  const { port, texts } = d;

  /** The other hospitals doing her services with a free day she may book, those serving her township first. */
  async function others(ctx: ActionContext): Promise<ChoiceOption[]> {
    const serviceIds = servicesOf(ctx);
    const full = str(ctx.vars.hospitalId);
    const township = str((await ctx.facts()).township);
    const offering = new Set(await port.hospitalsOffering(serviceIds));
    const hospitals = texts.county.hospitals.filter((h) => h.id !== full && offering.has(h.id));
    hospitals.sort((a, b) => Number(b.servesFirst.includes(township)) - Number(a.servesFirst.includes(township)));
    const allowed = new Set((await d.allowedDays(ctx, serviceIds)).days);
    const who = await d.seeker(ctx);
    const options: ChoiceOption[] = [];
    for (const h of hospitals) {
      const seats = await port.availability(who, h.id, serviceIds, ctx.now);
      const days = [...new Set(seats.filter((s) => s.left > 0 && allowed.has(s.day)).map((s) => s.day))].slice(0, DAYS_NAMED);
      if (days.length > 0) options.push({ value: h.id, label: texts.otherHospitalOption(h.id, days), words: hospitalWords(h.name, texts.county.name) });
    }
    return options;
  }

  const actions: Record<string, (ctx: ActionContext) => Promise<ActionResult>> = {
    // 要约补做超声吗 → 是: the booking goes on with the fallback scan
    'booking.useFallback': async (ctx) => ({ outcome: 'book', vars: { services: str(ctx.vars.fallbackServices) } }),

    'booking.otherHospitals': async (ctx) => {
      const full = texts.hospital(str(ctx.vars.hospitalId))?.name ?? '';
      return { outcome: (await others(ctx)).length > 0 ? 'some' : 'none', vars: { fullHospital: full } };
    },

    'booking.pickOther': async (ctx) => {
      const choice = str(ctx.vars.otherChoice);
      if (choice === WAIT) return { outcome: 'wait' };
      if (choice === NONE) return { outcome: 'none' };
      return { outcome: 'hospital', vars: { hospitalId: choice } };
    },

    // a new prenatal booking dated by the weeks or due date she gave, and no pregnancy registered
    'booking.afterBooked': async (ctx) => {
      if (ctx.vars.changeCode || !d.hasPregnancy) return { outcome: 'skip' };
      if (!servicesOf(ctx).some((id) => texts.service(id).window)) return { outcome: 'skip' };
      const dueDate = str((await ctx.facts()).dueDate);
      if (!dueDate || (await d.hasPregnancy(ctx.contact.id))) return { outcome: 'skip' };
      return { outcome: 'offer', vars: { dueDateText: formatChineseDate(dueDate) } };
    },

    'booking.beforeDelete': async (ctx) => {
      const visits = (await d.activeVisits(ctx)).filter((v) => v[0].status === 'confirmed');
      return { outcome: 'done', vars: { bookingsNote: texts.beforeDelete(visits) } };
    },
  };

  const sources = {
    // the other hospitals, then waiting for this one, then neither
    'booking.otherHospitals': async (ctx: ActionContext) => {
      const wait = texts.waitHereOption(str(ctx.vars.hospitalId));
      const none = texts.noneOfThemOption();
      return [...(await others(ctx)), { value: WAIT, ...wait }, { value: NONE, label: none.label, words: none.words }];
    },
  };

  return { actions, sources };
}
