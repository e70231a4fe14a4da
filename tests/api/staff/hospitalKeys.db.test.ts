// Hospital systems' API keys managed in the console: the county administrator lists its county's
// hospitals, issues a key (the secret shown once, never listed), the key works for a signed push,
// rotating stops the old key at once, revoking stops it; other roles and counties are refused; every
// change is audited with the hospital's id and the address, never the key or secret.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../../src/services/results/hospitalClients.js';
import { createStaffAccount, staffCall, staffLogin, type StaffClient } from '../../support/staffClient.js';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';

const KEYS = `k1:${Buffer.alloc(32, 9).toString('base64')}`;
const ENV = { SESSION_SECRET: 'hospital-keys-session-secret-0123456789abcdef', DATA_ENCRYPTION_KEYS: KEYS };

describe.skipIf(dbUnavailable)('hospital API keys in the console', () => {
  let t: TestApp;
  let base: string;
  let admin: StaffClient;
  const db = () => t.app.dbHandle.db;
  const call = (c: StaffClient, method: string, path: string, body?: unknown, o: { csrf?: string | null } = {}) => staffCall(base, c, method, path, body, o);

  const requestIdOf = () => crypto.randomUUID();
  /** A signed results push with these credentials: its status (401 for a key that does not work). */
  async function pushWith(apiKey: string, secret: string): Promise<number> {
    // (a cytology result for a visit code nobody has: taken into the unmatched queue)
    const record = {
      hospitalId: 'xc-mch',
      hospitalResultId: requestIdOf(),
      visitCode: 'ZZ9ZZ9',
      date: '2026-02-27',
      result: { category: 'cytology', tbs: 'NILM' },
    };
    const body = JSON.stringify({ results: [record] });
    const timestamp = String(t.clock.now().getTime());
    const requestId = crypto.randomUUID();
    const r = await fetch(`${base}/api/hospital/results`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': apiKey,
        'x-timestamp': timestamp,
        'x-request-id': requestId,
        'x-signature': signRequest(secret, timestamp, requestId, body),
      },
      body,
    });
    return r.status;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: ENV });
    base = `http://127.0.0.1:${t.port}`;
    await db().region.create({ data: { id: 'othercounty', name: '别县', level: 'county' } });
    await createStaffAccount(db(), 'keys.admin', { role: 'county', countyId: 'xiangcheng' });
    await createStaffAccount(db(), 'other.admin', { role: 'county', countyId: 'othercounty' });
    await createStaffAccount(db(), 'mch.staff', { role: 'hospital', countyId: 'xiangcheng', hospitalId: 'xc-mch' });
    admin = await staffLogin(base, 'keys.admin');
  });
  afterAll(async () => {
    await t?.stop();
    await t?.database.drop();
  });

  it('lists the county hospitals, issues a key shown once, rotates and revokes it; the push follows', async () => {
    const before = await call(admin, 'GET', '/hospital-keys');
    expect(before.status).toBe(200);
    expect(before.body.canIssue).toBe(true);
    expect(before.body.hospitals.map((h: { hospitalId: string; apiKey: string | null }) => [h.hospitalId, h.apiKey])).toEqual([
      ['xc-first', null],
      ['xc-mch', null],
    ]);

    const issued = await call(admin, 'POST', '/hospital-keys/xc-mch');
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ apiKey: expect.stringMatching(/^hk_[0-9a-f]{24}$/), secret: expect.any(String), rotated: false });
    expect(await pushWith(issued.body.apiKey, issued.body.secret)).toBe(200);
    const listed = await call(admin, 'GET', '/hospital-keys');
    const mch = listed.body.hospitals.find((h: { hospitalId: string }) => h.hospitalId === 'xc-mch');
    expect(mch).toEqual({
      hospitalId: 'xc-mch',
      name: '项城市妇幼保健院',
      countyId: 'xiangcheng',
      apiKey: issued.body.apiKey,
      issuedAt: t.clock.now().toISOString(),
    });
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.secret);

    const rotated = await call(admin, 'POST', '/hospital-keys/xc-mch');
    expect(rotated.body.rotated).toBe(true);
    expect(await pushWith(issued.body.apiKey, issued.body.secret)).toBe(401);
    expect(await pushWith(rotated.body.apiKey, rotated.body.secret)).toBe(200);

    expect((await call(admin, 'DELETE', '/hospital-keys/xc-mch')).body).toEqual({ revoked: true });
    expect(await pushWith(rotated.body.apiKey, rotated.body.secret)).toBe(401);
    expect((await call(admin, 'DELETE', '/hospital-keys/xc-mch')).body).toEqual({ revoked: false });

    const entries = await db().auditEntry.findMany({ where: { objectType: 'hospital', objectId: 'xc-mch' }, orderBy: { at: 'asc' } });
    expect(entries.map((e) => [e.action, e.countyId])).toEqual([
      ['hospital_key.issue', 'xiangcheng'],
      ['hospital_key.rotate', 'xiangcheng'],
      ['hospital_key.revoke', 'xiangcheng'],
    ]);
    for (const e of entries) {
      expect(e.address).toMatch(/127\.0\.0\.1$/);
      expect(JSON.stringify(e)).not.toContain(issued.body.secret);
      expect(JSON.stringify(e)).not.toContain(rotated.body.apiKey);
    }
  });

  it('refuses a hospital account (403), another county (404), an unknown hospital (404) and a missing CSRF token (403)', async () => {
    const staff = await staffLogin(base, 'mch.staff');
    expect((await call(staff, 'GET', '/hospital-keys')).status).toBe(403);
    expect((await call(staff, 'POST', '/hospital-keys/xc-mch')).status).toBe(403);
    const other = await staffLogin(base, 'other.admin');
    expect((await call(other, 'GET', '/hospital-keys')).body.hospitals).toEqual([]);
    expect((await call(other, 'POST', '/hospital-keys/xc-mch')).status).toBe(404);
    expect((await call(admin, 'POST', '/hospital-keys/nowhere')).status).toBe(404);
    expect((await call(admin, 'POST', '/hospital-keys/xc-first', undefined, { csrf: null })).status).toBe(403);
    expect(await db().hospitalClient.count({ where: { hospitalId: 'xc-first' } })).toBe(0);
  });
});
