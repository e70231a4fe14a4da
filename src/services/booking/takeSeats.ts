// Taking one seat per slot, all or nothing, and writing the bookings of one visit. Seats are taken by
// conditional writes in her pool order; if a slot has no seat, those already taken are given back in
// the same transaction (which then commits having changed nothing).
import type { Tx } from '../../db/client.js';
import { generateBookingCode, visitCodes, type RandomSource } from '../../domain/booking/bookingCode.js';
import { hasActiveBooking, insertBookingRow, releaseSeat, takeSeat } from './seatSql.js';
import type { SeatPlan, SlotWithPools } from './slotQueries.js';

export interface TakenSeat {
  slot: SlotWithPools;
  poolId: string;
}

/** One seat in every planned slot, or none at all (undefined). */
export async function takeAll(tx: Tx, plans: SeatPlan[]): Promise<TakenSeat[] | undefined> {
  const taken: TakenSeat[] = [];
  for (const plan of plans) {
    let poolId: string | undefined;
    for (const pool of plan.pools) {
      if (await takeSeat(tx, pool.id)) {
        poolId = pool.id;
        break;
      }
    }
    if (!poolId) {
      await giveBack(tx, taken);
      return undefined;
    }
    taken.push({ slot: plan.slot, poolId });
  }
  return taken;
}

export async function giveBack(tx: Tx, seats: TakenSeat[]): Promise<void> {
  for (const s of seats) await releaseSeat(tx, s.poolId);
}

export interface VisitWrite {
  contactId: string;
  status: 'held' | 'confirmed';
  heldUntil: Date | null;
  now: Date;
  random: RandomSource;
}

export type VisitOutcome = { ok: true; ids: string[]; codes: string[] } | { ok: false; clash: 'active' };

const CODE_TRIES = 8;

/**
 * Inserts one booking per taken seat, sharing one visit code. When she turns out to hold an active
 * booking for one of the services, whatever was inserted is removed and `clash: 'active'` is
 * answered (the caller gives the seats back). A code already in use is drawn again.
 */
export async function insertVisit(tx: Tx, seats: TakenSeat[], w: VisitWrite): Promise<VisitOutcome> {
  for (let attempt = 0; attempt < CODE_TRIES; attempt++) {
    const codes = visitCodes(generateBookingCode(w.random), seats.length);
    const ids: string[] = [];
    let clash: 'active' | 'code' | undefined;
    for (let i = 0; i < seats.length; i++) {
      const { slot, poolId } = seats[i];
      const id = await insertBookingRow(tx, {
        code: codes[i],
        contactId: w.contactId,
        slotId: slot.id,
        poolId,
        hospitalId: slot.hospitalId,
        serviceId: slot.serviceId,
        day: slot.day,
        session: slot.session,
        status: w.status,
        heldUntil: w.heldUntil,
        now: w.now,
      });
      if (id) {
        ids.push(id);
        continue;
      }
      clash = (await hasActiveBooking(tx, w.contactId, slot.serviceId)) ? 'active' : 'code';
      break;
    }
    if (!clash) return { ok: true, ids, codes };
    if (ids.length > 0) await tx.booking.deleteMany({ where: { id: { in: ids } } });
    if (clash === 'active') return { ok: false, clash: 'active' };
  }
  throw new Error(`could not draw an unused booking code in ${CODE_TRIES} tries`);
}
