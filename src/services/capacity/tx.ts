// Every change to a hospital's capacity runs in one transaction holding that hospital's lock, so
// materializing slots, changing rules, closures and reservations never interleave. PostgreSQL: a
// transaction-scoped advisory lock (several processes). SQLite: the driver adapter already runs one
// transaction at a time per client, and one machine serves the county. The transaction itself (its
// retries and time-outs) is the one every service uses (src/db/transaction.ts).
import type { Tx } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import type { CapacityDeps } from './types.js';

export async function inHospitalTx<T>(deps: CapacityDeps, hospitalId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return runTransaction(deps.db, async (tx) => {
    if (deps.provider === 'postgres') {
      const key = `capacity:${hospitalId}`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    }
    return fn(tx);
  });
}
