// Failed staff authentications, limited per client address and per token prefix: after `failures`
// wrong tokens within the window, staff requests from that address (or with that prefix) are
// refused until the window passes. The counts live in the database (rate-limiter-flexible's Prisma
// store), so every process sharing it sees the same counts. Keys hold the address and a hash of the
// prefix, never a token.
import crypto from 'node:crypto';
import { RateLimiterPrisma } from 'rate-limiter-flexible';
import type { Db } from '../db/client.js';
import type { Logger } from '../support/logger.js';

/** How much of a wrong token names its prefix (a guesser trying one leaked start from many addresses). */
const PREFIX_CHARS = 6;

export interface StaffAuthLimit {
  /** Milliseconds until staff requests from this address, or with this token, are taken again (0: now). */
  blockedFor(address: string, token: string | undefined): Promise<number>;
  /** A wrong token from this address. */
  failed(address: string, token: string | undefined): Promise<void>;
  /** The right token from this address: its failures are forgotten. */
  succeeded(address: string): Promise<void>;
  /** Deletes the counts whose window ended over an hour ago (the housekeeping job, every half hour). */
  sweep(): Promise<number>;
}

export function staffAuthLimit(db: Db, o: { failures: number; windowMinutes: number; logger: Logger }): StaffAuthLimit {
  const limiter = new RateLimiterPrisma({
    storeClient: db,
    tableName: 'rateLimiterFlexible',
    keyPrefix: 'staff-auth',
    points: o.failures,
    duration: o.windowMinutes * 60,
    // (swept by the app's housekeeping job instead of a timer of the library's own)
    clearExpiredByTimeout: false,
  });
  const keys = (address: string, token: string | undefined) => [
    `addr:${address}`,
    ...(token ? [`token:${crypto.createHash('sha256').update(token.slice(0, PREFIX_CHARS), 'utf8').digest('hex').slice(0, 16)}`] : []),
  ];
  // a database that cannot answer does not lock staff out (nor let a guesser past the token check)
  const safely = async <T>(what: string, fallback: T, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      o.logger.error({ error: err instanceof Error ? err.message : String(err) }, `staff authentication limit: ${what} failed`);
      return fallback;
    }
  };
  return {
    blockedFor: (address, token) =>
      safely('reading the counts', 0, async () => {
        let wait = 0;
        for (const key of keys(address, token)) {
          const r = await limiter.get(key);
          if (r && r.consumedPoints >= o.failures) wait = Math.max(wait, r.msBeforeNext);
        }
        return wait;
      }),
    failed: (address, token) =>
      safely('counting a failure', undefined, async () => {
        for (const key of keys(address, token)) await limiter.penalty(key, 1);
      }),
    succeeded: (address) =>
      safely('forgetting the failures', undefined, async () => {
        // (read first: most requests have nothing to forget, and a read writes nothing)
        if (await limiter.get(`addr:${address}`)) await limiter.delete(`addr:${address}`);
      }),
    // (the store's windows run on the real time, as the requests they count)
    sweep: async () => (await db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: new Date(Date.now() - 3600_000) } } })).count,
  };
}
