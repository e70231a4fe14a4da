// Booking one visit: one seat per service on one day and session, all in one transaction, each
// seat taken by a single conditional write on a pool in her pool order. On PostgreSQL the seats are
// taken last, after her booking rows and her reminders (seatLast.ts); on SQLite first.
import { runTransaction } from '../../db/transaction.js';
import type { Db } from '../../db/client.js';
import { isBookableDay } from '../../domain/booking/bookableDays.js';
import { visitCodeOf } from '../../domain/booking/bookingCode.js';
import type { BookingContext } from './bookingContext.js';
import { SESSIONS, type BookArgs, type BookingView, type BookResult, type Session } from './bookingTypes.js';
import { insertOneBooking, NoSeatLeft, takeSeatsLast } from './seatLast.js';
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

  if (ctx.provider === 'postgres') {
    // the seat is taken last, after her booking row and her reminders, all in one transaction: the
    // pool row is locked for one statement and the COMMIT, not through her reminders (seatLast.ts)
    let done: { kind: 'ok'; ids: string[]; codes: string[] } | { kind: 'active' };
    try {
      done = await runTransaction(ctx.db, async (tx) => {
        const w = { contactId: a.contactId, hospitalId: a.hospitalId, now: a.now, random: ctx.random };
        let ids: string[];
        let codes: string[];
        if (plans.length === 1) {
          // the surge's case: the booking row and the end of her waiting place are one statement
          const row = await insertOneBooking(tx, plans[0], w);
          if (row.kind === 'active') return row;
          [ids, codes] = [[row.id], [row.code]];
        } else {
          const visit = await insertVisit(
            tx,
            plans.map((p) => ({ slot: p.slot, poolId: p.pools[0].id })),
            { ...w, status: 'confirmed', heldUntil: null },
          );
          if (!visit.ok) return { kind: 'active' as const };
          for (const s of serviceIds) await endWaiting(tx, `${a.contactId}:${a.hospitalId}:${s}`, a.now);
          ({ ids, codes } = visit);
        }
        await ctx.bookingsChanged(tx, a.contactId, serviceIds, a.now);
        await takeSeatsLast(tx, plans, ids);
        return { kind: 'ok' as const, ids, codes };
      });
    } catch (err) {
      if (err instanceof NoSeatLeft) return { ok: false, reason: 'full' };
      throw err;
    }
    if (done.kind === 'active') return { ok: false, reason: 'already_booked', existing: await activeFor(ctx.db, a.contactId, serviceIds) };
    const { ids, codes } = done;
    return {
      ok: true,
      visitCode: visitCodeOf(codes[0]),
      bookings: plans.map((p, i) => viewOf({ ...p.slot, id: ids[i], code: codes[i], contactId: a.contactId, status: 'confirmed', heldUntil: null })),
    };
  }

  // SQLite (one transaction at a time): seats first, given back in the same committing transaction
  // when a slot has none or she turns out to be booked (no rollback: see seatSql.ts)
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
