// Rate limits on the real app: staff token attempts are limited per address and per token prefix,
// counted before they are compared, with the counts in the database (two apps on one database share
// them), the client's address read through a trusted proxy only when TRUST_PROXY says so; the
// simulator is limited per contact and per address.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const TOKEN = 'rate-limit-token-0123456789';
const SLOTS = '/api/staff/hospitals/xc-mch/slots?from=2026-03-02&to=2026-03-03';

describe.skipIf(dbUnavailable)('rate limits', () => {
  let database: TestDatabase | undefined;
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.stop();
    await database?.drop();
    database = undefined;
  });
  async function app(env: Record<string, string> = {}): Promise<{ t: TestApp; get: (token?: string, from?: string) => Promise<Response> }> {
    database ??= await createTestDatabase();
    const t = await startTestApp({ database, env: { ADMIN_TOKEN: TOKEN, STAFF_AUTH_FAILURES: '3', ...env } });
    apps.push(t);
    const get = (token?: string, from?: string) =>
      fetch(`http://127.0.0.1:${t.port}${SLOTS}`, {
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(from ? { 'x-forwarded-for': from } : {}) },
      });
    return { t, get };
  }

  it('wrong tokens from one address: 401 up to the limit, then 429 even with the right token, until the window passes', async () => {
    const { t, get } = await app();
    // asking without a token is not a guess: not counted
    for (let i = 0; i < 5; i++) expect((await get()).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await get(`wrong-${i}-token-0123456789`)).status).toBe(401);
    const blocked = await get(TOKEN);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(await blocked.json()).toMatchObject({ error: 'too_many_attempts' });
    // the counts are in the database, and hold no token, nor its start (nor a plain hash of it)
    const db = t.app.dbHandle.db;
    const rows = await db.rateLimiterFlexible.findMany();
    expect(rows.map((r) => r.key)).toContain('staff-auth:addr:127.0.0.1');
    const plain = (x: string) => crypto.createHash('sha256').update(x, 'utf8').digest('hex').slice(0, 16);
    for (const r of rows) expect(r.key).not.toMatch(new RegExp(`wrong|token-0123|rate-l|${plain('rate-l')}|${plain('wrong-')}`));
    // a blocked guesser writes nothing more: refused on a read (once its count is over the limit)
    expect((await get('one-more-guess-0123456789')).status).toBe(429);
    const before = await db.rateLimiterFlexible.findMany({ orderBy: { key: 'asc' } });
    for (let i = 0; i < 20; i++) expect((await get(`blocked-${i}-guess-0123456789`)).status).toBe(429);
    expect(await db.rateLimiterFlexible.findMany({ orderBy: { key: 'asc' } })).toEqual(before);
    // the window passes (its end is what the row says)
    await t.app.dbHandle.db.rateLimiterFlexible.updateMany({ data: { expire: new Date(Date.now() - 1000) } });
    expect((await get(TOKEN)).status).toBe(200);
  });

  it('the right token is not held against the address, nor does it wipe its failures; another app on the same database sees the same counts', async () => {
    const a = await app();
    for (let i = 0; i < 2; i++) expect((await a.get(`wrong-${i}-token-0123456789`)).status).toBe(401);
    for (let i = 0; i < 5; i++) expect((await a.get(TOKEN)).status).toBe(200);
    // a second process: its wrong token is the third, its next the fourth: both apps refuse
    const b = await app();
    expect((await b.get('third-wrong-token-0123456789')).status).toBe(401);
    expect((await b.get('fourth-wrong-token-0123456789')).status).toBe(429);
    expect((await a.get(TOKEN)).status).toBe(429);
  });

  it('parallel guesses cannot slip past the limit: each is counted before it is compared', async () => {
    const { get } = await app();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => get(`parallel-${i}-token-0123456789`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 401)).toHaveLength(3);
    expect(statuses.filter((x) => x === 429)).toHaveLength(27);
  });

  it('behind a trusted proxy, each client address counts alone; a token prefix tried from many addresses is blocked', async () => {
    const { get } = await app({ TRUST_PROXY: 'loopback', STAFF_AUTH_PREFIX_FAILURES: '3' });
    for (let i = 0; i < 3; i++) expect((await get(`guess-${i}-token-0123456789`, '203.0.113.7')).status).toBe(401);
    expect((await get(TOKEN, '203.0.113.7')).status).toBe(429);
    expect((await get(TOKEN, '198.51.100.20')).status).toBe(200);
    // one leaked start ("rate-l…") tried from three addresses, then a fourth
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) expect((await get(`rate-l-guess-${ip}`, ip)).status).toBe(401);
    expect((await get('rate-l-another-guess-0123', '192.0.2.4')).status).toBe(429);
    expect((await get('other-prefix-guess-0123', '192.0.2.4')).status).toBe(401);
  });

  it('without TRUST_PROXY a forwarded address is not believed: the proxy is the client', async () => {
    const { get } = await app();
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) expect((await get(`wrong-${ip}-token`, ip)).status).toBe(401);
    expect((await get(TOKEN, '203.0.113.4')).status).toBe(429);
  });

  it('the simulator: a contact past its messages per minute gets 429; another contact is answered; an address has its own limit', async () => {
    const { t } = await app({ SIMULATOR_MESSAGES_PER_MINUTE: '3', SIMULATOR_ADDRESS_MESSAGES_PER_MINUTE: '5' });
    const say = (contactId: string) =>
      fetch(`http://127.0.0.1:${t.port}/simulator/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ contactId, text: '你好' }),
      });
    for (let i = 0; i < 3; i++) expect((await say('flood-1')).status).toBe(200);
    const refused = await say('flood-1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: 'too_many_messages' });
    // the refused message was not read: her transcript has her three
    expect(t.app.simulator!.transcript('flood-1').filter((m) => m.from === 'contact')).toHaveLength(3);
    expect((await say('flood-2')).status).toBe(200);
    // five from this address in the minute: the sixth, from a new id, is refused
    expect((await say('flood-3')).status).toBe(429);
  });
});
