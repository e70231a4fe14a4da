// express-session's store over the StaffSession table: the same on SQLite and PostgreSQL, kept over a
// restart and shared by every process of the database. A row lives until the cookie's expiry (moved
// on by every request: the idle timeout); an expired row is never answered, and the housekeeping job
// sweeps them. The session's account is a column too, so that disabling or resetting an account
// ends its sessions at once.
import session from 'express-session';
import type { Db } from '../../db/client.js';

type Callback = (err?: unknown) => void;

export class PrismaSessionStore extends session.Store {
  constructor(
    private readonly db: Db,
    private readonly o: { idleMs: number; now?: () => number },
  ) {
    super();
  }

  private now(): number {
    return this.o.now?.() ?? Date.now();
  }

  private expiry(s: session.SessionData): Date {
    const expires = s.cookie?.expires;
    return expires ? new Date(expires) : new Date(this.now() + this.o.idleMs);
  }

  override get(sid: string, cb: (err: unknown, s?: session.SessionData | null) => void): void {
    void (async () => {
      const row = await this.db.staffSession.findUnique({ where: { sid } });
      if (!row) return cb(null, null);
      if (row.expiresAt.getTime() <= this.now()) {
        await this.db.staffSession.deleteMany({ where: { sid } });
        return cb(null, null);
      }
      cb(null, JSON.parse(row.data) as session.SessionData);
    })().catch((err) => cb(err));
  }

  override set(sid: string, s: session.SessionData, cb?: Callback): void {
    const data = JSON.stringify(s);
    const row = { data, expiresAt: this.expiry(s), accountId: s.accountId ?? null };
    this.db.staffSession
      .upsert({ where: { sid }, create: { sid, ...row }, update: row })
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  override touch(sid: string, s: session.SessionData, cb?: Callback): void {
    this.db.staffSession
      .updateMany({ where: { sid }, data: { expiresAt: this.expiry(s) } })
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }

  override destroy(sid: string, cb?: Callback): void {
    this.db.staffSession
      .deleteMany({ where: { sid } })
      .then(() => cb?.())
      .catch((err) => cb?.(err));
  }
}

/** Ends every session of an account (disabled, locked, its password reset or changed), except `keep`. */
export async function endSessionsOf(db: Db, accountId: string, keep?: string): Promise<number> {
  return (await db.staffSession.deleteMany({ where: { accountId, ...(keep ? { sid: { not: keep } } : {}) } })).count;
}

/** Deletes the sessions past their expiry (the housekeeping job). */
export async function sweepSessions(db: Db, now = new Date()): Promise<number> {
  return (await db.staffSession.deleteMany({ where: { expiresAt: { lt: now } } })).count;
}

declare module 'express-session' {
  interface SessionData {
    /** The console account logged in. */
    accountId?: string;
    /** When it logged in (ms since 1970): the session ends STAFF_SESSION_MAX_HOURS later whatever happens. */
    loginAt?: number;
  }
}
