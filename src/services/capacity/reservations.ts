// Reserved shares of a slot: seats for a village/township ('region') or for priority groups
// ('priority'), carved out of the general pool until their release time. The pools always add up to
// the slot's capacity; every move between pools is a conditional write, so a booking racing it is
// never overbooked or lost.
import type { Tx } from '../../db/client.js';
import { addDays } from '../../domain/calendarDay.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { ensureSlotsTx } from './slots.js';
import { inHospitalTx } from './tx.js';
import {
  CapacityInputError,
  type CapacityDeps,
  type PoolView,
  type ReserveInput,
  type ReserveResult,
  type UnreserveInput,
  type UnreserveResult,
} from './types.js';
import { checkDay, checkSession } from './validation.js';

const view = (p: PoolView): PoolView => ({ id: p.id, kind: p.kind, regionId: p.regionId, capacity: p.capacity, booked: p.booked, releaseAt: p.releaseAt });

function regionOf(kind: string, regionId: string | undefined): string {
  if (kind === 'region') {
    if (!regionId) throw new CapacityInputError('regionId', "is required for kind 'region'");
    return regionId;
  }
  if (kind === 'priority') {
    if (regionId) throw new CapacityInputError('regionId', "is only for kind 'region'");
    return '';
  }
  throw new CapacityInputError('kind', "must be 'region' or 'priority'");
}

/**
 * Sets the reservation of a day × session × service to `seats` (reserving again for the same key
 * resizes it), taking the seats from the general pool's unbooked seats or giving them back.
 */
export async function reserve(
  deps: CapacityDeps,
  input: ReserveInput,
  now: Date,
  record?: (tx: Tx, r: ReserveResult) => Promise<void>,
): Promise<ReserveResult> {
  const { hospitalId, serviceId, day, session, kind, seats, releaseAt } = input;
  checkDay('day', day);
  checkSession('session', session);
  const regionId = regionOf(kind, input.regionId);
  if (!Number.isInteger(seats) || seats < 1) throw new CapacityInputError('seats', 'must be a whole number ≥ 1');
  if (!(releaseAt instanceof Date) || Number.isNaN(releaseAt.getTime())) throw new CapacityInputError('releaseAt', 'must be an instant');

  return inHospitalTx(deps, hospitalId, async (tx): Promise<ReserveResult> => {
    await ensureSlotsTx(tx, deps.provider, hospitalId, serviceId, day, day);
    const slot = await tx.slot.findUnique({
      where: { hospitalId_serviceId_day_session: { hospitalId, serviceId, day, session } },
      include: { pools: true },
    });
    if (!slot) return { ok: false, reason: 'no_capacity' };
    if (slot.closed) return { ok: false, reason: 'closed' };
    const general = slot.pools.find((p) => p.kind === 'general' && p.regionId === '');
    if (!general) return { ok: false, reason: 'not_enough_seats', available: 0 };
    const pool = slot.pools.find((p) => p.kind === kind && p.regionId === regionId);
    const delta = seats - (pool?.capacity ?? 0);

    if (delta > 0) {
      const carved = await tx.$executeRaw`
        UPDATE "SlotPool" SET "capacity" = "capacity" - CAST(${delta} AS INTEGER)
        WHERE "id" = ${general.id} AND "capacity" - "booked" >= CAST(${delta} AS INTEGER)`;
      if (carved !== 1) {
        const g = await tx.slotPool.findUniqueOrThrow({ where: { id: general.id } });
        return { ok: false, reason: 'not_enough_seats', available: Math.max(0, g.capacity - g.booked) };
      }
    } else if (delta < 0 && pool) {
      const shrunk = await tx.slotPool.updateMany({ where: { id: pool.id, booked: { lte: seats } }, data: { capacity: seats } });
      if (shrunk.count !== 1) {
        const p = await tx.slotPool.findUniqueOrThrow({ where: { id: pool.id } });
        return { ok: false, reason: 'below_booked', booked: p.booked };
      }
      await tx.slotPool.update({ where: { id: general.id }, data: { capacity: { increment: -delta } } });
    }
    const reserved = pool
      ? await tx.slotPool.update({ where: { id: pool.id }, data: { releaseAt, ...(delta > 0 ? { capacity: { increment: delta } } : {}) } })
      : await tx.slotPool.create({ data: { slotId: slot.id, kind, regionId, capacity: seats, releaseAt } });
    const reservation = await tx.reservation.upsert({
      where: { hospitalId_serviceId_day_session_kind_regionId: { hospitalId, serviceId, day, session, kind, regionId } },
      create: { hospitalId, serviceId, day, session, kind, regionId, seats, releaseAt, createdAt: now },
      update: { seats, releaseAt },
    });
    const g = await tx.slotPool.findUniqueOrThrow({ where: { id: general.id } });
    const result: ReserveResult = {
      ok: true,
      reservation: { id: reservation.id, seats: reservation.seats, releaseAt: reservation.releaseAt },
      pool: view(reserved),
      general: view(g),
    };
    await record?.(tx, result);
    return result;
  });
}

/**
 * Gives a reserved pool's unbooked seats back to the general pool of its slot; the pool keeps the
 * seats already booked in it and is marked released. Returns the seats moved and those still booked.
 */
async function returnUnbooked(tx: Tx, poolId: string, now: Date): Promise<{ returned: number; booked: number }> {
  // optimistic: a booking or cancel may change `booked` between the read and the write
  for (;;) {
    const pool = await tx.slotPool.findUniqueOrThrow({ where: { id: poolId } });
    const releaseAt = pool.releaseAt && pool.releaseAt < now ? pool.releaseAt : now;
    if (pool.capacity <= pool.booked) {
      await tx.slotPool.update({ where: { id: poolId }, data: { releaseAt } });
      return { returned: 0, booked: pool.booked };
    }
    const moved = await tx.slotPool.updateMany({
      where: { id: poolId, capacity: pool.capacity, booked: pool.booked },
      data: { capacity: pool.booked, releaseAt },
    });
    if (moved.count !== 1) continue;
    const returned = pool.capacity - pool.booked;
    await tx.slotPool.updateMany({ where: { slotId: pool.slotId, kind: 'general', regionId: '' }, data: { capacity: { increment: returned } } });
    return { returned, booked: pool.booked };
  }
}

/** Cancels a reservation: its unbooked seats return to everyone now; bookings already in it stand. */
export async function unreserve(
  deps: CapacityDeps,
  input: UnreserveInput,
  now: Date,
  record?: (tx: Tx, r: UnreserveResult) => Promise<void>,
): Promise<UnreserveResult> {
  const { hospitalId, serviceId, day, session, kind } = input;
  checkDay('day', day);
  checkSession('session', session);
  const regionId = regionOf(kind, input.regionId);
  return inHospitalTx(deps, hospitalId, async (tx) => {
    const removed = await tx.reservation.deleteMany({ where: { hospitalId, serviceId, day, session, kind, regionId } });
    const slot = await tx.slot.findUnique({ where: { hospitalId_serviceId_day_session: { hospitalId, serviceId, day, session } }, select: { id: true } });
    const pool = slot ? await tx.slotPool.findUnique({ where: { slotId_kind_regionId: { slotId: slot.id, kind, regionId } } }) : null;
    const { returned, booked } = pool ? await returnUnbooked(tx, pool.id, now) : { returned: 0, booked: 0 };
    const result = { removed: removed.count > 0 || returned > 0, seatsReturned: returned, stillBooked: booked };
    await record?.(tx, result);
    return result;
  });
}

/**
 * Releases reserved pools whose release time has passed: their unbooked seats move to the general
 * pool, for everyone. Idempotent; meant for a periodic job. Looks at slots from yesterday on.
 */
export async function releaseDue(deps: CapacityDeps, now: Date): Promise<{ pools: number; seatsReturned: number }> {
  const since = addDays(shanghaiDay(now), -1);
  const due = await deps.db.slotPool.findMany({
    where: { kind: { not: 'general' }, releaseAt: { lte: now }, slot: { day: { gte: since } } },
    select: { id: true, capacity: true, booked: true, slot: { select: { hospitalId: true } } },
  });
  let pools = 0;
  let seatsReturned = 0;
  for (const p of due) {
    if (p.capacity <= p.booked) continue;
    const { returned } = await inHospitalTx(deps, p.slot.hospitalId, (tx) => returnUnbooked(tx, p.id, now));
    if (returned > 0) pools++;
    seatsReturned += returned;
  }
  return { pools, seatsReturned };
}
