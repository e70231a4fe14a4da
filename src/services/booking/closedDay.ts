// The hospital closed a day (or session) that has bookings: each visit on it is cancelled, its seats
// released, and she is told at once (not counted as a no-show), with a way to rebook.
import { runTransaction } from '../../db/transaction.js';
import { visitCodeOf } from '../../domain/booking/bookingCode.js';
import type { BookingContext } from './bookingContext.js';
import { queueNotice } from './notices.js';
import { releaseSeat } from './seatSql.js';

export async function cancelForClosure(ctx: BookingContext, bookingIds: string[], now: Date): Promise<number> {
  let cancelled = 0;
  const done = new Set<string>();
  for (const id of bookingIds) {
    if (done.has(id)) continue;
    cancelled += await runTransaction(ctx.db, async (tx) => {
      const b = await tx.booking.findUnique({ where: { id } });
      if (!b || (b.status !== 'confirmed' && b.status !== 'held')) return 0;
      const base = visitCodeOf(b.code);
      const visit = await tx.booking.findMany({
        where: {
          contactId: b.contactId,
          hospitalId: b.hospitalId,
          day: b.day,
          session: b.session,
          status: { in: ['confirmed', 'held'] },
          OR: [{ code: base }, { code: { startsWith: `${base}-` } }],
        },
        orderBy: { code: 'asc' },
      });
      const claimed: typeof visit = [];
      for (const v of visit) {
        done.add(v.id);
        const c = await tx.booking.updateMany({ where: { id: v.id, status: v.status }, data: { status: 'cancelled', activeKey: null, cancelledAt: now } });
        if (c.count === 1) {
          await releaseSeat(tx, v.poolId);
          claimed.push(v);
        }
      }
      if (claimed.length === 0) return 0;
      await ctx.bookingsChanged(
        tx,
        b.contactId,
        claimed.map((v) => v.serviceId),
        now,
      );
      await queueNotice(
        tx,
        ctx,
        'closed',
        claimed[0],
        claimed.map((v) => v.serviceId),
        now,
        0,
      );
      return claimed.length;
    });
  }
  return cancelled;
}
