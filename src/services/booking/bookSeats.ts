// Booking one visit: one seat per service on one day and session, all in one transaction, each
// seat taken by a single conditional write on a pool in her pool order.
import { runTransaction } from '../../db/transaction.js';
import type { Db } from '../../db/client.js';
import { isBookableDay } from '../../domain/booking/bookableDays.js';
import { visitCodeOf } from '../../domain/booking/bookingCode.js';
import type { BookingContext } from './bookingContext.js';
import { SESSIONS, type BookArgs, type BookingView, type BookResult, type Session } from './bookingTypes.js';
import { bookOneStatement } from './bookOneStatement.js';
import { activeKeyOf, endWaiting, viewOf } from './seatSql.js';
import { normalizeServiceIds, planSeats, readBookingState } from './slotQueries.js';
import { giveBack, insertVisit, takeAll } from './takeSeats.js';

export const isSession = (s: string): s is Session => (SESSIONS as readonly string[]).includes(s);

/** Her held or confirmed bookings for these services (findUnique: Prisma batches these cheaply). */
async function activeFor(db: Db, contactId: string, serviceIds: string[]): Promise<BookingView[]> {
  const rows = await Promise.all(serviceIds.map((s) => db.booking.findUnique({ where: { activeKey: activeKeyOf(contactId, s) } })));
  return rows.flatMap((r) => (r ? [viewOf(r)] : []));
}

export async function book(ctx: BookingContext, a: BookArgs): Promise<BookResult> {
  const settings = a.settings ?? ctx.settings;
  const serviceIds = normalizeServiceIds(a.serviceIds);
  if (serviceIds.length === 0 || !isSession(a.session) || !isBookableDay(a.day, a.now, settings)) {
    return { ok: false, reason: 'not_bookable' };
  }
  const state = await readBookingState(ctx.db, { hospitalId: a.hospitalId, serviceIds, days: [a.day], session: a.session, contactId: a.contactId });
  if (serviceIds.some((s) => state.activeServiceIds.has(s))) {
    return { ok: false, reason: 'already_booked', existing: await activeFor(ctx.db, a.contactId, serviceIds) };
  }
  const { slots } = state;
  if (slots.length !== serviceIds.length || slots.some((s) => s.closed)) return { ok: false, reason: 'closed' };
  slots.sort((x, y) => x.serviceId.localeCompare(y.serviceId));
  const plans = planSeats(slots, a, a.now);
  if (plans.some((p) => p.pools.length === 0)) return { ok: false, reason: 'full' };

  if (ctx.provider === 'postgres' && plans.length === 1) {
    // the surge's fast path: the seat and the booking are one statement, her reminders follow in the
    // same transaction (a booking never commits without them)
    const one = await runTransaction(ctx.db, async (tx) => {
      const taken = await bookOneStatement(tx, plans[0], { contactId: a.contactId, hospitalId: a.hospitalId, now: a.now, random: ctx.random });
      if (taken.kind === 'ok') await ctx.bookingsChanged(tx, a.contactId, serviceIds, a.now);
      return taken;
    });
    if (one.kind === 'full') return { ok: false, reason: 'full' };
    if (one.kind === 'active') return { ok: false, reason: 'already_booked', existing: await activeFor(ctx.db, a.contactId, serviceIds) };
    const view = viewOf({ ...plans[0].slot, id: one.id, code: one.code, contactId: a.contactId, status: 'confirmed', heldUntil: null });
    return { ok: true, visitCode: one.code, bookings: [view] };
  }

  const outcome = await runTransaction(ctx.db, async (tx) => {
    const seats = await takeAll(tx, plans);
    if (!seats) return { kind: 'full' as const };
    const visit = await insertVisit(tx, seats, { contactId: a.contactId, status: 'confirmed', heldUntil: null, now: a.now, random: ctx.random });
    if (!visit.ok) {
      await giveBack(tx, seats);
      return { kind: 'active' as const };
    }
    // a place she was waiting for at this hospital is no longer needed
    if (state.waiting || serviceIds.length > 1) {
      for (const s of serviceIds) await endWaiting(tx, `${a.contactId}:${a.hospitalId}:${s}`, a.now);
    }
    await ctx.bookingsChanged(tx, a.contactId, serviceIds, a.now);
    return { kind: 'ok' as const, seats, visit };
  });

  if (outcome.kind === 'full') return { ok: false, reason: 'full' };
  if (outcome.kind === 'active') return { ok: false, reason: 'already_booked', existing: await activeFor(ctx.db, a.contactId, serviceIds) };
  const { seats, visit } = outcome;
  return {
    ok: true,
    visitCode: visitCodeOf(visit.codes[0]),
    bookings: seats.map((s, i) => viewOf({ ...s.slot, id: visit.ids[i], code: visit.codes[i], contactId: a.contactId, status: 'confirmed', heldUntil: null })),
  };
}
