// Cancelling a booking, and releasing everything of a woman who deletes her data. The cut-off stops
// new bookings and changes, never giving one back: a woman who cannot come may cancel until her
// session ends (never a no-show then). The freed seat goes to the first woman waiting (held for her,
// offer queued in the same transaction; after the cut-off with a hold ending before the session) or
// back to its pool.
import { runTransaction } from '../../db/transaction.js';
import type { Tx } from '../../db/client.js';
import { canCancel } from '../../domain/booking/bookableDays.js';
import type { BookingSettings } from '../../domain/profile/profileSchema.js';
import type { BookingContext } from './bookingContext.js';
import type { CancelArgs, CancelResult, SeatOutcome } from './bookingTypes.js';
import { passSeat } from './passSeat.js';
import { viewOf } from './seatSql.js';

interface ActiveRow {
  id: string;
  contactId: string;
  status: string;
  slotId: string;
  poolId: string;
  hospitalId: string;
  serviceId: string;
  day: string;
  session: string;
}

/**
 * Ends one active booking inside `tx` (claimed by a conditional write, so two processes never both
 * end it) and passes its seat on. Undefined when it was not active any more.
 */
export async function endBooking(
  tx: Tx,
  ctx: BookingContext,
  b: ActiveRow,
  to: 'cancelled' | 'expired',
  now: Date,
  settings: BookingSettings,
): Promise<SeatOutcome | undefined> {
  const claimed = await tx.booking.updateMany({
    // as it was read: a change committed meanwhile moved it to another pool, whose seat this must not release
    where: { id: b.id, status: b.status, poolId: b.poolId, ...(to === 'expired' ? { heldUntil: { lte: now } } : {}) },
    data: { status: to, activeKey: null, ...(to === 'cancelled' ? { cancelledAt: now } : {}) },
  });
  if (claimed.count === 0) return undefined;
  if (b.status === 'held') {
    await tx.waitlistEntry.updateMany({ where: { bookingId: b.id, status: 'offered' }, data: { status: to, activeKey: null, updatedAt: now } });
  }
  const seat = await passSeat(tx, ctx, b, now, settings, b.contactId);
  await ctx.bookingsChanged(tx, b.contactId, [b.serviceId], now);
  return seat;
}

export async function cancel(ctx: BookingContext, a: CancelArgs): Promise<CancelResult> {
  const settings = a.settings ?? ctx.settings;
  const b = await ctx.db.booking.findFirst({ where: { id: a.bookingId, contactId: a.contactId, status: { in: ['held', 'confirmed'] } } });
  if (!b) return { ok: false, reason: 'not_found' };
  // a seat held for her (a waitlist offer) may always be given up; a confirmed one until its session ends
  if (b.status === 'confirmed' && !canCancel(b.day, b.session, a.now, settings)) return { ok: false, reason: 'too_late' };
  const seat = await runTransaction(ctx.db, (tx) => endBooking(tx, ctx, b, 'cancelled', a.now, settings));
  if (!seat) return { ok: false, reason: 'not_found' };
  return { ok: true, booking: viewOf({ ...b, status: 'cancelled', heldUntil: b.heldUntil }), seat };
}

/**
 * Inside the caller's transaction (删除我的信息; a lost pregnancy for its screenings): ends all her
 * held and confirmed bookings (of `serviceIds` if given), passing their seats on, and ends her
 * waitlist places for them. Returns how many bookings were released.
 */
export async function releaseAllFor(
  tx: Tx,
  ctx: BookingContext,
  contactId: string,
  now: Date,
  settings?: BookingSettings,
  serviceIds?: string[],
): Promise<number> {
  const s = settings ?? ctx.settings;
  const services = serviceIds ? { serviceId: { in: serviceIds } } : {};
  const active = await tx.booking.findMany({ where: { contactId, status: { in: ['held', 'confirmed'] }, ...services }, orderBy: { serviceId: 'asc' } });
  let released = 0;
  for (const b of active) {
    if (await endBooking(tx, ctx, b, 'cancelled', now, s)) released++;
  }
  await tx.waitlistEntry.updateMany({
    where: { contactId, status: { in: ['waiting', 'offered'] }, ...services },
    data: { status: 'cancelled', activeKey: null, updatedAt: now },
  });
  return released;
}
