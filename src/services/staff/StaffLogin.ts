// Console logins and password changes. A login is counted against the account and the address
// before its password is checked (LoginLimit); an unknown or disabled user name takes as long as a
// known one and gets the same answer; a locked account is refused without a check; after
// `lockAfter` failed logins in a row the account is locked until an administrator lifts it. Every
// failed and successful login and every lock is audited: ids only, an unknown user name as a keyed
// hash, never a password.
import type { Db } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { passwordProblem, type PasswordProblem } from '../../domain/staff/passwordRules.js';
import { audit } from '../audit/audit.js';
import type { AccountRow } from './accountView.js';
import { scopeOf } from './accountView.js';
import type { LoginLimit } from './loginLimit.js';
import { usernameKey } from './loginLimit.js';
import { hashPassword, verifyNothing, verifyPassword } from './passwords.js';
import { endSessionsOf } from './sessionStore.js';

export type LoginOutcome =
  | { ok: true; account: AccountRow }
  | { ok: false; reason: 'wrong_login' }
  | { ok: false; reason: 'account_locked' }
  | { ok: false; reason: 'too_many_attempts'; waitMs: number };

export type PasswordChangeOutcome = { ok: true } | { ok: false; reason: 'wrong_password' | 'same_password' | PasswordProblem };

export class StaffLogin {
  constructor(
    private readonly db: Db,
    private readonly limit: LoginLimit,
    private readonly o: { lockAfter: number; secret: string },
  ) {}

  async login(username: string, password: string, address: string, now: Date): Promise<LoginOutcome> {
    const name = username.trim().toLowerCase();
    const attempt = await this.limit.attempt(address, name);
    if (attempt.waitMs > 0) return { ok: false, reason: 'too_many_attempts', waitMs: attempt.waitMs };
    const account = await this.db.staffAccount.findUnique({ where: { username: name } });
    if (!account || account.disabledAt) {
      await verifyNothing(password);
      const detail: Record<string, string> = account ? { reason: 'disabled' } : { reason: 'unknown_user', usernameHash: usernameKey(this.o.secret, name) };
      await audit(
        this.db,
        { by: 'anonymous', action: 'login.failed', objectType: 'account', objectId: account?.id, countyId: account?.countyId ?? undefined, address, detail },
        now,
      );
      return { ok: false, reason: 'wrong_login' };
    }
    const about = { objectType: 'account', objectId: account.id, countyId: account.countyId ?? undefined, address };
    if (account.lockedAt) {
      await audit(this.db, { by: 'anonymous', action: 'login.failed', ...about, detail: { reason: 'locked' } }, now);
      return { ok: false, reason: 'account_locked' };
    }
    if (!(await verifyPassword(account.passwordHash, password))) {
      const locked = await runTransaction(this.db, async (tx) => {
        const a = await tx.staffAccount.update({ where: { id: account.id }, data: { failedLogins: { increment: 1 } } });
        await audit(tx, { by: 'anonymous', action: 'login.failed', ...about, detail: { reason: 'wrong_password', failedLogins: a.failedLogins } }, now);
        if (a.failedLogins < this.o.lockAfter) return false;
        const { count } = await tx.staffAccount.updateMany({ where: { id: account.id, lockedAt: null }, data: { lockedAt: now } });
        if (count === 1) await audit(tx, { by: 'system', action: 'account.lock', ...about, detail: { failedLogins: a.failedLogins } }, now);
        return true;
      });
      if (locked) await endSessionsOf(this.db, account.id);
      return locked ? { ok: false, reason: 'account_locked' } : { ok: false, reason: 'wrong_login' };
    }
    await attempt.forgive();
    const updated = await runTransaction(this.db, async (tx) => {
      const a = await tx.staffAccount.update({ where: { id: account.id }, data: { failedLogins: 0, lastLoginAt: now } });
      await audit(tx, { by: scopeOf(a), action: 'login', ...about }, now);
      return a;
    });
    return { ok: true, account: updated };
  }

  /** Changes the account's own password (the current one is asked again); its other sessions end. */
  async changePassword(
    accountId: string,
    current: string,
    next: string,
    o: { now: Date; address: string; keepSession?: string },
  ): Promise<PasswordChangeOutcome> {
    const account = await this.db.staffAccount.findUniqueOrThrow({ where: { id: accountId } });
    if (!(await verifyPassword(account.passwordHash, current))) return { ok: false, reason: 'wrong_password' };
    if (current === next) return { ok: false, reason: 'same_password' };
    const problem = passwordProblem(next, account.username);
    if (problem) return { ok: false, reason: problem };
    const passwordHash = await hashPassword(next);
    await runTransaction(this.db, async (tx) => {
      const a = await tx.staffAccount.update({
        where: { id: accountId },
        data: { passwordHash, mustChangePassword: false, updatedAt: o.now, version: { increment: 1 } },
      });
      await audit(
        tx,
        { by: scopeOf(a), action: 'account.password_change', objectType: 'account', objectId: a.id, countyId: a.countyId ?? undefined, address: o.address },
        o.now,
      );
    });
    await endSessionsOf(this.db, accountId, o.keepSession);
    return { ok: true };
  }
}
