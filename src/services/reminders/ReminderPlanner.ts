// Plans every timed message: prenatal window alerts, appointment reminders, newborn screens and
// re-screening. Nothing is stored per reminder: each planner derives a day's messages from the rows
// they depend on (due dates, birth dates, bookings, eligibility answers) through indexes, so a day
// costs what is due that day, not what is registered. Messages go to the outbox with dedupe keys:
// planning the same day twice, in one process or several, queues nothing twice.
//
// Two ways in: the daily job queues tomorrow's messages for everyone (planDay); any change to a
// woman's pregnancy or bookings reconciles her messages of today and tomorrow in the transaction of
// the change (reconcile), cancelling what no longer applies and queuing what now does.
import type { Db, Tx } from '../../db/client.js';
import { isForeignKeyViolation, isRetryableConflict, retrying, runTransaction } from '../../db/transaction.js';
import { addDays, isCalendarDay, shanghaiDay, shanghaiTime } from '../../domain/calendarDay.js';
import { enqueueMessages } from '../outbox/enqueueMessage.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import type { MessageReview } from '../outbox/dispatchAccount.js';
import { planAppointments } from './planAppointments.js';
import { BIRTH_CHECK, planBirthCheck } from './planBirthCheck.js';
import { planNewborn } from './planNewborn.js';
import { planPrenatal } from './planPrenatal.js';
import { planEligibleAgain, planRescreenAfterVisit } from './planRescreen.js';
import type { DroppedPart, PlanResult, PlanScope, ReminderConfig } from './reminderTypes.js';
import { listDropped, mergeLateSiblings, recordDropped, supersededIn, unmerge, type DroppedRow } from './lateMessages.js';
import { markMissedScreenings } from './markMissed.js';
import { DUE_PARTS, daysWithPlansDue, daysWithWindowsClosing } from './dueDays.js';
import { yieldToEventLoop } from './yieldToEventLoop.js';

type Planner = (q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope) => Promise<PlanResult>;

export type ReminderKind = 'prenatal' | 'appointment' | 'newborn' | 'rescreen';
const ALL_KINDS: readonly ReminderKind[] = ['prenatal', 'appointment', 'newborn', 'rescreen'];
const PLANNERS: Record<ReminderKind, Planner[]> = {
  prenatal: [planPrenatal, planBirthCheck],
  appointment: [planAppointments],
  newborn: [planNewborn],
  rescreen: [planEligibleAgain, planRescreenAfterVisit],
};
// every planner has its part in the clock jump's look-ahead
for (const k of ALL_KINDS) if (DUE_PARTS[k].length !== PLANNERS[k].length) throw new Error(`dueDays.ts: ${k} needs one part per planner`);
/** The dedupe-key prefix of each kind's messages. */
const PREFIX: Record<ReminderKind, string> = { prenatal: 'preg:', appointment: 'reminder:', newborn: 'newborn:', rescreen: 'rescreen:' };

/** Why a planned message was cancelled; only these come back if the message applies again. */
const REPLANNED = 'replanned';
export const UNSUBSCRIBED = 'unsubscribed';
const REVIVABLE = [REPLANNED, UNSUBSCRIBED];

/**
 * A page whose rows changed while it was planned (a woman who deleted her data between the read and
 * the insert: her rows are gone, the insert fails on its foreign key) is read again, at most twice more.
 */
const PAGE_RACE = { retryIf: (err: unknown) => isForeignKeyViolation(err) || isRetryableConflict(err), attempts: 3 };

/**
 * The day a timed message was planned for, read from its key ("<kind>:<subject>:<day>:…"; an
 * appointment reminder's key names the visit day, the day after): its notBefore moves with retries.
 */
export function plannedDay(kind: ReminderKind, dedupeKey: string): string | undefined {
  const day = dedupeKey.split(':')[2];
  if (!isCalendarDay(day)) return undefined;
  return kind === 'appointment' ? addDays(day, -1) : day;
}

/** The kind of a timed message, from its dedupe key (none for other messages: offers, notices). */
function kindOfKey(dedupeKey: string): ReminderKind | undefined {
  return ALL_KINDS.find((k) => dedupeKey.startsWith(PREFIX[k]));
}

/** Which of her messages one stands in for: its kind and the day it was planned for, whatever it lists. */
function messageSlot(dedupeKey: string): string {
  const kind = kindOfKey(dedupeKey);
  return kind ? `${kind}|${plannedDay(kind, dedupeKey) ?? ''}` : dedupeKey;
}

/**
 * Whether a key names the same message as `key`: its kind, subject and day, and (prenatal) whether
 * it is the birth question or the window alerts (whose alert set may change as screenings drop out).
 */
function sameSlot(key: string): (other: string) => boolean {
  const head = (k: string) => k.split(':').slice(0, 3).join(':');
  const birth = (k: string) => k.split(':')[3] === BIRTH_CHECK;
  return (other) => head(other) === head(key) && birth(other) === birth(key);
}

export interface PlanDayReport {
  /** Messages planned for the day. */
  planned: number;
  /** Of these, newly queued (the rest were queued before). */
  queued: number;
}

export class ReminderPlanner {
  constructor(
    private readonly db: Db,
    private readonly config: () => ReminderConfig,
    private readonly pageSize = 2000,
  ) {}

  /**
   * Queues every message due on `day`, page by page (each page's messages in one transaction). A day
   * already over (planned after a stop) queues its messages as they were due: each is worded for the
   * day it goes out, or dropped, when its turn comes (review).
   */
  async planDay(day: string, now: Date): Promise<PlanDayReport> {
    const report: PlanDayReport = { planned: 0, queued: 0 };
    const cfg = this.config();
    for (const planner of ALL_KINDS.flatMap((k) => PLANNERS[k])) {
      let after: string | undefined;
      for (;;) {
        // a woman who deletes her data between the read and the insert fails the page (her rows are
        // gone): the page is read again without her, so nobody else's reminders are lost
        const { items, last, queued } = await retrying(async () => {
          const page = await planner(this.db, cfg, day, { after, take: this.pageSize });
          const n = page.items.length > 0 ? await runTransaction(this.db, (tx) => enqueueMessages(tx, page.items, now)) : 0;
          return { ...page, queued: n };
        }, PAGE_RACE);
        report.planned += items.length;
        report.queued += queued;
        if (!last) break;
        after = last;
        await yieldToEventLoop();
      }
    }
    return report;
  }

  /**
   * Brings her timed messages of today and tomorrow in line with what is true now, inside the
   * caller's transaction: a message that no longer applies is cancelled, one that now applies is
   * queued (or brought back if it was cancelled by an earlier change), a changed text is updated.
   * Messages whose time has passed are not queued late, except in place of one cancelled here while
   * it was due and unsent.
   */
  async reconcile(tx: Tx, contactId: string, now: Date, kinds: readonly ReminderKind[] = ALL_KINDS): Promise<void> {
    const cfg = this.config();
    const today = shanghaiDay(now);
    const desired = new Map<string, OutboxItem>();
    for (const day of [today, addDays(today, 1)]) {
      for (const planner of kinds.flatMap((k) => PLANNERS[k])) {
        // the first message with a key wins, as in planDay (where a later one is not inserted)
        for (const item of (await planner(tx, cfg, day, { contactId })).items) if (!desired.has(item.dedupeKey)) desired.set(item.dedupeKey, item);
      }
    }
    const existing = await tx.outboxMessage.findMany({
      where: {
        contactId,
        status: { in: ['queued', 'cancelled'] },
        notBefore: { gte: shanghaiTime(today, 0, 0) },
        OR: kinds.map((k) => ({ dedupeKey: { startsWith: PREFIX[k] } })),
      },
      select: { id: true, dedupeKey: true, status: true, text: true, lastError: true, notBefore: true },
    });
    const byKey = new Map(existing.map((e) => [e.dedupeKey, e]));
    // the days' messages cancelled while already due but not yet sent (a backlog held them): what
    // replaces one of them (the same woman's alerts of that day, less a screening just booked) is
    // sent now instead of being lost
    const replacedDue = new Set<string>();
    for (const e of existing) {
      if (e.status === 'queued' && !desired.has(e.dedupeKey)) {
        const r = await tx.outboxMessage.updateMany({ where: { id: e.id, status: 'queued' }, data: { status: 'cancelled', lastError: REPLANNED } });
        if (r.count === 1 && e.notBefore <= now) replacedDue.add(messageSlot(e.dedupeKey));
      }
    }
    const fresh: OutboxItem[] = [];
    for (const d of desired.values()) {
      const e = byKey.get(d.dedupeKey);
      if (!e) {
        if (d.notBefore > now) fresh.push(d);
        else if (replacedDue.has(messageSlot(d.dedupeKey))) fresh.push({ ...d, notBefore: now });
      } else if (e.status === 'queued' && e.text !== d.text) {
        await tx.outboxMessage.updateMany({ where: { id: e.id, status: 'queued' }, data: { text: d.text } });
      } else if (e.status === 'cancelled' && REVIVABLE.includes(e.lastError ?? '') && (d.notBefore > now || replacedDue.has(messageSlot(d.dedupeKey)))) {
        await tx.outboxMessage.updateMany({
          where: { id: e.id, status: 'cancelled' },
          data: { status: 'queued', text: d.text, notBefore: d.notBefore > now ? d.notBefore : now, attempts: 0, lastError: null },
        });
      }
    }
    await enqueueMessages(tx, fresh, now);
  }

  /**
   * A queued timed message checked just before it is sent at `now` (other messages, offers and
   * notices, are not the planner's to judge):
   * - on its day: sent as it is while her situation still asks for it; cancelled when it no longer
   *   does (a change committed while the evening planning ran: a loss, a booking, a re-dating);
   * - after its day (the service was down over its evening, or the quiet hours, a throttled account
   *   or the daily cap held it): worded for today ("还剩7天" becomes the days really left, "从今天起"
   *   "现在"); what no longer makes sense (a window closed, a visit passed) or a later message of hers
   *   says is left out, and recorded for staff once the message is settled (`settle`); nothing left:
   *   cancelled. An appointment reminder (planned the day before) is late on the visit day.
   */
  async review(m: { id: string; contactId: string | null; dedupeKey: string; notBefore: Date }, now: Date): Promise<MessageReview> {
    const kind = kindOfKey(m.dedupeKey);
    if (!kind || !m.contactId) return {};
    const contactId = m.contactId;
    const cfg = this.config();
    const day = plannedDay(kind, m.dedupeKey) ?? shanghaiDay(m.notBefore);
    const today = shanghaiDay(now);
    if (today <= day) {
      for (const planner of PLANNERS[kind]) {
        const { items } = await planner(this.db, cfg, day, { contactId });
        if (items.some((i) => i.dedupeKey === m.dedupeKey)) return {};
      }
      return { cancel: 'no longer due' };
    }
    const slot = sameSlot(m.dedupeKey);
    // her other late messages about the same pregnancy or baby go out as this one: one message, each
    // screening once (no burst of old reminders after a long stop)
    const alsoDays = await mergeLateSiblings(this.db, { id: m.id, contactId, dedupeKey: m.dedupeKey }, now);
    const late = { on: today, now, skip: await supersededIn(this.db, { contactId, dedupeKey: m.dedupeKey }, today), alsoDays };
    const dropped: DroppedPart[] = [];
    let text: string | undefined;
    for (const planner of PLANNERS[kind]) {
      const r = await planner(this.db, cfg, day, { contactId, late });
      dropped.push(...(r.dropped ?? []).filter((d) => slot(`${d.keyPrefix}:${d.what === BIRTH_CHECK ? BIRTH_CHECK : ''}`)));
      text ??= r.items.find((i) => slot(i.dedupeKey))?.text;
    }
    const settle = (sent: boolean) => recordDropped(this.db, { messageId: m.id, contactId, kind, plannedDay: day, sent }, dropped, now);
    if (text !== undefined) return { text, ...(dropped.length > 0 ? { settle: () => settle(true) } : {}) };
    const why = dropped.map((d) => `${d.reason} ${d.what}${d.day ? ` ${d.day}` : ''}`).join(', ');
    return {
      cancel: `late (planned for ${day}): ${why || 'no longer due'}`,
      logReason: `late: ${[...new Set(dropped.map((d) => d.reason))].join(', ') || 'no longer due'}`,
      ...(dropped.length > 0 ? { settle: () => settle(false) } : {}),
    };
  }

  /** A message that failed for good: the late messages merged into it go out on their own. */
  messageFailed(messageId: string): Promise<number> {
    return unmerge(this.db, messageId);
  }

  /** What late messages left out between two days (for staff), newest first. */
  dropped(from: string, to: string, take: number, filter: { reason?: string; kind?: string } = {}): Promise<DroppedRow[]> {
    const cfg = this.config();
    const names = new Map<string, string>([...cfg.prenatal.map((s) => [s.id, s.name] as const), ...cfg.newborn.map((s) => [s.id, s.name] as const)]);
    return listDropped(this.db, { from, to, take, ...filter }, names);
  }

  /**
   * Of `days`, those planDay may queue something for, and those markMissed may mark something on,
   * read for all of them at once (a clock jump skips the rest). A superset: see dueDays.ts.
   */
  daysWithPlansDue(days: readonly string[]): Promise<Set<string>> {
    return daysWithPlansDue(this.db, this.config(), days);
  }

  daysWithWindowsClosing(days: readonly string[]): Promise<Set<string>> {
    return daysWithWindowsClosing(this.db, this.config(), days);
  }

  /**
   * Marks the screenings whose window closed the day before `day` with nothing booked or done as
   * missed (the daily job passes tomorrow: windows whose last day is today).
   */
  markMissed(day: string, now: Date): Promise<number> {
    // idempotent: a pass failed by a pregnancy deleted under it simply runs again
    return retrying(() => markMissedScreenings(this.db, this.config(), day, now, this.pageSize), PAGE_RACE);
  }
}
