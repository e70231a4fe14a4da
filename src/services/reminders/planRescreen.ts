// Re-screening reminders of one day (两癌): a woman told she could join from this day (she was too
// young, or screened inside the interval), and a woman whose screen was this many years ago today.
// One message per woman and day, whichever way she qualifies.
import type { Db, Tx } from '../../db/client.js';
import { shanghaiAt } from '../../domain/calendarDay.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import { groupBy } from './groupBy.js';
import { SILENCING_STATUSES } from './planPrenatal.js';
import { CONTACT_SELECT, itemFor, mayReceive, type PlanScope, type ReminderConfig } from './reminderTypes.js';

const PROGRAMME = 'twoCancer';

/** The day `years` calendar years before `day` (29 Feb → 28 Feb). */
export function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dd = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** Women told on an eligibility check that they can join from `day`. */
export async function planEligibleAgain(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<{ items: OutboxItem[]; last?: string }> {
  const rows = await q.eligibilityCheck.findMany({
    where: {
      nextEligibleOn: day,
      programme: PROGRAMME,
      reasonCode: { in: ['age_below', 'interval'] },
      ...(scope.contactId ? { contactId: scope.contactId } : {}),
      ...(scope.after ? { id: { gt: scope.after } } : {}),
    },
    orderBy: { id: 'asc' },
    take: scope.take,
    select: { id: true, contactId: true, reasonCode: true, checkedAt: true, contact: { select: CONTACT_SELECT } },
  });
  if (rows.length === 0) return { items: [] };
  // only her latest answer counts: a later check (or a booking since) replaces this one
  const later = await q.eligibilityCheck.findMany({
    where: { contactId: { in: rows.map((r) => r.contactId) }, programme: PROGRAMME },
    select: { contactId: true, checkedAt: true },
  });
  const latestOf = new Map<string, number>();
  for (const l of later) latestOf.set(l.contactId, Math.max(latestOf.get(l.contactId) ?? 0, l.checkedAt.getTime()));
  const booked = await bookedSince(q, cfg, rows.map((r) => r.contactId), '0000-01-01');
  const at = shanghaiAt(day, cfg.time);
  const items: OutboxItem[] = [];
  for (const r of rows) {
    if (!mayReceive(r.contact) || latestOf.get(r.contactId)! > r.checkedAt.getTime()) continue;
    if ((booked.get(r.contactId) ?? []).some((b) => b.createdAt.getTime() > r.checkedAt.getTime())) continue;
    const text = cfg.texts.rescreen(r.reasonCode === 'age_below' ? { kind: 'age' } : { kind: 'interval' });
    items.push(itemFor(r.contact, text, `rescreen:${r.contactId}:${day}`, at));
  }
  return { items, last: rows[rows.length - 1].id };
}

/** Women whose 两癌 screen was done the programme's interval ago today, with nothing booked since. */
export async function planRescreenAfterVisit(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<{ items: OutboxItem[]; last?: string }> {
  const years = cfg.rescreen.years;
  if (!years || cfg.rescreen.serviceIds.length === 0) return { items: [] };
  const visitDay = yearsBefore(day, years);
  const rows = await q.booking.findMany({
    where: {
      day: visitDay,
      status: 'attended',
      serviceId: { in: cfg.rescreen.serviceIds },
      ...(scope.contactId ? { contactId: scope.contactId } : {}),
      // paged by woman (`after` is a contact id): her screens of that visit make one message
      ...(scope.after ? { contactId: { gt: scope.after } } : {}),
    },
    orderBy: [{ contactId: 'asc' }, { id: 'asc' }],
    take: scope.take,
    select: { id: true, contactId: true, contact: { select: CONTACT_SELECT } },
  });
  if (rows.length === 0) return { items: [] };
  const since = await bookedSince(q, cfg, rows.map((r) => r.contactId), visitDay, true);
  const at = shanghaiAt(day, cfg.time);
  const items: OutboxItem[] = [];
  for (const [contactId, [r]] of groupBy(rows, (x) => x.contactId)) {
    if (!mayReceive(r.contact) || since.has(contactId)) continue;
    items.push(itemFor(r.contact, cfg.texts.rescreen({ kind: 'interval' }), `rescreen:${contactId}:${day}`, at));
  }
  return { items, last: rows[rows.length - 1].contactId };
}

/** Her 两癌 bookings (held, confirmed or attended) after `day` (strictly, when `after`). */
async function bookedSince(q: Tx | Db, cfg: ReminderConfig, contactIds: string[], day: string, after = false) {
  const rows = await q.booking.findMany({
    where: {
      contactId: { in: [...new Set(contactIds)] },
      serviceId: { in: cfg.rescreen.serviceIds },
      status: { in: SILENCING_STATUSES },
      day: after ? { gt: day } : { gte: day },
    },
    select: { contactId: true, createdAt: true },
  });
  return groupBy(rows, (b) => b.contactId);
}
