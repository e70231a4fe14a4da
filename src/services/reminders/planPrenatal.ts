// The prenatal window alerts of one day: pregnancies whose due date puts an alert on that day, less
// the screenings she has booked, done or cannot have. One message per woman and day lists them all.
import type { Db, Tx } from '../../db/client.js';
import { addDays, shanghaiAt } from '../../domain/calendarDay.js';
import { alertSetKey, dueDatesWithAlertsOn, screeningApplies, windowOf, type DueAlert } from '../../domain/reminders/prenatalAlerts.js';
import { itemFor, mayReceive, type DroppedPart, type PlanResult, type PlanScope, type ReminderConfig } from './reminderTypes.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import { groupBy } from './groupBy.js';
import { activePregnanciesDue } from './pageByDueDate.js';

/** Booking statuses that silence a screening's alerts: offered, booked or done there. */
export const SILENCING_STATUSES = ['held', 'confirmed', 'attended'];

export async function planPrenatal(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<PlanResult> {
  const byDue = dueDatesWithAlertsOn(cfg.prenatal, day);
  if (byDue.size === 0) return { items: [] };
  const { rows, last } = await activePregnanciesDue(q, [...byDue.keys()], day, scope);
  if (rows.length === 0) return { items: [] };
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
  const at = shanghaiAt(day, cfg.time);
  const marksOf = groupBy(marks, (x) => x.pregnancyId);
  const bookingsOf = groupBy(bookings, (b) => b.contactId);
  const items: OutboxItem[] = [];
  const dropped: DroppedPart[] = [];
  for (const p of rows) {
    if (!mayReceive(p.contact)) continue;
    const lmp = addDays(p.dueDate, -280);
    const mine = marksOf.get(p.id) ?? [];
    const closed = new Set(mine.map((x) => x.screeningId));
    const missed = new Set(mine.filter((x) => x.status === 'missed').map((x) => x.screeningId));
    const booked = new Set((bookingsOf.get(p.contactId) ?? []).filter((b) => b.day >= lmp).map((b) => b.serviceId));
    const due = byDue
      .get(p.dueDate)!
      .filter((a) => screeningApplies(a.screening, { ageOnDueDate: p.ageOnDueDate, twins: p.twins, referred: p.referred, missed }));
    let alerts: DueAlert[];
    if (scope.late) {
      // sent after its day: what can no longer be done, or is said in a later message, is left out
      const late = scope.late;
      const keyPrefix = `preg:${p.id}:${day}`;
      alerts = [];
      for (const a of due) {
        const to = windowOf(a.screening, p.dueDate).to;
        const drop = (reason: DroppedPart['reason'], on?: string) => dropped.push({ keyPrefix, what: a.screening.id, reason, ...(on ? { day: on } : {}) });
        if (to < late.on) drop('window_closed', to);
        else if (late.skip.has(a.screening.id)) drop('in_later_message');
        else if (booked.has(a.screening.id) || (closed.has(a.screening.id) && !missed.has(a.screening.id))) drop('booked_or_done');
        else if (!closed.has(a.screening.id)) alerts.push(a);
      }
    } else {
      alerts = due.filter((a) => !closed.has(a.screening.id) && !booked.has(a.screening.id));
    }
    if (alerts.length === 0) continue;
    const text = cfg.texts.prenatal({
      dueDate: p.dueDate,
      day,
      lines: alerts.map((a) => ({ alert: a.alert, screening: a.screening })),
      ...(scope.late ? { sentOn: scope.late.on } : {}),
    });
    items.push(itemFor(p.contact, text, `preg:${p.id}:${day}:${alertSetKey(alerts)}`, at));
  }
  return { items, last, dropped };
}
