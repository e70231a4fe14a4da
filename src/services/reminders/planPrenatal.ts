// The prenatal window alerts of one day: pregnancies whose due date puts an alert on that day, less
// the screenings she has booked, done or cannot have. One message per woman and day lists them all.
import type { Db, Tx } from '../../db/client.js';
import { addDays, shanghaiAt } from '../../domain/calendarDay.js';
import { alertSetKey, dueDatesWithAlertsOn, screeningApplies, type DueAlert } from '../../domain/reminders/prenatalAlerts.js';
import { itemFor, mayReceive, type PlanScope, type ReminderConfig } from './reminderTypes.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import { groupBy } from './groupBy.js';
import { activePregnanciesDue } from './pageByDueDate.js';

/** Booking statuses that silence a screening's alerts: offered, booked or done there. */
export const SILENCING_STATUSES = ['held', 'confirmed', 'attended'];

export async function planPrenatal(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<{ items: OutboxItem[]; last?: string }> {
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
  for (const p of rows) {
    if (!mayReceive(p.contact)) continue;
    const lmp = addDays(p.dueDate, -280);
    const mine = marksOf.get(p.id) ?? [];
    const closed = new Set(mine.map((x) => x.screeningId));
    const missed = new Set(mine.filter((x) => x.status === 'missed').map((x) => x.screeningId));
    const booked = new Set((bookingsOf.get(p.contactId) ?? []).filter((b) => b.day >= lmp).map((b) => b.serviceId));
    const alerts: DueAlert[] = byDue
      .get(p.dueDate)!
      .filter((a) => !closed.has(a.screening.id) && !booked.has(a.screening.id))
      .filter((a) => screeningApplies(a.screening, { ageOnDueDate: p.ageOnDueDate, twins: p.twins, referred: p.referred, missed }));
    if (alerts.length === 0) continue;
    const text = cfg.texts.prenatal({
      dueDate: p.dueDate,
      day,
      lines: alerts.map((a) => ({ text: a.alert.text, screening: a.screening, alertDays: a.alert.days })),
    });
    items.push(itemFor(p.contact, text, `preg:${p.id}:${day}:${alertSetKey(alerts)}`, at));
  }
  return { items, last };
}
