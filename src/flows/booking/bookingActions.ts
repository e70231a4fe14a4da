// The booking conversation's actions and choice lists (flows/booking.yaml, my_bookings.yaml,
// change_booking.yaml, cancel_booking.yaml, confirm_offer.yaml, offer_reply.yaml), over the BookingPort.
import { actionSpecs, declaredAction, type ActionContext, type ActionSpec, type ActionResult, type ChoiceSource, type FlowAction } from '../actions.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { SESSION_WORDS } from '../../domain/booking/readDay.js';
import { windowDays } from '../../domain/pregnancy/gestation.js';
import type { Profile } from '../../domain/profile/profileSchema.js';
import { bookingMenu } from '../../profiles/bookable.js';
import type { ActiveBooking, BookingPort, Seeker } from './bookingPort.js';
import type { BookingTexts } from './bookingTexts.js';
import { hospitalNamed, hospitalWords } from './hospitalWords.js';
import { createDetours, DETOUR_ACTIONS, DETOUR_CHOICE_SOURCES, missedWindow } from './bookingDetours.js';
import { lineJustEligible, type RecentCheck } from './justEligible.js';

/** What commonVars() sets: the booking settings the texts name. */
const COMMON = ['horizonDays', 'holdHours', 'cutoffHour'];

export const BOOKING_ACTIONS: ReadonlyMap<string, ActionSpec> = new Map([...bookingSpecs(), ...DETOUR_ACTIONS]);

function bookingSpecs() {
  return actionSpecs([
    [
      'booking.prepare',
      [
        'ready',
        'has_active',
        'has_offer',
        'check_first',
        'not_eligible',
        'needs_township',
        'needs_pregnancy',
        'outside_window',
        'fallback_offer',
        'fallback_call',
        'not_offered',
        'no_referral',
      ],
      [...COMMON, 'activeSummary', 'changeCode', 'programme', 'windowNote', 'fallbackServices'],
    ],
    ['booking.continueAfterCheck', ['book', 'done']],
    ['booking.startChange', ['ready', 'too_late'], [...COMMON, 'hospitalPhone', 'services', 'hospitalId', 'changeCode']],
    ['booking.preview', ['done'], ['bookingPreview']],
    ['booking.book', ['booked', 'full', 'gone', 'has_active', 'too_late'], ['bookingDetails', 'activeSummary', 'hospitalPhone']],
    ['booking.noneFree', ['changing', 'booking'], COMMON],
    ['booking.declineOffer', ['declined', 'none']],
    ['booking.joinWaitlist', ['joined', 'already'], COMMON],
    ['booking.showMine', ['none', 'some', 'waiting']],
    ['booking.describeChosen', ['done'], ['chosenSummary']],
    ['booking.cancel', ['cancelled', 'too_late'], [...COMMON, 'hospitalPhone']],
    ['booking.acceptOffer', ['booked', 'none', 'expired'], ['bookingDetails']],
    ['booking.offerHeld', ['held', 'none']],
  ]);
}

export const BOOKING_CHOICE_SOURCES = [
  'booking.services',
  'booking.townships',
  'booking.hospitals',
  'booking.days',
  'booking.sessions',
  'booking.mine',
  ...DETOUR_CHOICE_SOURCES,
] as const;

export interface BookingFlowDeps {
  port: BookingPort;
  texts: BookingTexts;
  profile: Profile;
  /** Her latest eligibility answer for a programme, if any. */
  lastCheck: (contactId: string, programme: string) => Promise<{ eligible: boolean; checkedAt: Date } | undefined>;
  /** The screenings of the reminder she may be answering (src/services/reminders/remindedScreenings.ts). */
  reminded?: (contactId: string, now: Date) => Promise<string[]>;
  /** Whether she has a pregnancy registered now (a prenatal booking offers to register one). */
  hasPregnancy?: (contactId: string) => Promise<boolean>;
  /** The services her results told to her refer her to (results.bookNext): booked instead of checked. */
  referred?: (contactId: string) => Promise<string[]>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const servicesOf = (ctx: ActionContext): string[] => str(ctx.vars.services).split(',').filter(Boolean);

/** Who books, as the seats see her: her township and whether she is in a priority group (her answers). */
export async function seekerOf(ctx: ActionContext, settings: { priorityGroups: readonly string[] }): Promise<Seeker> {
  const facts = await ctx.facts();
  const township = str(facts.township);
  const group = str(facts.group);
  return {
    contactId: ctx.contact.id,
    regionIds: township ? [township] : [],
    priority: settings.priorityGroups.some((g) => g === group),
  };
}

export function createBookingFlow(d: BookingFlowDeps): { actions: Map<string, FlowAction>; sources: Map<string, ChoiceSource> } {
  const { port, texts } = d;
  const settings = port.settings;
  // what her county offers: the profile's bookable lines that one of its hospitals provides
  const menu = bookingMenu(d.profile, texts.county);
  // what she is shown: not the further tests booked on a result's referral
  const shownMenu = menu.filter((l) => !l.referral);

  const seeker = (ctx: ActionContext): Promise<Seeker> => seekerOf(ctx, settings);

  /** The days her services may be done on: bookable now and, for prenatal services, inside their window. */
  async function allowedDays(
    ctx: ActionContext,
    serviceIds: string[],
  ): Promise<{ days: string[]; window?: { from: string; to: string; spec: { opens: string; closes: string } } }> {
    let days = port.bookableDays(ctx.now);
    const windowed = serviceIds.map((id) => texts.service(id)).find((s) => s.window);
    if (!windowed?.window) return { days };
    const dueDate = str((await ctx.facts()).dueDate);
    if (!dueDate) return { days };
    const w = windowDays(dueDate, windowed.window);
    days = days.filter((day) => day >= w.from && day <= w.to);
    return { days, window: { ...w, spec: windowed.window } };
  }

  async function activeVisits(ctx: ActionContext, serviceIds?: string[]): Promise<ActiveBooking[][]> {
    const active = await port.active(ctx.contact.id);
    const visits = texts.visits(active);
    return serviceIds ? visits.filter((v) => v.some((b) => serviceIds.includes(b.serviceId))) : visits;
  }

  async function visitByCode(ctx: ActionContext): Promise<ActiveBooking[] | undefined> {
    const code = str(ctx.vars.changeCode);
    return (await activeVisits(ctx)).find((v) => v[0].code === code);
  }

  const commonVars = () => ({
    horizonDays: String(settings.horizonDays),
    holdHours: String(Math.round((settings.offerHoldMinutes / 60) * 10) / 10),
    cutoffHour: String(settings.cutoffHour),
  });

  const actions: Record<string, (ctx: ActionContext) => Promise<ActionResult>> = {
    'booking.prepare': async (ctx) => {
      const serviceIds = servicesOf(ctx);
      const vars = commonVars();
      if (!ctx.vars.changeCode) {
        const existing = await activeVisits(ctx, serviceIds);
        const held = existing.filter((v) => v[0].status === 'held');
        const confirmed = existing.filter((v) => v[0].status === 'confirmed');
        if (held.length > 0) return { outcome: 'has_offer', vars: { ...vars, activeSummary: held.map((v) => texts.line(v)).join('\n') } };
        if (confirmed.length > 0) {
          return { outcome: 'has_active', vars: { ...vars, activeSummary: confirmed.map((v) => texts.line(v)).join('\n'), changeCode: confirmed[0][0].code } };
        }
        // only what the menu offers her county (a choice kept from an earlier profile is not)
        const line = menu.find((l) => l.value === serviceIds.join(','));
        if (!line) return { outcome: 'not_offered', vars };
        // a further test a result calls for: her result told to her is checked instead of the rules
        if (line.referral) {
          const referred = new Set((await d.referred?.(ctx.contact.id)) ?? []);
          if (!serviceIds.every((id) => referred.has(id))) return { outcome: 'no_referral', vars };
        } else {
          // free screening is for women who qualify: check first (or again, if it was long ago)
          const programme = line.programme;
          // (just answered in this conversation: not saved yet, but known)
          const check = ctx.vars.eligible ? { eligible: ctx.vars.eligible === 'yes', checkedAt: ctx.now } : await d.lastCheck(ctx.contact.id, programme);
          if (!check || ctx.now.getTime() - check.checkedAt.getTime() > settings.eligibilityValidDays * 86_400_000) {
            return { outcome: 'check_first', vars: { ...vars, programme } };
          }
          if (!check.eligible) return { outcome: 'not_eligible', vars };
        }
      }
      // her weeks and the screening's window first: too early or too late is said before where she lives
      const facts = await ctx.facts();
      const windowed = serviceIds.some((id) => texts.service(id).window);
      // a due date already past belongs to an earlier pregnancy: ask again
      if (windowed && (!facts.dueDate || str(facts.dueDate) < shanghaiDay(ctx.now))) return { outcome: 'needs_pregnancy', vars };
      const { days, window } = await allowedDays(ctx, serviceIds);
      if (window && days.length === 0) {
        const bookable = port.bookableDays(ctx.now);
        const firstDay = bookable[0] ?? shanghaiDay(ctx.now);
        const kind = window.to < firstDay ? 'past' : 'notYet';
        // closed, and the profile has a free scan for who missed it: that one, booked here or not
        const fallback = kind === 'past' ? missedWindow(detourDeps, serviceIds, window, str(facts.dueDate), firstDay) : undefined;
        if (fallback) return { outcome: fallback.outcome, vars: { ...vars, ...fallback.vars } };
        return { outcome: 'outside_window', vars: { ...vars, windowNote: texts.windowNote(kind, serviceIds, window.spec, window.from, window.to) } };
      }
      if (!facts.township && texts.county.townships.length > 1) return { outcome: 'needs_township', vars };
      if ((await port.hospitalsOffering(serviceIds)).length === 0) return { outcome: 'not_offered', vars };
      return { outcome: 'ready', vars };
    },

    // after the eligibility answer (booking.yaml calls eligibility.yaml): on to booking if she qualifies
    'booking.continueAfterCheck': async (ctx) => ({ outcome: ctx.vars.eligible === 'yes' ? 'book' : 'done' }),

    'booking.startChange': async (ctx) => {
      const visit = await visitByCode(ctx);
      if (!visit) return { outcome: 'too_late', vars: { ...commonVars(), hospitalPhone: '' } };
      const hospital = texts.hospital(visit[0].hospitalId);
      if (!port.canChange(visit[0], ctx.now)) return { outcome: 'too_late', vars: { ...commonVars(), hospitalPhone: hospital?.phone ?? '' } };
      // moved to another hospital in her words (唐筛改到妇幼去吧): the hospital step reads which
      const named = ctx.words ? hospitalNamed(ctx.words, texts.county.hospitals, texts.county.name) : undefined;
      const hospitalId: Record<string, string> = named && named !== visit[0].hospitalId ? {} : { hospitalId: visit[0].hospitalId };
      return { outcome: 'ready', vars: { ...commonVars(), services: visit.map((b) => b.serviceId).join(','), ...hospitalId, changeCode: visit[0].code } };
    },

    'booking.preview': async (ctx) => ({
      outcome: 'done',
      vars: { bookingPreview: texts.preview(str(ctx.vars.hospitalId), servicesOf(ctx), str(ctx.vars.day), str(ctx.vars.session)) },
    }),

    'booking.book': async (ctx): Promise<ActionResult> => {
      const who = await seeker(ctx);
      const session = str(ctx.vars.session) === 'pm' ? 'pm' : 'am';
      const code = str(ctx.vars.changeCode);
      const result = code
        ? await port.change(who, code, { hospitalId: str(ctx.vars.hospitalId) || undefined, day: str(ctx.vars.day), session }, ctx.now)
        : await port.book(who, str(ctx.vars.hospitalId), servicesOf(ctx), str(ctx.vars.day), session, ctx.now);
      if (result.ok) return { outcome: 'booked', vars: { bookingDetails: texts.details(result.bookings) } };
      if (result.reason === 'already_booked') {
        const existing = await activeVisits(ctx, servicesOf(ctx));
        return { outcome: 'has_active', vars: { activeSummary: existing.map((v) => texts.line(v)).join('\n') } };
      }
      if (result.reason === 'too_late') return { outcome: 'too_late', vars: { hospitalPhone: texts.hospital(str(ctx.vars.hospitalId))?.phone ?? '' } };
      // past the cut-off or closed since she chose it: not "someone else took it"
      if (result.reason === 'closed' || result.reason === 'not_bookable') return { outcome: 'gone' };
      return { outcome: 'full' };
    },

    // no free day: a woman changing a booking keeps hers (no waitlist); a new booking may wait
    'booking.noneFree': async (ctx) => ({ outcome: ctx.vars.changeCode ? 'changing' : 'booking', vars: commonVars() }),

    'booking.declineOffer': async (ctx) => ({ outcome: (await port.declineOffer(ctx.contact.id, ctx.now)) > 0 ? 'declined' : 'none' }),

    'booking.joinWaitlist': async (ctx) => {
      const serviceIds = servicesOf(ctx);
      const { days } = await allowedDays(ctx, serviceIds);
      const bookable = days.length > 0 ? days : port.bookableDays(ctx.now);
      const outcome = await port.joinWaitlist(ctx.contact.id, str(ctx.vars.hospitalId), serviceIds, bookable[0], bookable[bookable.length - 1], ctx.now);
      return { outcome, vars: commonVars() };
    },

    'booking.showMine': async (ctx) => {
      const visits = await activeVisits(ctx);
      const waiting = await port.waiting(ctx.contact.id);
      const lines = [...visits.map((v) => texts.line(v)), ...groupWaiting(waiting).map((w) => texts.waitingLine(w.hospitalId, w.serviceIds))];
      if (lines.length === 0) return { outcome: 'none' };
      return { outcome: visits.some((v) => v[0].status === 'confirmed') ? 'some' : 'waiting', say: [lines.join('\n')] };
    },

    'booking.describeChosen': async (ctx) => {
      const visit = await visitByCode(ctx);
      return { outcome: 'done', vars: { chosenSummary: visit ? texts.line(visit) : '' } };
    },

    'booking.cancel': async (ctx) => {
      const visit = await visitByCode(ctx);
      const phone = visit ? (texts.hospital(visit[0].hospitalId)?.phone ?? '') : '';
      const result = await port.cancel(ctx.contact.id, str(ctx.vars.changeCode), ctx.now);
      if (result.ok || result.reason === 'not_found') return { outcome: 'cancelled' };
      return { outcome: 'too_late', vars: { ...commonVars(), hospitalPhone: phone } };
    },

    // a seat the waitlist holds for her now (a plain 要/好的 at rest answers its offer)
    'booking.offerHeld': async (ctx) => {
      const held = (await port.active(ctx.contact.id)).filter((b) => b.status === 'held' && b.heldUntil !== null && b.heldUntil > ctx.now);
      return { outcome: held.length > 0 ? 'held' : 'none' };
    },

    'booking.acceptOffer': async (ctx) => {
      const result = await port.acceptOffer(ctx.contact.id, ctx.now);
      if (result.ok) return { outcome: 'booked', vars: { bookingDetails: texts.details(result.bookings) } };
      return { outcome: result.reason };
    },
  };

  const detourDeps = { port, texts, profile: d.profile, menu, allowedDays, seeker, activeVisits, hasPregnancy: d.hasPregnancy };
  const detours = createDetours(detourDeps);

  const sources: Record<Exclude<(typeof BOOKING_CHOICE_SOURCES)[number], (typeof DETOUR_CHOICE_SOURCES)[number]>, ChoiceSource> = {
    // the line of exactly the screening the reminder she answers named (NT快可以做了 → NT); with no
    // reminder, the programme she was just told she may join (justEligible.ts)
    'booking.services': async (ctx) => {
      const reminded = new Set((await d.reminded?.(ctx.contact.id, ctx.now)) ?? []);
      if (reminded.size === 0) {
        const programmes = [...new Set(shownMenu.map((l) => l.programme))];
        const checks = await Promise.all(
          programmes.map(async (p): Promise<RecentCheck[]> => {
            const check = await d.lastCheck(ctx.contact.id, p);
            return check ? [{ programme: p, ...check }] : [];
          }),
        );
        const known = checks.flat();
        const line = lineJustEligible(shownMenu, d.profile, await ctx.facts(), known, ctx.now);
        if (line) reminded.add(line);
      }
      // (and the further tests her results told to her call for)
      const referred = new Set((await d.referred?.(ctx.contact.id)) ?? []);
      const hers = menu.filter((l) => !l.referral || l.value.split(',').every((id) => referred.has(id)));
      return hers.map((l) => ({ value: l.value, label: l.label, words: l.words, ...(reminded.has(l.value) ? { reminded: true } : {}) }));
    },

    'booking.townships': async () => texts.county.townships.map((t) => ({ value: t.id, label: t.name, words: [t.name, t.name.replace(/(街道|镇|乡)$/u, '')] })),

    'booking.hospitals': async (ctx) => {
      const offering = new Set(await port.hospitalsOffering(servicesOf(ctx)));
      const township = str((await ctx.facts()).township);
      const hospitals = texts.county.hospitals.filter((h) => offering.has(h.id));
      hospitals.sort((a, b) => Number(b.servesFirst.includes(township)) - Number(a.servesFirst.includes(township)));
      return hospitals.map((h) => ({ value: h.id, label: h.name, words: hospitalWords(h.name, texts.county.name) }));
    },

    'booking.days': async (ctx) => {
      const serviceIds = servicesOf(ctx);
      const { days } = await allowedDays(ctx, serviceIds);
      const allowed = new Set(days);
      const seats = await port.availability(await seeker(ctx), str(ctx.vars.hospitalId), serviceIds, ctx.now);
      const byDay = new Map<string, number>();
      for (const s of seats) if (allowed.has(s.day)) byDay.set(s.day, (byDay.get(s.day) ?? 0) + s.left);
      // moving a booking: its own day may be offered again (for the other session), but is marked
      const leaving = ctx.vars.changeCode ? (await visitByCode(ctx))?.[0].day : undefined;
      // the day she picked before, when she is back at the list (换个日子; another day named at the confirmation)
      const picked = str(ctx.vars.day);
      // the days after those listed may still be chosen by naming them (13号那天去): kept, not shown
      return [...byDay.entries()].map(([day, left], i) => ({
        value: day,
        label: texts.dayOption(day, left),
        day,
        ...(day === leaving ? { leaving: true } : {}),
        ...(day === picked && day !== leaving ? { picked: true } : {}),
        ...(i >= settings.daysListed ? { more: true } : {}),
      }));
    },

    'booking.sessions': async (ctx) => {
      const seats = await port.availability(await seeker(ctx), str(ctx.vars.hospitalId), servicesOf(ctx), ctx.now);
      return seats
        .filter((s) => s.day === str(ctx.vars.day))
        .map((s) => ({ value: s.session, label: texts.sessionOption(s.session, s.left), words: [texts.session(s.session), ...SESSION_WORDS[s.session]] }));
    },

    'booking.mine': async (ctx) =>
      (await activeVisits(ctx)).filter((v) => v[0].status === 'confirmed').map((v) => ({ value: v[0].code, label: texts.line(v), words: [v[0].code] })),
  };

  const actionMap = new Map<string, FlowAction>();
  for (const [name, spec] of BOOKING_ACTIONS) actionMap.set(name, declaredAction(name, spec, actions[name] ?? detours.actions[name]));
  return { actions: actionMap, sources: new Map(Object.entries({ ...sources, ...detours.sources })) };
}

function groupWaiting(places: { hospitalId: string; serviceId: string }[]): { hospitalId: string; serviceIds: string[] }[] {
  const byHospital = new Map<string, string[]>();
  for (const p of places) byHospital.set(p.hospitalId, [...(byHospital.get(p.hospitalId) ?? []), p.serviceId]);
  return [...byHospital.entries()].map(([hospitalId, serviceIds]) => ({ hospitalId, serviceIds }));
}
