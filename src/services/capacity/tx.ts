// Every change to a hospital's capacity runs in one transaction holding that hospital's lock, so
// materializing slots, changing rules, closures and reservations never interleave. PostgreSQL: a
// transaction-scoped advisory lock (several processes). SQLite: the driver adapter already runs one
// transaction at a time per client, and one machine serves the county.
import type { Tx } from '../../db/client.js';
import type { CapacityDeps } from './types.js';

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 };

export async function inHospitalTx<T>(deps: CapacityDeps, hospitalId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return deps.db.$transaction(async (tx) => {
    if (deps.provider === 'postgres') {
      const key = `capacity:${hospitalId}`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    }
    return fn(tx);
  }, TX_OPTIONS);
}

/** True for Prisma's unique-constraint error. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002';
}
