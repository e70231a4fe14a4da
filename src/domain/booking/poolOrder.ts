// Which shares (pools) of a slot a woman may take a seat from now, and in which order: the seats
// reserved for her (her township's or village's, and the priority share if she is in a priority
// group) while they are still reserved, then the general pool, then the reserved pools whose
// release time has passed (open to everyone). Pools reserved for others are left out until released.

export interface PoolView {
  id: string;
  kind: string; // a PoolKind (domain/capacity/pools.ts); unknown kinds are never offered
  regionId: string;
  capacity: number;
  booked: number;
  /** null: never released (a reserved pool stays reserved until staff change it). */
  releaseAt: Date | null;
}

export interface Booker {
  /** Township and village ids she belongs to, closest first (village before township). */
  regionIds: readonly string[];
  /** She is in one of the profile's priority groups. */
  priority: boolean;
}

function released(pool: PoolView, now: Date): boolean {
  return pool.releaseAt !== null && pool.releaseAt.getTime() <= now.getTime();
}

/** The pools she may take a seat from now, in the order to try them. */
export function orderPools<P extends PoolView>(pools: readonly P[], who: Booker, now: Date): P[] {
  const reservedForHer: { pool: P; rank: number }[] = [];
  const general: P[] = [];
  const releasedPools: P[] = [];
  for (const pool of pools) {
    if (pool.kind === 'general') {
      general.push(pool);
    } else if (pool.kind === 'region' || pool.kind === 'priority') {
      if (released(pool, now)) {
        releasedPools.push(pool);
        continue;
      }
      if (pool.kind === 'region') {
        const rank = who.regionIds.indexOf(pool.regionId);
        if (rank >= 0 && pool.regionId !== '') reservedForHer.push({ pool, rank });
      } else if (who.priority) {
        reservedForHer.push({ pool, rank: who.regionIds.length });
      }
    }
  }
  reservedForHer.sort((a, b) => a.rank - b.rank || a.pool.id.localeCompare(b.pool.id));
  general.sort((a, b) => a.id.localeCompare(b.id));
  releasedPools.sort((a, b) => a.releaseAt!.getTime() - b.releaseAt!.getTime() || a.id.localeCompare(b.id));
  return [...reservedForHer.map((r) => r.pool), ...general, ...releasedPools];
}

/** Free seats of one pool (never negative). */
function freeSeats(pool: Pick<PoolView, 'capacity' | 'booked'>): number {
  return Math.max(0, pool.capacity - pool.booked);
}

/** How many seats she could take in a slot now. */
export function seatsFor(pools: readonly PoolView[], who: Booker, now: Date): number {
  return orderPools(pools, who, now).reduce((sum, p) => sum + freeSeats(p), 0);
}
