// Console accounts, managed by their administrators (src/domain/staff/accountRules.ts): list, create
// with a one-time password, disable and enable, reset the password, lift a lock, change the scope.
// Every change carries the version the administrator read (a change meanwhile: changed_meanwhile),
// is audited in its own transaction, and ends the account's sessions where it takes access away.
import type { Db, Tx } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { managesAccount, scopeProblem, type AccountScope, type ScopeProblem } from '../../domain/staff/accountRules.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import { audit } from '../audit/audit.js';
import { type AccountRow } from './accountView.js';
import { hashPassword, oneTimePassword } from './passwords.js';
import { endSessionsOf } from './sessionStore.js';

export interface NewAccount extends AccountScope {
  username: string;
  displayName: string;
}

export type AccountFailure =
  { ok: false; reason: 'not_found' | 'changed_meanwhile' | 'username_taken' | 'own_account' } | { ok: false; reason: 'bad_scope'; problem: ScopeProblem };
export type AccountOutcome = { ok: true; account: AccountRow; oneTimePassword?: string } | AccountFailure;

export interface ActContext {
  by: StaffScope;
  now: Date;
  address?: string;
}

export class StaffAccounts {
  constructor(
    private readonly db: Db,
    private readonly o: { clearLoginCount?: (username: string) => Promise<void> } = {},
  ) {}

  /** The accounts this administrator manages, by county, role and user name. */
  async list(by: StaffScope): Promise<AccountRow[]> {
    const where = by.role === 'city' ? {} : { countyId: by.countyId ?? '-', role: { not: 'city' } };
    return this.db.staffAccount.findMany({ where, orderBy: [{ countyId: 'asc' }, { role: 'asc' }, { username: 'asc' }], take: 2000 });
  }

  /** The counties, townships and hospitals this administrator may give accounts (the console's form). */
  async scopeOptions(by: StaffScope) {
    const counties = await this.db.region.findMany({
      where: { level: 'county', ...(by.role === 'city' ? {} : { id: by.countyId ?? '-' }) },
      orderBy: { id: 'asc' },
    });
    const ids = counties.map((c) => c.id);
    const [townships, hospitals] = await Promise.all([
      this.db.region.findMany({ where: { level: 'township', parentId: { in: ids } }, orderBy: { id: 'asc' } }),
      this.db.hospital.findMany({ where: { regionId: { in: ids } }, orderBy: { id: 'asc' } }),
    ]);
    return counties.map((c) => ({
      id: c.id,
      name: c.name,
      townships: townships.filter((t) => t.parentId === c.id).map((t) => ({ id: t.id, name: t.name })),
      hospitals: hospitals.filter((h) => h.regionId === c.id).map((h) => ({ id: h.id, name: h.name })),
    }));
  }

  /** Why this scope cannot be given by this administrator (also: the township or hospital is not of the county). */
  private async badScope(by: StaffScope, a: AccountScope): Promise<AccountFailure | undefined> {
    const problem = scopeProblem(by, a);
    if (problem) return { ok: false, reason: 'bad_scope', problem };
    if (a.role === 'city') return undefined;
    const county = await this.db.region.findFirst({ where: { id: a.countyId!, level: 'county' } });
    if (!county) return { ok: false, reason: 'bad_scope', problem: { field: 'countyId', reason: 'outside_scope' } };
    if (a.townshipId && !(await this.db.region.findFirst({ where: { id: a.townshipId, level: 'township', parentId: a.countyId! } }))) {
      return { ok: false, reason: 'bad_scope', problem: { field: 'townshipId', reason: 'outside_scope' } };
    }
    if (a.hospitalId && !(await this.db.hospital.findFirst({ where: { id: a.hospitalId, regionId: a.countyId! } }))) {
      return { ok: false, reason: 'bad_scope', problem: { field: 'hospitalId', reason: 'outside_scope' } };
    }
    return undefined;
  }

  async create(input: NewAccount, c: ActContext): Promise<AccountOutcome> {
    const scope = { role: input.role, countyId: input.countyId ?? null, townshipId: input.townshipId ?? null, hospitalId: input.hospitalId ?? null };
    const bad = await this.badScope(c.by, scope);
    if (bad) return bad;
    const username = input.username.trim().toLowerCase();
    if (await this.db.staffAccount.findUnique({ where: { username } })) return { ok: false, reason: 'username_taken' };
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    try {
      const account = await runTransaction(this.db, async (tx) => {
        const a = await tx.staffAccount.create({
          data: { username, displayName: input.displayName.trim(), ...scope, passwordHash, mustChangePassword: true, createdAt: c.now, updatedAt: c.now },
        });
        await this.audit(tx, c, 'account.create', a, { role: a.role, townshipId: a.townshipId, hospitalId: a.hospitalId });
        return a;
      });
      return { ok: true, account, oneTimePassword: password };
    } catch (err) {
      // (two administrators creating one name at once: the unique index decides)
      if ((err as { code?: string }).code === 'P2002') return { ok: false, reason: 'username_taken' };
      throw err;
    }
  }

  async disable(id: string, version: number, c: ActContext): Promise<AccountOutcome> {
    return this.change(id, version, c, 'account.disable', { notSelf: true, endSessions: true }, () => ({ disabledAt: c.now }));
  }

  async enable(id: string, version: number, c: ActContext): Promise<AccountOutcome> {
    return this.change(id, version, c, 'account.enable', {}, () => ({ disabledAt: null }));
  }

  async unlock(id: string, version: number, c: ActContext): Promise<AccountOutcome> {
    const r = await this.change(id, version, c, 'account.unlock', {}, () => ({ lockedAt: null, failedLogins: 0 }));
    // (and its count of failed logins: the owner may try at once)
    if (r.ok) await this.o.clearLoginCount?.(r.account.username);
    return r;
  }

  /** A new one-time password (to be changed at the next login); the account's sessions end. */
  async resetPassword(id: string, version: number, c: ActContext): Promise<AccountOutcome> {
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const r = await this.change(id, version, c, 'account.password_reset', { notSelf: true, endSessions: true }, () => ({
      passwordHash,
      mustChangePassword: true,
    }));
    return r.ok ? { ...r, oneTimePassword: password } : r;
  }

  async changeScope(id: string, version: number, scope: AccountScope, c: ActContext): Promise<AccountOutcome> {
    const next = { role: scope.role, countyId: scope.countyId ?? null, townshipId: scope.townshipId ?? null, hospitalId: scope.hospitalId ?? null };
    const bad = await this.badScope(c.by, next);
    if (bad) return bad;
    return this.change(id, version, c, 'account.scope_change', { notSelf: true, endSessions: true }, () => next, next);
  }

  /** The mobile number the account's alerts go to by SMS (bot accounts down), or none; its owner may set it too. */
  async setAlertPhone(id: string, version: number, alertPhone: string | null, c: ActContext): Promise<AccountOutcome> {
    // (the audit says whether a number is set, never the number)
    return this.change(id, version, c, 'account.alert_phone', {}, () => ({ alertPhone }), { set: alertPhone ? 'yes' : 'no' });
  }

  private async change(
    id: string,
    version: number,
    c: ActContext,
    action: string,
    o: { notSelf?: boolean; endSessions?: boolean },
    data: () => Record<string, unknown>,
    detail: Record<string, string | null> = {},
  ): Promise<AccountOutcome> {
    const before = await this.db.staffAccount.findUnique({ where: { id } });
    if (!before || !managesAccount(c.by, before as AccountScope)) return { ok: false, reason: 'not_found' };
    // (an administrator does not lock itself out: another one does it)
    if (o.notSelf && before.id === c.by.accountId) return { ok: false, reason: 'own_account' };
    const account = await runTransaction(this.db, async (tx) => {
      const { count } = await tx.staffAccount.updateMany({ where: { id, version }, data: { ...data(), updatedAt: c.now, version: { increment: 1 } } });
      if (count === 0) return undefined;
      const a = await tx.staffAccount.findUniqueOrThrow({ where: { id } });
      await this.audit(tx, c, action, before, detail);
      return a;
    });
    if (!account) return { ok: false, reason: 'changed_meanwhile' };
    if (o.endSessions) await endSessionsOf(this.db, id);
    return { ok: true, account };
  }

  private audit(tx: Tx, c: ActContext, action: string, a: AccountRow, detail: Record<string, string | null>) {
    return audit(tx, { by: c.by, action, objectType: 'account', objectId: a.id, countyId: a.countyId ?? undefined, address: c.address, detail }, c.now);
  }
}
