// The console's access on the real app: login, wrong passwords and the lock an administrator lifts,
// the login limits (in the database), the forced password change, CSRF (missing or forged: 403 and
// audited), logout, a session read by a second app on the same database, accounts kept inside the
// administrator's county, and the audit read by county.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaffAccount,
  staffCall,
  staffLogin,
  TEST_STAFF_PASSWORD as PASSWORD,
  type AccountSpec,
  type StaffClient as Client,
} from '../../support/staffClient.js';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';

const SECRET = 'staff-access-session-secret-0123456789abcdef';
const ENV = { SESSION_SECRET: SECRET, STAFF_LOCK_AFTER_FAILURES: '3', STAFF_LOGIN_ACCOUNT_FAILURES: '4', STAFF_LOGIN_ADDRESS_FAILURES: '100' };

describe.skipIf(dbUnavailable)('staff console access', () => {
  let database: TestDatabase;
  let t: TestApp;
  let base: string;
  const db = () => t.app.dbHandle.db;

  const account = (username: string, o: AccountSpec) => createStaffAccount(db(), username, o);
  const call = (c: Client, method: string, path: string, body?: unknown, o: { csrf?: string | null; url?: string } = {}) =>
    staffCall(o.url ?? base, c, method, path, body, o);
  const login = (username: string, password = PASSWORD) => staffLogin(base, username, password);

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startTestApp({ database, env: ENV });
    base = `http://127.0.0.1:${t.port}`;
    await db().region.create({ data: { id: 'othercounty', name: '别县', level: 'county' } });
    await db().region.create({ data: { id: 'other-town', name: '别镇', level: 'township', parentId: 'othercounty' } });
    await account('county.admin', { role: 'county', countyId: 'xiangcheng' });
    await account('other.admin', { role: 'county', countyId: 'othercounty' });
    await account('city.admin', { role: 'city' });
  });
  afterAll(async () => {
    await t?.stop();
    await database?.drop();
  });

  it('logs in: the account and a CSRF token, a session cookie HttpOnly and SameSite=Lax; GET answers the same account', async () => {
    const c = await login('County.Admin');
    expect(c.status).toBe(200);
    expect(c.body.account).toMatchObject({
      username: 'county.admin',
      role: 'county',
      countyId: 'xiangcheng',
      townshipId: null,
      hospitalId: null,
      mustChangePassword: false,
    });
    expect(c.body.csrfToken).toMatch(/^[0-9a-f]{64}$/);
    expect(c.cookie).toMatch(/^sa\.sid=/);
    const again = await call(c, 'GET', '/session');
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ account: c.body.account, csrfToken: c.csrf });
    const raw = await fetch(`${base}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county.admin', password: PASSWORD }),
    });
    expect(raw.headers.get('set-cookie')).toMatch(/^sa\.sid=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    // (helmet's headers on the answer)
    expect(raw.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(raw.headers.get('x-powered-by')).toBeNull();
    expect((await call({}, 'GET', '/session')).status).toBe(401);
  });

  it('a wrong password and an unknown user get the same 401; both audited without a password or the user name', async () => {
    const wrong = await login('county.admin', 'not-the-password');
    const unknown = await login('nobody.here', 'not-the-password');
    expect([wrong.status, wrong.body.error, unknown.status, unknown.body.error]).toEqual([401, 'wrong_login', 401, 'wrong_login']);
    const failed = await db().auditEntry.findMany({ where: { action: 'login.failed' }, orderBy: { at: 'asc' } });
    expect(failed.map((e) => JSON.parse(e.detail!).reason)).toEqual(['wrong_password', 'unknown_user']);
    for (const e of failed) expect(JSON.stringify(e)).not.toMatch(/not-the-password|nobody/);
    // a right password afterwards starts the count again
    expect((await login('county.admin')).status).toBe(200);
    expect((await db().staffAccount.findUniqueOrThrow({ where: { username: 'county.admin' } })).failedLogins).toBe(0);
  });

  it('locks the account after repeated failures (423 even with the right password) until an administrator lifts it', async () => {
    const victim = await account('locked.user', { role: 'county', countyId: 'xiangcheng' });
    expect((await login('locked.user', 'wrong-1')).status).toBe(401);
    expect((await login('locked.user', 'wrong-2')).status).toBe(401);
    const third = await login('locked.user', 'wrong-3');
    expect([third.status, third.body.error]).toEqual([423, 'account_locked']);
    expect((await login('locked.user')).status).toBe(423);
    expect(await db().auditEntry.count({ where: { action: 'account.lock', objectId: victim.id } })).toBe(1);
    const admin = await login('county.admin');
    const row = (await call(admin, 'GET', '/accounts')).body.accounts.find((a: { username: string }) => a.username === 'locked.user');
    expect(row.lockedAt).not.toBeNull();
    const lifted = await call(admin, 'POST', `/accounts/${victim.id}/unlock`, { version: row.version });
    expect(lifted.status).toBe(200);
    expect(lifted.body.account).toMatchObject({ lockedAt: null, failedLogins: 0, version: row.version + 1 });
    expect((await call(admin, 'POST', `/accounts/${victim.id}/unlock`, { version: row.version })).status).toBe(409);
    expect((await login('locked.user')).status).toBe(200);
    expect(await db().auditEntry.count({ where: { action: 'account.unlock', objectId: victim.id } })).toBe(1);
  });

  it('limits logins per account in the database: 429 with Retry-After, also for an unknown user name', async () => {
    for (let i = 0; i < 4; i++) expect((await login('ghost.user', `guess-${i}`)).status).toBe(401);
    const refused = await call({}, 'POST', '/session', { username: 'ghost.user', password: 'guess-5' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const keys = (await db().rateLimiterFlexible.findMany()).map((r) => r.key);
    expect(keys.some((k) => k.startsWith('staff-login:account:'))).toBe(true);
    expect(keys.join()).not.toContain('ghost');
  });

  it('CSRF: a state-changing request without the token or with a forged one is 403 and audited; with it, it goes through', async () => {
    const admin = await login('county.admin');
    const body = { username: 'csrf.victim', displayName: '某', role: 'county', countyId: 'xiangcheng' };
    const missing = await call(admin, 'POST', '/accounts', body, { csrf: null });
    const forged = await call(admin, 'POST', '/accounts', body, { csrf: 'f'.repeat(64) });
    expect([missing.status, missing.body.error, forged.status, forged.body.error]).toEqual([403, 'csrf', 403, 'csrf']);
    expect(await db().staffAccount.count({ where: { username: 'csrf.victim' } })).toBe(0);
    const refused = await db().auditEntry.findMany({ where: { action: 'csrf.refused' } });
    expect(refused.map((e) => [e.accountId, JSON.parse(e.detail!).path])).toEqual([
      [admin.body.account.id, '/accounts'],
      [admin.body.account.id, '/accounts'],
    ]);
    expect((await call(admin, 'POST', '/accounts', body)).status).toBe(201);
    // a change's audit row names the address it came from
    const created = await db().auditEntry.findFirstOrThrow({ where: { action: 'account.create' }, orderBy: { at: 'desc' } });
    expect(created.address).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it("an administrator sets and clears an account's alert phone: 400 naming the field for a bad number; audited without it", async () => {
    const admin = await login('county.admin');
    const me = (await call(admin, 'GET', '/accounts')).body.accounts.find((a: { username: string }) => a.username === 'county.admin');
    const bad = await call(admin, 'PUT', `/accounts/${me.id}/alert-phone`, { version: me.version, alertPhone: '12345' });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('alertPhone')]);
    const set = await call(admin, 'PUT', `/accounts/${me.id}/alert-phone`, { version: me.version, alertPhone: '13800138000' });
    expect([set.status, set.body.account.alertPhone]).toEqual([200, '13800138000']);
    expect((await db().staffAccount.findUniqueOrThrow({ where: { id: me.id } })).alertPhone).toBe('13800138000');
    const cleared = await call(admin, 'PUT', `/accounts/${me.id}/alert-phone`, { version: me.version + 1, alertPhone: null });
    expect(cleared.body.account.alertPhone).toBeNull();
    const rows = await db().auditEntry.findMany({ where: { action: 'account.alert_phone', objectId: me.id }, orderBy: { at: 'asc' } });
    expect(rows.map((r) => JSON.parse(r.detail!).set)).toEqual(['yes', 'no']);
    for (const r of rows) expect(JSON.stringify(r)).not.toContain('13800138000');
    const other = await login('other.admin');
    expect((await call(other, 'PUT', `/accounts/${me.id}/alert-phone`, { version: me.version + 2, alertPhone: '13900139000' })).status).toBe(404);
  });

  it('forces a password change first: every other route 403 until a good new password is set', async () => {
    const admin = await login('county.admin');
    const created = await call(admin, 'POST', '/accounts', {
      username: 'new.township',
      displayName: '王芳',
      role: 'township',
      countyId: 'xiangcheng',
      townshipId: (await db().region.findFirstOrThrow({ where: { level: 'township', parentId: 'xiangcheng' } })).id,
    });
    expect(created.status).toBe(201);
    const otp = created.body.oneTimePassword as string;
    expect(otp).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{6}$/);
    const c = await login('new.township', otp);
    expect(c.body.account.mustChangePassword).toBe(true);
    const blocked = await call(c, 'GET', '/hospitals/xc-mch/slots?from=2026-03-02&to=2026-03-03');
    expect([blocked.status, blocked.body.error]).toEqual([403, 'password_change_required']);
    const weak = await call(c, 'POST', '/session/password', { currentPassword: otp, newPassword: '1234567890' });
    expect([weak.status, weak.body.reason]).toEqual([422, 'common']);
    expect((await call(c, 'POST', '/session/password', { currentPassword: 'wrong', newPassword: 'Lotus-pond-2026' })).status).toBe(400);
    expect((await call(c, 'POST', '/session/password', { currentPassword: otp, newPassword: 'Lotus-pond-2026' })).status).toBe(204);
    expect((await call(c, 'GET', '/session')).body.account.mustChangePassword).toBe(false);
    // a township account is no administrator
    expect((await call(c, 'GET', '/accounts')).status).toBe(403);
    expect((await call(c, 'GET', '/audit')).status).toBe(403);
  });

  it('logs out: 204, the session row gone, the cookie no longer works', async () => {
    const c = await login('county.admin');
    const before = await db().staffSession.count({ where: { accountId: c.body.account.id } });
    expect((await call(c, 'DELETE', '/session')).status).toBe(204);
    expect(await db().staffSession.count({ where: { accountId: c.body.account.id } })).toBe(before - 1);
    expect((await call(c, 'GET', '/session')).status).toBe(401);
  });

  it('a session survives a restart: a second app on the same database reads it; a session past its lifetime ends', async () => {
    const c = await login('city.admin');
    const second = await startTestApp({ database, env: ENV });
    try {
      const url = `http://127.0.0.1:${second.port}`;
      const r = await call(c, 'GET', '/session', undefined, { url });
      expect([r.status, r.body.account?.username]).toEqual([200, 'city.admin']);
      // past STAFF_SESSION_MAX_HOURS since the login
      const row = await db().staffSession.findFirstOrThrow({ where: { accountId: c.body.account.id }, orderBy: { expiresAt: 'desc' } });
      const data = JSON.parse(row.data);
      await db().staffSession.update({ where: { sid: row.sid }, data: { data: JSON.stringify({ ...data, loginAt: Date.now() - 13 * 3600_000 }) } });
      expect((await call(c, 'GET', '/session', undefined, { url })).status).toBe(401);
      expect(await db().staffSession.count({ where: { sid: row.sid } })).toBe(0);
    } finally {
      await second.stop();
    }
  });

  it('a county administrator creates accounts in its county only; a city administrator anywhere', async () => {
    const admin = await login('county.admin');
    const outside = await call(admin, 'POST', '/accounts', {
      username: 'intruder',
      displayName: '某',
      role: 'township',
      countyId: 'othercounty',
      townshipId: 'other-town',
    });
    expect([outside.status, outside.body.error, outside.body.field]).toEqual([422, 'bad_scope', 'countyId']);
    const wrongTown = await call(admin, 'POST', '/accounts', {
      username: 'intruder',
      displayName: '某',
      role: 'township',
      countyId: 'xiangcheng',
      townshipId: 'other-town',
    });
    expect([wrongTown.status, wrongTown.body.field]).toEqual([422, 'townshipId']);
    const city = await call(admin, 'POST', '/accounts', { username: 'intruder', displayName: '某', role: 'city' });
    expect([city.status, city.body.field]).toEqual([422, 'role']);
    expect(await db().staffAccount.count({ where: { username: 'intruder' } })).toBe(0);
    // its list holds its county's accounts only
    const names = (await call(admin, 'GET', '/accounts')).body.accounts.map((a: { username: string }) => a.username);
    expect(names).not.toContain('other.admin');
    expect(names).not.toContain('city.admin');
    const cityAdmin = await login('city.admin');
    expect(
      (
        await call(cityAdmin, 'POST', '/accounts', {
          username: 'other.town',
          displayName: '某',
          role: 'township',
          countyId: 'othercounty',
          townshipId: 'other-town',
        })
      ).status,
    ).toBe(201);
  });

  it("the audit: a county administrator reads its county's entries, newest first, a page at a time; the city all", async () => {
    const other = await login('other.admin');
    const own = (await call(other, 'GET', '/audit?limit=500')).body.entries as { countyId: string | null; action: string; at: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((e) => e.countyId))).toEqual(new Set(['othercounty']));
    const admin = await login('county.admin');
    const first = await call(admin, 'GET', '/audit?limit=2&action=login');
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.entries[0].at >= first.body.entries[1].at).toBe(true);
    const next = await call(admin, 'GET', `/audit?limit=2&action=login&cursor=${first.body.nextCursor}`);
    expect(next.body.entries[0].at <= first.body.entries[1].at).toBe(true);
    expect(next.body.entries.map((e: { id: string }) => e.id)).not.toContain(first.body.entries[1].id);
    const city = await login('city.admin');
    const all = (await call(city, 'GET', '/audit?limit=500')).body.entries as { countyId: string | null }[];
    expect(new Set(all.map((e) => e.countyId))).toEqual(new Set(['xiangcheng', 'othercounty', null]));
    expect((await call(admin, 'GET', '/audit?cursor=nonsense')).status).toBe(400);
  });
});
