// How a slot's seats are split into pools: the reserved shares (a village/township, priority
// groups) come out of the general pool; the pools always add up to the slot's capacity.

export type ReservationKind = 'region' | 'priority';
export type PoolKind = 'general' | ReservationKind;

export interface ReservationShare {
  kind: ReservationKind;
  regionId: string;
  seats: number;
}

export interface PoolPlan {
  kind: PoolKind;
  regionId: string;
  capacity: number;
}

/**
 * The pools of a new slot: each reservation gets its seats in the order given while seats are left
 * (a reservation larger than what is left gets what is left), the general pool gets the rest.
 * The general pool comes first.
 */
export function planPools(capacity: number, reservations: readonly ReservationShare[]): PoolPlan[] {
  let left = Math.max(0, capacity);
  const reserved: PoolPlan[] = [];
  for (const r of reservations) {
    const granted = Math.min(Math.max(0, r.seats), left);
    left -= granted;
    reserved.push({ kind: r.kind, regionId: r.regionId, capacity: granted });
  }
  return [{ kind: 'general', regionId: '', capacity: left }, ...reserved];
}

/**
 * The general pool's capacity when a slot's total becomes `total` and `reserved` seats are held by
 * reserved pools, before it is kept at or above the seats already booked in it.
 */
export function generalCapacityFor(total: number, reserved: number): number {
  return Math.max(0, total - reserved);
}

export interface PoolState {
  kind: string;
  regionId: string;
  capacity: number;
  booked: number;
}

export interface SlotSummary {
  /** seats of all pools together */
  capacity: number;
  /** seats taken in all pools */
  booked: number;
  /** seats still free in any pool (0 when the slot is closed) */
  free: number;
  /** seats held by the reserved pools, by kind */
  reserved: Record<ReservationKind, number>;
}

/** Capacity, booked, free and reserved seats of one slot from its pools. */
export function summarizePools(pools: readonly PoolState[], closed: boolean): SlotSummary {
  const reserved: Record<ReservationKind, number> = { region: 0, priority: 0 };
  let capacity = 0;
  let booked = 0;
  let free = 0;
  for (const p of pools) {
    capacity += p.capacity;
    booked += p.booked;
    free += Math.max(0, p.capacity - p.booked);
    if (p.kind === 'region' || p.kind === 'priority') reserved[p.kind] += p.capacity;
  }
  return { capacity, booked, free: closed ? 0 : free, reserved };
}
