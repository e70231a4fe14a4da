// The pregnancy conversations' actions and choice list (flows/pregnancy.yaml, pregnancy_redate.yaml,
// birth.yaml, newborn.yaml, pregnancy_loss.yaml, screening_done.yaml), over the PregnancyPort.
import { actionSpecs, declaredAction, type ActionContext, type ActionResult, type ChoiceSource, type FlowAction } from '../actions.js';
import { daysBetween, shanghaiDay } from '../../domain/calendarDay.js';
import { pastPregnancyDay } from '../../domain/pregnancy/pastPregnancyDay.js';
import { gestationalAgeDays } from '../../domain/pregnancy/gestation.js';
import { ageRangeOn, asBirthDateFact, type BirthDateFact } from '../../domain/parse/birthDateFact.js';
import type { NewbornAnswers, PregnancyPort, PregnancyView, RegisterInput } from './pregnancyPort.js';
import type { PregnancyTexts } from './pregnancyTexts.js';

/** What summary() sets. */
const SUMMARY = ['dueDate', 'ga'];

export const PREGNANCY_ACTIONS = actionSpecs([
  ['pregnancy.current', ['none', 'active'], SUMMARY],
  ['pregnancy.needsCycle', ['ask', 'skip']],
  ['pregnancy.needsTwins', ['ask', 'skip']],
  ['pregnancy.needsBirthDate', ['ask', 'more', 'skip'], ['birthKnown']],
  ['pregnancy.preview', ['ok', 'implausible'], [...SUMMARY, 'lastPeriodNote', 'cycleNote', 'twinsNote', 'implausibleReason']],
  ['pregnancy.register', ['registered', 'exists', 'implausible'], [...SUMMARY, 'screeningPlan', 'reminderTime', 'implausibleReason']],
  ['pregnancy.registerDueDate', ['registered', 'exists', 'implausible'], [...SUMMARY, 'screeningPlan', 'reminderTime', 'implausibleReason']],
  ['pregnancy.previewRedate', ['ok', 'same', 'implausible', 'none'], [...SUMMARY, 'newDueDateText', 'newGa', 'redateNote', 'implausibleReason']],
  ['pregnancy.redate', ['moved', 'implausible', 'none'], [...SUMMARY, 'oldDueDate', 'screeningPlan', 'implausibleReason']],
  ['pregnancy.setTwins', ['changed', 'same', 'none']],
  ['pregnancy.birthStatus', ['active', 'born', 'none'], ['birthDate', 'newbornScreens']],
  ['pregnancy.reportBirth', ['born', 'implausible', 'none'], ['birthDate', 'newbornScreens', 'implausibleReason']],
  ['pregnancy.recordBirthOnly', ['born', 'too_late', 'implausible', 'exists'], ['birthDate', 'newbornScreens', 'implausibleReason']],
  ['newborn.status', ['ask', 'given', 'too_late', 'none'], ['birthDate']],
  ['newborn.consent', ['saved', 'all_done', 'none'], ['newbornPlan', 'reminderTime']],
  ['pregnancy.loss', ['stopped', 'stopped_bookings', 'baby', 'none']],
  ['pregnancy.markDone', ['done', 'none'], ['screeningName']],
  ['pregnancy.earlierCheck', ['ask', 'skip'], ['earlierId', 'earlierName', 'earlierOpens', 'earlierCloses']],
  ['pregnancy.recordEarlier', ['done'], ['screeningPlan']],
]);

export const PREGNANCY_CHOICE_SOURCES = ['pregnancy.openItems'] as const;

export interface PregnancyFlowDeps {
  port: PregnancyPort;
  texts: PregnancyTexts;
  /** Whether her words say she carries twins (twinsSaid.ts): for a registration that does not ask it. */
  twinsSaid?: (words: string, today: string) => boolean;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const DATING_FROM = ['weeks', 'dueDate', 'lastPeriod'] as const;

export function createPregnancyFlow(d: PregnancyFlowDeps): { actions: Map<string, FlowAction>; sources: Map<string, ChoiceSource> } {
  const { port, texts } = d;
  /** The newborn reminders end this many days after the birth. */
  const newbornDays = Math.max(0, ...port.settings.newborn.map((s) => s.window.toDay));

  /** Her birth date (as precise as she gave it), when the programme needs her age on the due date and she told it. */
  async function birthDateFor(ctx: ActionContext): Promise<BirthDateFact | undefined> {
    if (!port.needsAge()) return undefined;
    return asBirthDateFact((await ctx.facts()).birthDate);
  }

  /** What she answered (flows/pregnancy.yaml: dating, cycleDays, twins; her birthDate fact). */
  async function registerInput(ctx: ActionContext): Promise<RegisterInput> {
    const from = DATING_FROM.find((f) => f === ctx.vars['dating.from']) ?? 'dueDate';
    const cycle = ctx.vars.cycleDays;
    return {
      dueDate: str(ctx.vars['dating.dueDate']),
      datingFrom: from,
      // 不记得 / 不规律 leave it unset: counted as 28 days
      cycleDays: from === 'lastPeriod' && typeof cycle === 'number' ? cycle : undefined,
      twins: ctx.vars.twins === 'twins',
      birthDate: await birthDateFor(ctx),
    };
  }

  /** Refuses, saying why, a due date she cannot be pregnant with today. */
  const refuse = (dueDate: string, now: Date): ActionResult => ({
    outcome: 'implausible',
    vars: { implausibleReason: texts.implausibleDueDate(dueDate, shanghaiDay(now)) },
  });

  /** A due date she can be pregnant with today: plausible, and not before her pregnancy began. */
  const checkDueDate = (dueDate: string, now: Date): ActionResult | undefined => {
    const today = shanghaiDay(now);
    return port.plausibleDueDate(dueDate, today) && gestationalAgeDays(dueDate, today) >= 0 ? undefined : refuse(dueDate, now);
  };

  const summary = (p: Pick<PregnancyView, 'dueDate'>, now: Date) => ({ dueDate: texts.date(p.dueDate), ga: texts.ga(p.dueDate, now) });

  /** What registering told her: registered with its plan, one registered already, or a due date refused. */
  async function registered(ctx: ActionContext, r: Awaited<ReturnType<PregnancyPort['register']>>, dueDate: string): Promise<ActionResult> {
    if (r.ok) {
      const plan = texts.plan(await port.screenings(r.pregnancy, ctx.now));
      return { outcome: 'registered', vars: { ...summary(r.pregnancy, ctx.now), screeningPlan: plan, reminderTime: port.settings.reminderTime } };
    }
    if (r.reason === 'exists') {
      const p = await port.active(ctx.contact.id);
      return { outcome: 'exists', vars: p ? summary(p, ctx.now) : {} };
    }
    return refuse(dueDate, ctx.now);
  }

  /** The newborn screens still to come for her latest baby, with their days. */
  async function newbornPlan(contactId: string, birthDate: string, now: Date): Promise<string> {
    const open = new Set((await port.openNewbornScreens(contactId, now)).map((s) => s.id));
    return texts.newbornPlan(
      port.settings.newborn.filter((s) => open.has(s.id)),
      birthDate,
    );
  }

  /** Her latest baby, when the newborn screens can still be done (born in the last weeks). */
  async function recentBirth(contactId: string, now: Date): Promise<PregnancyView | undefined> {
    const p = await port.latest(contactId);
    if (p?.status !== 'born' || !p.birthDate) return undefined;
    return daysBetween(p.birthDate, shanghaiDay(now)) <= newbornDays ? p : undefined;
  }

  const actions: Record<string, (ctx: ActionContext) => Promise<ActionResult>> = {
    'pregnancy.current': async (ctx): Promise<ActionResult> => {
      const p = await port.active(ctx.contact.id);
      return p ? { outcome: 'active', vars: summary(p, ctx.now) } : { outcome: 'none' };
    },

    'pregnancy.needsCycle': async (ctx): Promise<ActionResult> => ({
      outcome: port.settings.askCycleLength && ctx.vars['dating.from'] === 'lastPeriod' ? 'ask' : 'skip',
    }),

    'pregnancy.needsTwins': async (): Promise<ActionResult> => ({ outcome: port.needsTwins() ? 'ask' : 'skip' }),

    // asked when her age on the due date matters; again for more when what she gave (a year, a
    // month, an age) leaves two ages on the due date that the screenings tell apart
    'pregnancy.needsBirthDate': async (ctx): Promise<ActionResult> => {
      if (!port.needsAge()) return { outcome: 'skip' };
      const input = await registerInput(ctx);
      if (!input.birthDate) return { outcome: 'ask' };
      const ages = ageRangeOn(input.birthDate, port.adjustedDueDate(input));
      if (!port.ageDecides(ages, input.twins ?? false)) return { outcome: 'skip' };
      return { outcome: 'more', vars: { birthKnown: texts.birthDate(input.birthDate) } };
    },

    'pregnancy.preview': async (ctx): Promise<ActionResult> => {
      const input = await registerInput(ctx);
      const dueDate = port.adjustedDueDate(input);
      const refused = checkDueDate(dueDate, ctx.now);
      if (refused) return refused;
      const moved = daysBetween(input.dueDate, dueDate);
      const v = ctx.vars;
      const notes = {
        lastPeriodNote: texts.lastPeriodNote(v['dating.assumedSaid'], v['dating.assumedDate'], v['dating.assumedLunar']),
        cycleNote: texts.cycleNote(input.cycleDays ?? 28, moved),
        twinsNote: texts.twinsNote(input.twins),
      };
      return { outcome: 'ok', vars: { ...summary({ dueDate }, ctx.now), ...notes } };
    },

    'pregnancy.register': async (ctx): Promise<ActionResult> => {
      const input = await registerInput(ctx);
      return registered(ctx, await port.register(ctx.contact.id, input, ctx.now), port.adjustedDueDate(input));
    },

    // offered after a prenatal booking (booking.yaml): the due date she gave for it, not asked again;
    // twins when her words that started the booking said so (俺想约个NT 十二周了 怀的双胞胎), else one
    'pregnancy.registerDueDate': async (ctx): Promise<ActionResult> => {
      const dueDate = str((await ctx.facts()).dueDate);
      const refused = checkDueDate(dueDate, ctx.now);
      if (refused) return refused;
      const twins = !!ctx.words && !!d.twinsSaid?.(ctx.words, shanghaiDay(ctx.now));
      const r = await port.register(ctx.contact.id, { dueDate, datingFrom: 'dueDate', twins, birthDate: await birthDateFor(ctx) }, ctx.now);
      return registered(ctx, r, dueDate);
    },

    'pregnancy.earlierCheck': async (ctx): Promise<ActionResult> => {
      const s = await port.earlierToAsk(ctx.contact.id, ctx.now);
      if (!s) return { outcome: 'skip' };
      return {
        outcome: 'ask',
        vars: { earlierId: s.id, earlierName: s.name, earlierOpens: texts.gaDays(s.opensDay), earlierCloses: texts.gaDays(s.closesDay) },
      };
    },

    'pregnancy.recordEarlier': async (ctx): Promise<ActionResult> => {
      // not remembered counts as not done: what follows a missed one (a free fallback scan) is offered
      const answer = str(ctx.vars.earlierAnswer);
      await port.recordEarlier(ctx.contact.id, str(ctx.vars.earlierId), answer === 'done', ctx.now);
      const p = await port.active(ctx.contact.id);
      return { outcome: 'done', vars: p ? { screeningPlan: texts.plan(await port.screenings(p, ctx.now)) } : {} };
    },

    'pregnancy.previewRedate': async (ctx): Promise<ActionResult> => {
      const p = await port.active(ctx.contact.id);
      if (!p) return { outcome: 'none' };
      const dueDate = str(ctx.vars.newDueDate);
      if (dueDate === p.dueDate) return { outcome: 'same', vars: summary(p, ctx.now) };
      const refused = checkDueDate(dueDate, ctx.now);
      if (refused) return refused;
      const redateNote = texts.redateFarNote(p.dueDate, dueDate, ctx.now);
      return { outcome: 'ok', vars: { newDueDateText: texts.date(dueDate), newGa: texts.ga(dueDate, ctx.now), redateNote } };
    },

    // (pregnancy_twins.yaml: her answer `twinsNow`, one of the twins question's values)
    'pregnancy.setTwins': async (ctx): Promise<ActionResult> => ({
      outcome: await port.setTwins(ctx.contact.id, ctx.vars.twinsNow === 'twins', ctx.now),
    }),

    'pregnancy.redate': async (ctx): Promise<ActionResult> => {
      const r = await port.redate(ctx.contact.id, str(ctx.vars.newDueDate), ctx.now, await birthDateFor(ctx));
      if (!r.ok) {
        if (r.reason === 'none') return { outcome: 'none' };
        return refuse(str(ctx.vars.newDueDate), ctx.now);
      }
      const plan = texts.plan(await port.screenings(r.pregnancy, ctx.now));
      return { outcome: 'moved', vars: { ...summary(r.pregnancy, ctx.now), oldDueDate: texts.date(r.before), screeningPlan: plan } };
    },

    'pregnancy.birthStatus': async (ctx): Promise<ActionResult> => {
      if (await port.awaitingBirth(ctx.contact.id)) return { outcome: 'active' };
      const born = await recentBirth(ctx.contact.id, ctx.now);
      if (born?.birthDate) return { outcome: 'born', vars: { birthDate: texts.date(born.birthDate) } };
      return { outcome: 'none', vars: { newbornScreens: texts.newbornScreens(port.settings.newborn) } };
    },

    'pregnancy.reportBirth': async (ctx): Promise<ActionResult> => {
      const birthDate = str(ctx.vars['babyBirth.date']);
      if (ctx.vars['babyBirth.precision'] !== 'day') return { outcome: 'implausible', vars: { implausibleReason: texts.birthNotDay() } };
      const active = await port.awaitingBirth(ctx.contact.id);
      const r = await port.reportBirth(ctx.contact.id, birthDate, ctx.now);
      if (r.ok) return { outcome: 'born', vars: { birthDate: texts.date(birthDate) } };
      if (r.reason === 'none') return { outcome: 'none', vars: { newbornScreens: texts.newbornScreens(port.settings.newborn) } };
      return { outcome: 'implausible', vars: { implausibleReason: texts.implausibleBirth(birthDate, active?.dueDate ?? birthDate, shanghaiDay(ctx.now)) } };
    },

    'pregnancy.recordBirthOnly': async (ctx): Promise<ActionResult> => {
      const birthDate = str(ctx.vars['babyBirth.date']);
      const screens = { newbornScreens: texts.newbornScreens(port.settings.newborn) };
      if (ctx.vars['babyBirth.precision'] !== 'day') return { outcome: 'implausible', vars: { implausibleReason: texts.birthNotDay() } };
      const r = await port.recordBirthOnly(ctx.contact.id, birthDate, ctx.now, newbornDays);
      if (r.ok) return { outcome: 'born', vars: { birthDate: texts.date(birthDate) } };
      return { outcome: r.reason, vars: screens };
    },

    'newborn.status': async (ctx): Promise<ActionResult> => {
      const latest = await port.latest(ctx.contact.id);
      if (latest?.status !== 'born' || !latest.birthDate) return { outcome: 'none' };
      const born = await recentBirth(ctx.contact.id, ctx.now);
      if (!born) return { outcome: 'too_late', vars: { birthDate: texts.date(latest.birthDate) } };
      return { outcome: born.guardianConsent ? 'given' : 'ask', vars: { birthDate: texts.date(latest.birthDate) } };
    },

    'newborn.consent': async (ctx): Promise<ActionResult> => {
      const answers: NewbornAnswers = {
        heelBloodDone: ctx.vars.heel === 'done' ? true : ctx.vars.heel === 'notDone' ? false : null,
        hearingFirst: ctx.vars.hearing === 'passed' || ctx.vars.hearing === 'failed' || ctx.vars.hearing === 'notDone' ? ctx.vars.hearing : null,
      };
      const p = await port.newbornConsent(ctx.contact.id, answers, ctx.now);
      if (!p?.birthDate) return { outcome: 'none' };
      const plan = await newbornPlan(ctx.contact.id, p.birthDate, ctx.now);
      return plan ? { outcome: 'saved', vars: { newbornPlan: plan, reminderTime: port.settings.reminderTime } } : { outcome: 'all_done' };
    },

    'pregnancy.loss': async (ctx): Promise<ActionResult> => {
      // the day she named (孩子没了 上礼拜三流掉了), else today
      const active = ctx.words ? await port.active(ctx.contact.id) : undefined;
      const endedOn = ctx.words ? pastPregnancyDay(ctx.words, shanghaiDay(ctx.now), active?.dueDate) : undefined;
      const r = await port.reportLoss(ctx.contact.id, ctx.now, endedOn);
      if (r.bookingsReleased > 0) return { outcome: 'stopped_bookings' };
      if (r.ended) return { outcome: 'stopped' };
      // after the birth: the baby died; its reminders stop
      const baby = await recentBirth(ctx.contact.id, ctx.now);
      if (baby?.guardianConsent && (await port.stopNewborn(ctx.contact.id, ctx.now))) return { outcome: 'baby' };
      return { outcome: 'none' };
    },

    'pregnancy.markDone': async (ctx): Promise<ActionResult> => {
      const id = str(ctx.vars.screeningId);
      const latest = await port.latest(ctx.contact.id);
      const prenatal = latest ? await port.screenings(latest, ctx.now) : [];
      const name = port.settings.newborn.find((s) => s.id === id)?.name ?? prenatal.find((s) => s.id === id)?.name ?? id;
      // the day she named (NT上礼拜三在周口做过了), else today
      const doneOn = ctx.words && latest ? pastPregnancyDay(ctx.words, shanghaiDay(ctx.now), latest.dueDate) : undefined;
      if (!(await port.markDone(ctx.contact.id, id, ctx.now, doneOn))) return { outcome: 'none' };
      return { outcome: 'done', vars: { screeningName: name } };
    },
  };

  const OPEN_STATES = new Set(['open', 'ahead', 'closed', 'missed']);
  const sources: Record<(typeof PREGNANCY_CHOICE_SOURCES)[number], ChoiceSource> = {
    // what she may still have to do: prenatal screenings not done or booked, newborn screens still needed
    'pregnancy.openItems': async (ctx) => {
      const active = await port.active(ctx.contact.id);
      const prenatal = active ? (await port.screenings(active, ctx.now)).filter((s) => OPEN_STATES.has(s.state)) : [];
      // in the order they come in the pregnancy
      prenatal.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
      const newborn = await port.openNewbornScreens(ctx.contact.id, ctx.now);
      return [
        ...prenatal.map((s) => ({ value: s.id, label: texts.item(s), words: [s.name, ...(port.settings.screeningWords[s.id] ?? [])] })),
        ...newborn.map((s) => ({ value: s.id, label: texts.newbornItem(s.name), words: [s.name] })),
      ];
    },
  };

  const actionMap = new Map<string, FlowAction>();
  for (const [name, spec] of PREGNANCY_ACTIONS) actionMap.set(name, declaredAction(name, spec, actions[name]));
  return { actions: actionMap, sources: new Map(Object.entries(sources)) };
}
