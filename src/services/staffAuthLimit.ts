// Staff authentications, limited per client address and per token prefix. Each attempt is counted
// before its token is compared (one atomic increment in the database: parallel guesses cannot slip
// past the limit), and the right token takes its own count back. Past `failures` counted attempts
// from one address within the window (or `prefixFailures` with one token prefix, from anywhere),
// staff requests from there are refused until the window passes. The counts live in the database
// (rate-limiter-flexible's Prisma store), so every process sharing it sees the same counts. Keys hold
// the address (IPv6 by its /64, what one client holds) and a keyed hash of the prefix, never a token.
import crypto from 'node:crypto';
import ipaddr from 'ipaddr.js';
import { RateLimiterPrisma } from 'rate-limiter-flexible';
import type { Db } from '../db/client.js';
import type { Logger } from '../support/logger.js';

/** How much of a token names its prefix (a guesser trying one leaked start from many addresses). */
const PREFIX_CHARS = 6;

export interface AuthAttempt {
  /** Milliseconds until staff requests from this address, or with this prefix, are taken again (0: now). */
  waitMs: number;
  /** The token was right: this attempt is not held against the address or the prefix. */
  forgive(): Promise<void>;
}

export interface StaffAuthLimit {
  /** Counts an attempt with a token from this address. */
  attempt(address: string, token: string): Promise<AuthAttempt>;
  /** Deletes the counts whose window ended over an hour ago (the housekeeping job, every half hour). */
  sweep(): Promise<number>;
}

/** The address a limit counts: IPv4 as it is (also when written as IPv6), IPv6 by its /64. */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const ip = ipaddr.process(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const parts = (ip as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

/** A count of attempts per key in the RateLimiterFlexible table (every process of the database shares it). */
export function dbLimiter(db: Db, keyPrefix: string, points: number, windowMinutes: number): RateLimiterPrisma {
  return new RateLimiterPrisma({
    storeClient: db,
    tableName: 'rateLimiterFlexible',
    keyPrefix,
    points,
    duration: windowMinutes * 60,
    // (swept by the app's housekeeping job instead of a timer of the library's own)
    clearExpiredByTimeout: false,
  });
}

export function staffAuthLimit(db: Db, o: { failures: number; prefixFailures: number; windowMinutes: number; secret: string; logger: Logger }): StaffAuthLimit {
  const limiter = (keyPrefix: string, points: number) => dbLimiter(db, keyPrefix, points, o.windowMinutes);
  const byAddress = limiter('staff-auth:addr', o.failures);
  const byPrefix = limiter('staff-auth:prefix', o.prefixFailures);
  // keyed with the admin token: a copy of the database does not give away the start of a mistyped token
  const prefixKey = (token: string) => crypto.createHmac('sha256', o.secret).update(token.slice(0, PREFIX_CHARS), 'utf8').digest('hex').slice(0, 24);
  // a database that cannot answer does not lock staff out (the token is still checked)
  const safely = async <T>(what: string, fallback: T, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      o.logger.error({ error: err instanceof Error ? err.message : String(err) }, `staff authentication limit: ${what} failed`);
      return fallback;
    }
  };
  return {
    attempt: (address, token) =>
      safely('counting an attempt', { waitMs: 0, forgive: async () => undefined }, async () => {
        const a = clientKey(address);
        const p = prefixKey(token);
        // an address already over its limit is refused on a read: a blocked guesser writes nothing
        const known = await byAddress.get(a);
        if (known && known.consumedPoints > o.failures) return { waitMs: Math.max(known.msBeforeNext, 1), forgive: async () => undefined };
        const [byA, byP] = await Promise.all([byAddress.penalty(a, 1), byPrefix.penalty(p, 1)]);
        let waitMs = 0;
        if (byA.consumedPoints > o.failures) waitMs = Math.max(waitMs, byA.msBeforeNext, 1);
        if (byP.consumedPoints > o.prefixFailures) {
          waitMs = Math.max(waitMs, byP.msBeforeNext, 1);
          // (someone tries one start of the token from many addresses: worth a look; nothing of it logged)
          if (byP.consumedPoints === o.prefixFailures + 1) o.logger.warn('staff authentication: one token prefix refused after too many attempts');
        }
        return {
          waitMs,
          forgive: () => safely('forgiving an attempt', undefined, async () => void (await Promise.all([byAddress.reward(a, 1), byPrefix.reward(p, 1)]))),
        };
      }),
    // (the store's windows run on the real time, as the requests they count)
    sweep: async () => (await db.rateLimiterFlexible.deleteMany({ where: { expire: { lt: new Date(Date.now() - 3600_000) } } })).count,
  };
}
