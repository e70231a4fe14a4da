// Re-screening reminders of one day (两癌): a woman told she could join from this day (she was too
// young, or screened inside the interval), and a woman whose screen was this many years ago today.
// One message per woman and day, whichever way she qualifies. Neither goes to a woman pregnant now
// (两癌 waits until after the pregnancy) or known to be past the programme's age range on the day.
import type { Db, Tx } from '../../db/client.js';
import { daysYearsBefore, isCalendarDay, shanghaiAt } from '../../domain/calendarDay.js';
import { ageRangeOn, asBirthDateFact, type BirthDateFact } from '../../domain/parse/birthDateFact.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import { groupBy } from './groupBy.js';
import { SILENCING_STATUSES } from './planPrenatal.js';
import { CONTACT_SELECT, itemFor, mayReceive, type PlanResult, type PlanScope, type ReminderConfig } from './reminderTypes.js';

/**
 * The visit days whose re-screening falls on `day`, `years` calendar years later: the day the
 * eligibility check names for the interval (addYears), so a visit on 29 Feb is reminded on 1 Mar of
 * a year without 29 Feb, with the 1 Mar visits, once. Oldest first; [] for a malformed day.
 */
export function rescreenVisitDays(day: string, years: number): string[] {
  if (!isCalendarDay(day) || !Number.isInteger(years)) return [];
  return daysYearsBefore(day, years);
}

/**
 * Of these women, the ones not to remind of 两癌 on `day`, read for the whole page at once: pregnant
 * now (an active registered pregnancy), or known to be older than the programme's maximum age on the
 * day (her birth date fact, even a year or an age she gave; without one, her latest 两癌 answer saying she was over the age). A woman
 * whose birth date is not known is reminded: the text invites her to check.
 */
async function notToRemind(q: Tx | Db, cfg: ReminderConfig, contactIds: string[], day: string): Promise<Set<string>> {
  const ids = [...new Set(contactIds)];
  const out = new Set<string>();
  const pregnant = await q.pregnancy.findMany({ where: { contactId: { in: ids }, status: 'active' }, select: { contactId: true } });
  for (const p of pregnant) out.add(p.contactId);
  const range = cfg.rescreen.age;
  if (!range) return out;
  const facts = await q.fact.findMany({ where: { contactId: { in: ids }, key: range.fact }, select: { contactId: true, valueJson: true } });
  const birthOf = new Map<string, BirthDateFact>();
  for (const f of facts) {
    const value = asBirthDateFact(parseJson(f.valueJson));
    if (value !== undefined) birthOf.set(f.contactId, value);
  }
  const unknown: string[] = [];
  for (const id of ids) {
    const birthDate = birthOf.get(id);
    if (birthDate === undefined) unknown.push(id);
    // (a year, a month or an age she gave: only when she is over the age whichever day it was)
    else if (ageRangeOn(birthDate, day).min > range.max) out.add(id);
  }
  if (unknown.length > 0) {
    const checks = await q.eligibilityCheck.findMany({
      where: { contactId: { in: unknown }, programme: cfg.rescreen.programme },
      select: { contactId: true, reasonCode: true, checkedAt: true },
    });
    const latest = new Map<string, { reasonCode: string | null; checkedAt: Date }>();
    for (const c of checks) {
      const l = latest.get(c.contactId);
      if (!l || c.checkedAt.getTime() > l.checkedAt.getTime()) latest.set(c.contactId, c);
    }
    for (const [id, c] of latest) if (c.reasonCode === 'age_above') out.add(id);
  }
  return out;
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

/** Women told on an eligibility check that they can join from `day`. */
export async function planEligibleAgain(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<PlanResult> {
  const rows = await q.eligibilityCheck.findMany({
    where: {
      nextEligibleOn: day,
      programme: cfg.rescreen.programme,
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
    where: { contactId: { in: rows.map((r) => r.contactId) }, programme: cfg.rescreen.programme },
    select: { contactId: true, checkedAt: true },
  });
  const latestOf = new Map<string, number>();
  for (const l of later) latestOf.set(l.contactId, Math.max(latestOf.get(l.contactId) ?? 0, l.checkedAt.getTime()));
  const booked = await bookedSince(
    q,
    cfg,
    rows.map((r) => r.contactId),
    '0000-01-01',
  );
  const skip = await notToRemind(
    q,
    cfg,
    rows.map((r) => r.contactId),
    day,
  );
  const at = shanghaiAt(day, cfg.time);
  const items: OutboxItem[] = [];
  for (const r of rows) {
    if (!mayReceive(r.contact) || skip.has(r.contactId) || latestOf.get(r.contactId)! > r.checkedAt.getTime()) continue;
    if ((booked.get(r.contactId) ?? []).some((b) => b.createdAt.getTime() > r.checkedAt.getTime())) continue;
    const text = cfg.texts.rescreen(r.reasonCode === 'age_below' ? { kind: 'age' } : { kind: 'interval' });
    items.push(itemFor(r.contact, text, `rescreen:${r.contactId}:${day}`, at));
  }
  return { items, last: rows[rows.length - 1].id };
}

/** Women whose 两癌 screen was done the programme's interval ago today, with nothing booked since. */
export async function planRescreenAfterVisit(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<PlanResult> {
  const years = cfg.rescreen.years;
  if (!years || cfg.rescreen.serviceIds.length === 0) return { items: [] };
  const visitDays = rescreenVisitDays(day, years);
  if (visitDays.length === 0) return { items: [] };
  const rows = await q.booking.findMany({
    where: {
      day: { in: visitDays },
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
  // booked after the last of these days (a screen on 1 Mar after one on 29 Feb is the same visit)
  const since = await bookedSince(
    q,
    cfg,
    rows.map((r) => r.contactId),
    visitDays[visitDays.length - 1],
    true,
  );
  const skip = await notToRemind(
    q,
    cfg,
    rows.map((r) => r.contactId),
    day,
  );
  const at = shanghaiAt(day, cfg.time);
  const items: OutboxItem[] = [];
  for (const [contactId, [r]] of groupBy(rows, (x) => x.contactId)) {
    if (!mayReceive(r.contact) || skip.has(contactId) || since.has(contactId)) continue;
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
