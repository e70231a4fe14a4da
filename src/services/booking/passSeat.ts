// A seat set free (cancel, change, decline, expired offer, deleted data, seats added by staff) goes
// to the first woman waiting for that hospital and service on that day (lowest rank, then earliest),
// held for her with an offer message in the same transaction; the seat stays taken meanwhile. On a
// bookable day the hold lasts offerHoldMinutes; today, or tomorrow after the cut-off, it ends before
// the session starts (offerHoldEnd). Nobody waiting, no time left for a hold, a closed slot, or a
// seat of a share still reserved for a village or priority group (the waitlist does not know who
// belongs there): the seat goes back to its pool.
import type { Tx } from '../../db/client.js';
import { offerHoldEnd } from '../../domain/booking/bookableDays.js';
import { generateBookingCode } from '../../domain/booking/bookingCode.js';
import type { BookingSettings } from '../../domain/profile/profileSchema.js';
import type { BookingContext } from './bookingContext.js';
import type { SeatOutcome } from './bookingTypes.js';
import { queueNotice } from './notices.js';
import { hasActiveBooking, insertBookingRow, releaseSeat } from './seatSql.js';

export interface FreedSeat {
  slotId: string;
  poolId: string;
  hospitalId: string;
  serviceId: string;
  day: string;
  session: string;
}

const CANDIDATES = 20;

/** Until when the seat may be held for a woman waiting, or undefined when it goes back to its pool. */
async function offerableUntil(tx: Tx, ctx: BookingContext, seat: FreedSeat, now: Date, settings: BookingSettings): Promise<Date | undefined> {
  const heldUntil = offerHoldEnd(seat, now, ctx.offerStartsAt(now), settings);
  if (!heldUntil) return undefined;
  const pool = await tx.slotPool.findUnique({ where: { id: seat.poolId }, select: { kind: true, releaseAt: true, slot: { select: { closed: true } } } });
  if (!pool || pool.slot.closed) return undefined;
  const open = pool.kind === 'general' || (pool.releaseAt !== null && pool.releaseAt.getTime() <= now.getTime());
  return open ? heldUntil : undefined;
}

export async function passSeat(
  tx: Tx,
  ctx: BookingContext,
  seat: FreedSeat,
  now: Date,
  settings: BookingSettings,
  skipContactId?: string,
): Promise<SeatOutcome> {
  const heldUntil = await offerableUntil(tx, ctx, seat, now, settings);
  if (heldUntil) {
    const candidates = await tx.waitlistEntry.findMany({
      where: {
        hospitalId: seat.hospitalId,
        serviceId: seat.serviceId,
        status: 'waiting',
        dateFrom: { lte: seat.day },
        dateTo: { gte: seat.day },
        // a woman who wrote 退订 (or withdrew) would never get the offer: the seat goes to the next
        contact: { subscribed: true, consent: 'given' },
        ...(skipContactId ? { contactId: { not: skipContactId } } : {}),
      },
      orderBy: [{ rank: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      take: CANDIDATES,
      select: { id: true, contactId: true },
    });
    for (const entry of candidates) {
      // claim her entry: in two processes only one offers it
      const claimed = await tx.waitlistEntry.updateMany({ where: { id: entry.id, status: 'waiting' }, data: { status: 'offered', updatedAt: now } });
      if (claimed.count === 0) continue;
      const held = await insertHeld(tx, ctx, seat, entry.contactId, heldUntil, now);
      if (!held) {
        // she booked this service meanwhile: she no longer waits
        await tx.waitlistEntry.update({ where: { id: entry.id }, data: { status: 'cancelled', activeKey: null, updatedAt: now } });
        continue;
      }
      await tx.waitlistEntry.update({ where: { id: entry.id }, data: { bookingId: held.id } });
      await queueNotice(
        tx,
        ctx,
        'waitlistOffer',
        { ...seat, ...held, contactId: entry.contactId, heldUntil },
        [seat.serviceId],
        now,
        Math.round((heldUntil.getTime() - ctx.offerStartsAt(now).getTime()) / 60_000),
      );
      await ctx.bookingsChanged(tx, entry.contactId, [seat.serviceId], now);
      return { passedTo: entry.contactId, heldBookingId: held.id };
    }
  }
  await releaseSeat(tx, seat.poolId);
  return { returned: true };
}

async function insertHeld(
  tx: Tx,
  ctx: BookingContext,
  seat: FreedSeat,
  contactId: string,
  heldUntil: Date,
  now: Date,
): Promise<{ id: string; code: string } | undefined> {
  // a seat of the same visit (两癌: 宫颈 and 乳腺, same hospital, day and session) already held for
  // her joins it under the same visit code, so the hospital sees one visit and she one code
  const sameVisit = await tx.booking.findFirst({
    where: { contactId, hospitalId: seat.hospitalId, day: seat.day, session: seat.session, status: 'held' },
    select: { code: true },
  });
  if (sameVisit) {
    const base = sameVisit.code.split('-')[0];
    const taken = await tx.booking.count({ where: { OR: [{ code: base }, { code: { startsWith: `${base}-` } }] } });
    for (let n = taken + 1; n < taken + 9; n++) {
      const id = await insertBookingRow(tx, { ...seat, code: `${base}-${n}`, contactId, status: 'held', heldUntil, now });
      if (id) return { id, code: `${base}-${n}` };
      if (await hasActiveBooking(tx, contactId, seat.serviceId)) return undefined;
    }
  }
  for (let i = 0; i < 8; i++) {
    const code = generateBookingCode(ctx.random);
    const id = await insertBookingRow(tx, { ...seat, code, contactId, status: 'held', heldUntil, now });
    if (id) return { id, code };
    if (await hasActiveBooking(tx, contactId, seat.serviceId)) return undefined;
  }
  throw new Error('could not draw an unused booking code');
}
