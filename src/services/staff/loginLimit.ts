// Console login attempts, limited per account (by the user name tried, known or not) and per client
// address, in the database (every process shares the counts). Each attempt is counted before its
// password is checked (parallel guesses cannot slip past), and a right one takes its own count back.
// Keys hold the address (IPv6 by its /64) and a keyed hash of the user name, never the name itself.
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import type { Logger } from '../../support/logger.js';
import { clientKey, dbLimiter } from '../staffAuthLimit.js';

export interface LoginAttempt {
  /** Milliseconds until this account or address may try again (0: now). */
  waitMs: number;
  /** The password was right: this attempt is not held against the account or the address. */
  forgive(): Promise<void>;
}

export interface LoginLimit {
  attempt(address: string, username: string): Promise<LoginAttempt>;
  /** Forgets the account's count (an administrator lifted its lock). */
  clear(username: string): Promise<void>;
}

/** The keyed hash a user name is counted (and, for an unknown one, audited) by. */
export function usernameKey(secret: string, username: string): string {
  return crypto.createHmac('sha256', secret).update(`login:${username.trim().toLowerCase()}`, 'utf8').digest('hex').slice(0, 24);
}

export function loginLimit(db: Db, o: { accountFailures: number; addressFailures: number; windowMinutes: number; secret: string; logger: Logger }): LoginLimit {
  const byAccount = dbLimiter(db, 'staff-login:account', o.accountFailures, o.windowMinutes);
  const byAddress = dbLimiter(db, 'staff-login:addr', o.addressFailures, o.windowMinutes);
  return {
    clear: async (username) => void (await byAccount.delete(usernameKey(o.secret, username))),
    async attempt(address, username) {
      const a = clientKey(address);
      const u = usernameKey(o.secret, username);
      try {
        // already over a limit: refused on a read (a blocked guesser writes nothing)
        const [knownA, knownU] = await Promise.all([byAddress.get(a), byAccount.get(u)]);
        const over = [
          knownA && knownA.consumedPoints >= o.addressFailures ? knownA.msBeforeNext : 0,
          knownU && knownU.consumedPoints >= o.accountFailures ? knownU.msBeforeNext : 0,
        ];
        if (over.some((ms) => ms > 0)) return { waitMs: Math.max(...over, 1), forgive: async () => undefined };
        const [byA, byU] = await Promise.all([byAddress.penalty(a, 1), byAccount.penalty(u, 1)]);
        const past = [byA.consumedPoints > o.addressFailures ? byA.msBeforeNext : 0, byU.consumedPoints > o.accountFailures ? byU.msBeforeNext : 0];
        if (past.some((ms) => ms > 0)) return { waitMs: Math.max(...past, 1), forgive: async () => undefined };
        return { waitMs: 0, forgive: async () => void (await Promise.all([byAddress.reward(a, 1), byAccount.reward(u, 1)])) };
      } catch (err) {
        // a database that cannot count does not lock staff out (the password is still checked, the lock still holds)
        o.logger.error({ error: err instanceof Error ? err.message : String(err) }, 'console login limit: counting failed');
        return { waitMs: 0, forgive: async () => undefined };
      }
    },
  };
}
