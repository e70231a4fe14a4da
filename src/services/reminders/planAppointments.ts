// Appointment reminders of one day: every confirmed visit of the next day, one message per visit
// (两癌 = two bookings at one hospital and session) with the address, session, what to bring and
// how to prepare. Keys name the bookings, the day and the session: a change makes a new message.
import type { Db, Tx } from '../../db/client.js';
import { addDays, shanghaiAt } from '../../domain/calendarDay.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import { groupBy } from './groupBy.js';
import { CONTACT_SELECT, itemFor, mayReceive, type DroppedPart, type PlanResult, type PlanScope, type ReminderConfig } from './reminderTypes.js';

/** A late reminder on the visit day goes out until this long before the session ends. */
const LAST_CALL_MS = 60 * 60_000;

export async function planAppointments(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<PlanResult> {
  const visitDay = addDays(day, 1);
  const late = scope.late;
  // late, a visit marked attended or missed meanwhile has passed too (said so to staff, not "no longer due")
  const statuses = late ? ['confirmed', 'attended', 'noshow'] : ['confirmed'];
  const where = { day: visitDay, status: { in: statuses }, ...(scope.contactId ? { contactId: scope.contactId } : {}) };
  const select = {
    id: true,
    code: true,
    status: true,
    contactId: true,
    hospitalId: true,
    serviceId: true,
    session: true,
    contact: { select: CONTACT_SELECT },
  } as const;
  // paged by woman (`after` is a contact id), so the bookings of one visit are never split between
  // pages (that would make two half messages with other keys than her reconcile makes)
  const rows = await q.booking.findMany({
    where: { ...where, ...(scope.after ? { contactId: { gt: scope.after } } : {}) },
    orderBy: [{ contactId: 'asc' }, { id: 'asc' }],
    take: scope.take,
    select,
  });
  if (rows.length === 0) return { items: [] };
  const last = rows[rows.length - 1];
  if (scope.take !== undefined && rows.length === scope.take) {
    // the page is full: the rest of its last woman's bookings
    rows.push(...(await q.booking.findMany({ where: { ...where, contactId: last.contactId, id: { gt: last.id } }, orderBy: { id: 'asc' }, select })));
  }
  const at = shanghaiAt(day, cfg.appointmentTime);
  const items: OutboxItem[] = [];
  const dropped: DroppedPart[] = [];
  for (const visit of groupBy(rows, (b) => `${b.contactId}|${b.hospitalId}|${b.session}`).values()) {
    const c = visit[0].contact;
    if (!mayReceive(c)) continue;
    const ids = visit.map((b) => b.id).sort();
    const key = `reminder:${ids.join('+')}:${visitDay}:${visit[0].session}`;
    // late: a visit already passed (an earlier day, marked attended or missed, or today's session
    // ending within the hour: too late to set out) is not reminded
    const ends = cfg.sessionEnds[visit[0].session];
    const passed = visit.some((b) => b.status !== 'confirmed');
    const tooLate = (now: Date) => !!ends && now.getTime() >= shanghaiAt(visitDay, ends).getTime() - LAST_CALL_MS;
    if (late && (passed || visitDay < late.on || (visitDay === late.on && tooLate(late.now)))) {
      dropped.push({ keyPrefix: key.split(':').slice(0, 3).join(':'), what: 'visit', reason: 'visit_passed', day: visitDay });
      continue;
    }
    const text = cfg.texts.appointment({
      hospitalId: visit[0].hospitalId,
      day: visitDay,
      session: visit[0].session,
      serviceIds: visit.map((b) => b.serviceId),
      code: [...new Set(visit.map((b) => b.code))].sort()[0],
      ...(late && visitDay === late.on ? { today: true } : {}),
    });
    items.push(itemFor(c, text, key, at, 0));
  }
  return { items, last: last.contactId, dropped };
}
