// The prenatal window alerts of one day: pregnancies whose due date puts an alert on that day, less
// the screenings she has booked, done or cannot have. One message per woman and day lists them all.
// Late (a message that goes out after its day, see ReminderPlanner.review): her alerts of that day
// and of the other days merged into it, each screening once, worded for the day it goes out.
import type { Db, Tx } from '../../db/client.js';
import { addDays, shanghaiAt } from '../../domain/calendarDay.js';
import { alertSetKey, dueDatesWithAlertsOn, screeningApplies, windowOf, type DueAlert } from '../../domain/reminders/prenatalAlerts.js';
import { itemFor, mayReceive, type DroppedPart, type PlanContact, type PlanResult, type PlanScope, type ReminderConfig } from './reminderTypes.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import { groupBy } from './groupBy.js';
import { activePregnanciesDue } from './pageByDueDate.js';

/** Booking statuses that silence a screening's alerts: offered, booked or done there. */
export const SILENCING_STATUSES = ['held', 'confirmed', 'attended'];

/** A pregnancy with alerts on a day, the alerts the programme offers her, and what she has done about them. */
interface DueEntry {
  p: { id: string; dueDate: string; contact: PlanContact };
  due: DueAlert[];
  /** Screenings booked (or done) this pregnancy; screenings marked (done, missed …); of these, missed. */
  booked: Set<string>;
  closed: Set<string>;
  missed: Set<string>;
}

async function dueOn(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<{ entries: DueEntry[]; last?: string }> {
  const byDue = dueDatesWithAlertsOn(cfg.prenatal, day);
  if (byDue.size === 0) return { entries: [] };
  const { rows, last } = await activePregnanciesDue(q, [...byDue.keys()], day, scope);
  if (rows.length === 0) return { entries: [] };
  const marks = await q.pregnancyScreening.findMany({
    where: { pregnancyId: { in: rows.map((r) => r.id) } },
    select: { pregnancyId: true, screeningId: true, status: true },
  });
  const bookings = await q.booking.findMany({
    where: {
      contactId: { in: [...new Set(rows.map((r) => r.contactId))] },
      serviceId: { in: cfg.prenatal.map((s) => s.id) },
      status: { in: SILENCING_STATUSES },
    },
    select: { contactId: true, serviceId: true, day: true },
  });
  const marksOf = groupBy(marks, (x) => x.pregnancyId);
  const bookingsOf = groupBy(bookings, (b) => b.contactId);
  const entries: DueEntry[] = [];
  for (const p of rows) {
    if (!mayReceive(p.contact)) continue;
    const lmp = addDays(p.dueDate, -280);
    const mine = marksOf.get(p.id) ?? [];
    const missed = new Set(mine.filter((x) => x.status === 'missed').map((x) => x.screeningId));
    entries.push({
      p,
      due: byDue.get(p.dueDate)!.filter((a) => screeningApplies(a.screening, { ageOnDueDate: p.ageOnDueDate, twins: p.twins, referred: p.referred, missed })),
      booked: new Set((bookingsOf.get(p.contactId) ?? []).filter((b) => b.day >= lmp).map((b) => b.serviceId)),
      closed: new Set(mine.map((x) => x.screeningId)),
      missed,
    });
  }
  return { entries, last };
}

export async function planPrenatal(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<PlanResult> {
  if (scope.late) return planLate(q, cfg, day, scope as PlanScope & Required<Pick<PlanScope, 'late'>>);
  const { entries, last } = await dueOn(q, cfg, day, scope);
  const at = shanghaiAt(day, cfg.time);
  const items: OutboxItem[] = [];
  for (const { p, due, booked, closed } of entries) {
    const alerts = due.filter((a) => !closed.has(a.screening.id) && !booked.has(a.screening.id));
    if (alerts.length === 0) continue;
    const text = cfg.texts.prenatal({ dueDate: p.dueDate, day, lines: alerts.map((a) => ({ alert: a.alert, screening: a.screening })) });
    items.push(itemFor(p.contact, text, `preg:${p.id}:${day}:${alertSetKey(alerts)}`, at));
  }
  return { items, last };
}

/**
 * One woman's late message of `day`, with the alerts of `late.alsoDays` merged in: each screening
 * once (the latest day's alert), what can no longer be done or is in a message she was sent left out.
 */
async function planLate(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope & Required<Pick<PlanScope, 'late'>>): Promise<PlanResult> {
  const { late } = scope;
  const byPregnancy = new Map<string, { entry: DueEntry; alerts: Map<string, { a: DueAlert; day: string }> }>();
  for (const d of [...new Set([day, ...(late.alsoDays ?? [])])].sort()) {
    for (const entry of (await dueOn(q, cfg, d, { contactId: scope.contactId })).entries) {
      const seen = byPregnancy.get(entry.p.id) ?? { entry, alerts: new Map<string, { a: DueAlert; day: string }>() };
      for (const a of entry.due) seen.alerts.set(a.screening.id, { a, day: d });
      byPregnancy.set(entry.p.id, seen);
    }
  }
  const items: OutboxItem[] = [];
  const dropped: DroppedPart[] = [];
  for (const { entry, alerts: all } of byPregnancy.values()) {
    const { p, booked, closed, missed } = entry;
    const keyPrefix = `preg:${p.id}:${day}`;
    const alerts: DueAlert[] = [];
    for (const { a, day: alertDay } of all.values()) {
      const id = a.screening.id;
      const to = windowOf(a.screening, p.dueDate).to;
      if (to < late.on) dropped.push({ keyPrefix, what: id, reason: 'window_closed', day: to });
      else if (alertDay <= (late.skip.get(id) ?? '')) dropped.push({ keyPrefix, what: id, reason: 'in_later_message' });
      else if (booked.has(id) || (closed.has(id) && !missed.has(id))) dropped.push({ keyPrefix, what: id, reason: 'booked_or_done' });
      else if (!closed.has(id)) alerts.push(a);
    }
    if (alerts.length === 0) continue;
    // (in the profile's order of screenings, as on its day)
    alerts.sort((x, y) => cfg.prenatal.indexOf(x.screening) - cfg.prenatal.indexOf(y.screening));
    const text = cfg.texts.prenatal({ dueDate: p.dueDate, day, lines: alerts.map((a) => ({ alert: a.alert, screening: a.screening })), sentOn: late.on });
    items.push(itemFor(p.contact, text, `preg:${p.id}:${day}:${alertSetKey(alerts)}`, shanghaiAt(day, cfg.time)));
  }
  return { items, dropped };
}
