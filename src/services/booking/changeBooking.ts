// Moving bookings (e.g. both services of a visit) to another day and session: the new seats are taken
// and the old ones set free in ONE transaction; if a new seat is missing nothing changes. A freed seat
// goes to the waitlist like a cancelled one. The bookings keep their ids and codes.
import { runTransaction } from '../../db/transaction.js';
import { canChange, isBookableDay } from '../../domain/booking/bookableDays.js';
import type { BookingContext } from './bookingContext.js';
import type { ChangeArgs, ChangeResult } from './bookingTypes.js';
import { isSession } from './bookSeats.js';
import { passSeat } from './passSeat.js';
import { viewOf } from './seatSql.js';
import { loadSlots, planSeats } from './slotQueries.js';
import { takeAll } from './takeSeats.js';

export async function change(ctx: BookingContext, a: ChangeArgs & { hospitalId?: string }): Promise<ChangeResult> {
  const settings = a.settings ?? ctx.settings;
  const ids = [...new Set(a.bookingIds)];
  const olds = await ctx.db.booking.findMany({ where: { id: { in: ids }, contactId: a.contactId, status: 'confirmed' } });
  if (ids.length === 0 || olds.length !== ids.length) return { ok: false, reason: 'not_found' };
  if (olds.some((b) => !canChange(b.day, a.now, settings))) return { ok: false, reason: 'too_late' };
  if (!isSession(a.session) || !isBookableDay(a.day, a.now, settings)) return { ok: false, reason: 'not_bookable' };
  const hospitalId = a.hospitalId ?? olds[0].hospitalId;
  const serviceIds = olds.map((b) => b.serviceId);
  if (new Set(serviceIds).size !== serviceIds.length) return { ok: false, reason: 'not_found' };
  const slots = await loadSlots(ctx.db, { hospitalId, serviceIds, days: [a.day], session: a.session });
  if (slots.length !== serviceIds.length || slots.some((s) => s.closed)) return { ok: false, reason: 'closed' };
  olds.sort((x, y) => x.serviceId.localeCompare(y.serviceId));
  const slotOf = new Map(slots.map((s) => [s.serviceId, s]));
  const moving = olds.filter((b) => slotOf.get(b.serviceId)!.id !== b.slotId);
  const plans = planSeats(
    moving.map((b) => slotOf.get(b.serviceId)!),
    a,
    a.now,
  );
  if (plans.some((p) => p.pools.length === 0)) return { ok: false, reason: 'full' };

  const outcome = await runTransaction(ctx.db, async (tx) => {
    // lock her bookings as they were read: a concurrent change or cancel of them makes this one stop
    for (const b of olds) {
      const same = await tx.booking.updateMany({ where: { id: b.id, status: 'confirmed', slotId: b.slotId, poolId: b.poolId }, data: { updatedAt: a.now } });
      if (same.count === 0) return 'not_found' as const;
    }
    const seats = await takeAll(tx, plans);
    if (!seats) return 'full' as const;
    for (let i = 0; i < moving.length; i++) {
      const b = moving[i];
      const { slot, poolId } = seats[i];
      await tx.booking.update({ where: { id: b.id }, data: { slotId: slot.id, poolId, hospitalId: slot.hospitalId, day: slot.day, session: slot.session } });
      await passSeat(tx, ctx, b, a.now, settings, a.contactId);
    }
    await ctx.bookingsChanged(tx, a.contactId, serviceIds, a.now);
    return 'ok' as const;
  });
  if (outcome !== 'ok') return { ok: false, reason: outcome };
  const rows = await ctx.db.booking.findMany({ where: { id: { in: ids } }, orderBy: { serviceId: 'asc' } });
  return { ok: true, bookings: rows.map(viewOf) };
}
