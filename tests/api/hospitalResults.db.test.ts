// POST /api/hospital/results on the real app: signed with the hospital's own secret (sealed at rest),
// refused whole when the signature, the key, the timestamp or the request id is wrong (nothing
// stored), and answered per result: stored, matched, held or refused and why.
import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';
import { issueHospitalKey, resealSecrets, signRequest } from '../../src/services/results/hospitalClients.js';
import { parseDataKeys, secretBox } from '../../src/support/secretBox.js';
import { bookingRow, woman } from '../services/reminders/reminderFixtures.js';

const KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

describe.skipIf(dbUnavailable)('POST /api/hospital/results', () => {
  let t: TestApp;
  let creds: { apiKey: string; secret: string };
  beforeAll(async () => {
    t = await startTestApp({ env: { DATA_ENCRYPTION_KEYS: KEYS } }); // Monday 2026-03-02 09:00 +08:00
    creds = await issueHospitalKey(t.app.dbHandle.db, secretBox(parseDataKeys(KEYS)), 'xc-mch', t.clock.now());
    await woman(t.app.dbHandle.db, 'w1');
    await bookingRow(t.app.dbHandle.db, 'w1', { serviceId: 'cervical', day: '2026-02-27', status: 'attended', code: 'K7Q2M9' });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });
  beforeEach(async () => {
    await t.app.dbHandle.db.screeningResult.deleteMany();
    await t.app.dbHandle.db.outboxMessage.deleteMany();
  });

  const record = (id: string, result: object, o: object = {}) => ({
    hospitalId: 'xc-mch',
    hospitalResultId: id,
    visitCode: 'K7Q2M9',
    date: '2026-02-27',
    result,
    ...o,
  });
  const nilm = { category: 'cytology', tbs: 'NILM' };
  const hpv16 = { category: 'hpv', hpv16: true, hpv18: false, otherHighRisk: false };
  async function push(body: string, o: { secret?: string; apiKey?: string; timestamp?: number; requestId?: string; tamper?: (b: string) => string } = {}) {
    const timestamp = String(o.timestamp ?? t.clock.now().getTime());
    const requestId = o.requestId ?? crypto.randomUUID();
    const signature = signRequest(o.secret ?? creds.secret, timestamp, requestId, body);
    const r = await fetch(`http://127.0.0.1:${t.port}/api/hospital/results`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': o.apiKey ?? creds.apiKey,
        'x-timestamp': timestamp,
        'x-request-id': requestId,
        'x-signature': signature,
      },
      body: o.tamper ? o.tamper(body) : body,
    });
    return { status: r.status, body: (await r.json()) as { error?: string; message?: string; results?: Record<string, unknown>[] } };
  }
  const stored = () => t.app.dbHandle.db.screeningResult.count();

  it('a signed request: each result stored, matched, sent, held or refused, with the reason', async () => {
    const body = JSON.stringify({
      results: [
        record('LIS-1', nilm),
        record('LIS-2', hpv16),
        record('LIS-3', nilm, { visitCode: undefined }),
        record('LIS-4', { category: 'breast', birads: '7' }),
        record('LIS-5', nilm, { hospitalId: 'xc-first' }),
      ],
    });
    const r = await push(body);
    expect(r.status).toBe(200);
    expect(r.body.results!.map((x) => [x.hospitalResultId, x.outcome, x.match, x.status, x.reason])).toEqual([
      ['LIS-1', 'stored', 'matched', 'sent', undefined],
      ['LIS-2', 'stored', 'matched', 'held', undefined],
      ['LIS-3', 'stored', 'unmatched', 'notSent', 'no_visit_code'],
      [
        'LIS-4',
        'refused',
        undefined,
        undefined,
        "result.birads: Invalid enum value. Expected '0' | '1' | '2' | '3' | '4A' | '4B' | '4C' | '5' | '6', received '7'",
      ],
      ['LIS-5', 'refused', undefined, undefined, "hospitalId: this key is xc-mch's"],
    ]);
    expect(await stored()).toBe(3);
    // the same again (a new request): stored once
    const again = await push(JSON.stringify({ results: [record('LIS-1', nilm)] }));
    expect(again.body.results![0]).toMatchObject({ outcome: 'duplicate' });
    expect(await stored()).toBe(3);
    // the secret is kept sealed, not in plain text
    const client = await t.app.dbHandle.db.hospitalClient.findUniqueOrThrow({ where: { hospitalId: 'xc-mch' } });
    expect(client.secretSealed).not.toContain(creds.secret);
    expect(client.secretSealed).toMatch(/^k1\./);
  });

  it('a new key put first: the secret is sealed again under it and still signs', async () => {
    const rotated = secretBox(parseDataKeys(`k2:${Buffer.alloc(32, 9).toString('base64')},${KEYS}`));
    expect(await resealSecrets(t.app.dbHandle.db, rotated)).toBe(1);
    const client = await t.app.dbHandle.db.hospitalClient.findUniqueOrThrow({ where: { hospitalId: 'xc-mch' } });
    expect(client.secretSealed).toMatch(/^k2\./);
    expect(rotated.open(client.secretSealed)).toBe(creds.secret);
    expect(await resealSecrets(t.app.dbHandle.db, rotated)).toBe(0);
    // (put back under k1: the app running here opens with k1 only)
    await t.app.dbHandle.db.hospitalClient.update({
      where: { hospitalId: 'xc-mch' },
      data: { secretSealed: secretBox(parseDataKeys(KEYS)).seal(creds.secret) },
    });
  });

  it('refuses, storing nothing: a tampered body, a wrong secret, an old timestamp, a replayed id, an unknown key, a missing header', async () => {
    const body = JSON.stringify({ results: [record('LIS-9', nilm)] });
    expect(await push(body, { tamper: (b) => b.replace('NILM', 'HSIL') })).toMatchObject({ status: 401, body: { error: 'bad_signature' } });
    expect(await push(body, { secret: 'not-the-secret' })).toMatchObject({ status: 401, body: { error: 'bad_signature' } });
    expect(await push(body, { timestamp: t.clock.now().getTime() - 6 * 60_000 })).toMatchObject({ status: 401, body: { error: 'stale_request' } });
    expect(await push(body, { apiKey: 'hk_000000000000000000000000' })).toMatchObject({ status: 401, body: { error: 'unknown_key' } });
    const r = await fetch(`http://127.0.0.1:${t.port}/api/hospital/results`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect([r.status, ((await r.json()) as { message: string }).message]).toEqual([401, 'X-Api-Key: required (see the API document)']);
    expect(await stored()).toBe(0);
    expect(await push(body, { requestId: 'REQ-7' })).toMatchObject({ status: 200 });
    expect(await push(body, { requestId: 'REQ-7' })).toMatchObject({ status: 409, body: { error: 'replayed_request' } });
    expect(await stored()).toBe(1);
  });

  it('a signed body that is not JSON, of the wrong shape, or too big: a 4xx naming it, nothing stored', async () => {
    expect(await push('{"results": [')).toMatchObject({ status: 400, body: { message: '(body): not valid JSON' } });
    expect(await push(JSON.stringify({ results: [] }))).toMatchObject({ status: 400, body: { message: 'results: at least one result' } });
    expect(await push(JSON.stringify({ result: [record('x', nilm)] }))).toMatchObject({ status: 400 });
    const big = JSON.stringify({ results: [record('x', nilm, { pad: 'x'.repeat(1_100_000) })] });
    expect((await push(big)).status).toBe(413);
    expect(await stored()).toBe(0);
  });
});

describe.skipIf(dbUnavailable)('the hospital API without keys', () => {
  it('is off (503), saying why', async () => {
    const t = await startTestApp();
    try {
      const r = await fetch(`http://127.0.0.1:${t.port}/api/hospital/results`, { method: 'POST', body: '{}' });
      expect(r.status).toBe(503);
      expect(((await r.json()) as { error: string }).error).toBe('hospital_api_off');
    } finally {
      await t.stop();
      await t.database.drop();
    }
  });
});
