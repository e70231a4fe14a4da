// The staff pregnancy API on the real app (mounted behind ADMIN_TOKEN in createApp): the screenings
// marked missed, and referrals for prenatal diagnosis. 401 without the token, 400 naming the field,
// 404 for an unknown pregnancy, 200 with exact contents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { dbUnavailable } from '../../support/testDb.js';
import { pregnancy, sh, statuses, woman } from '../../services/reminders/reminderFixtures.js';

const TOKEN = 'pregnancy-api-test-token';
const DUE = '2026-09-28';

describe.skipIf(dbUnavailable)('staff pregnancy API', () => {
  let t: TestApp;
  let db: Db;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp({ start: '2026-04-10T10:00:00+08:00', env: { ADMIN_TOKEN: TOKEN } });
    db = t.app.dbHandle.db;
    base = `http://127.0.0.1:${t.port}`;
    await woman(db, 'c1');
    await pregnancy(db, 'c1', { dueDate: DUE });
    await woman(db, 'c2');
    await pregnancy(db, 'c2', { dueDate: '2026-10-05', status: 'born', birthDate: '2026-04-08', endedOn: '2026-04-08' });
    const mark = (pregnancyId: string, screeningId: string, status: string, day: string) =>
      db.pregnancyScreening.create({ data: { pregnancyId, screeningId, status, day, createdAt: sh(`${day} 20:00`) } });
    await mark('p-c1', 'nt', 'missed', '2026-03-29');
    await mark('p-c1', 'first-visit', 'missed', '2026-03-29');
    await mark('p-c1', 'nipt', 'done', '2026-03-30');
    await mark('p-c2', 'nt', 'missed', '2026-04-05');
    await mark('p-c2', 'first-visit', 'missed', '2026-03-05');
  });
  afterAll(async () => {
    await t?.stop();
    await t?.database.drop();
  });

  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, token: string | null = TOKEN) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as unknown };
  };

  const row = (
    pregnancyId: string,
    screeningId: string,
    screening: string,
    windowClosedOn: string,
    dueDate: string,
    pregnancyStatus: string,
    contactId: string,
  ) => ({
    pregnancyId,
    screeningId,
    screening,
    windowClosedOn,
    dueDate,
    pregnancyStatus,
    contact: { id: contactId, channel: 'simulator', externalId: `ext-${contactId}` },
  });
  const c1First = row('p-c1', 'first-visit', '第一次产检建档', '2026-03-29', DUE, 'active', 'c1');
  const c1Nt = row('p-c1', 'nt', 'NT超声检查', '2026-03-29', DUE, 'active', 'c1');
  const c2Nt = row('p-c2', 'nt', 'NT超声检查', '2026-04-05', '2026-10-05', 'born', 'c2');
  const c2First = row('p-c2', 'first-visit', '第一次产检建档', '2026-03-05', '2026-10-05', 'born', 'c2');

  it('answers 401 without the admin token or with a wrong one, and changes nothing', async () => {
    expect(await call('GET', '/api/staff/pregnancies/missed', undefined, null)).toEqual({
      status: 401,
      body: expect.objectContaining({ error: 'unauthorized' }),
    });
    expect((await call('GET', '/api/staff/pregnancies/missed', undefined, 'wrong-token-of-some-length')).status).toBe(401);
    expect((await call('POST', '/api/staff/pregnancies/p-c1/referral', { referred: true }, null)).status).toBe(401);
    expect(await db.pregnancy.findUnique({ where: { id: 'p-c1' }, select: { referred: true } })).toEqual({ referred: false });
  });

  it('lists the screenings missed between two days, oldest first', async () => {
    expect(await call('GET', '/api/staff/pregnancies/missed?from=2026-03-06&to=2026-04-10')).toEqual({
      status: 200,
      body: { from: '2026-03-06', to: '2026-04-10', limit: 100, more: false, missed: [c1First, c1Nt, c2Nt] },
    });
    expect(await call('GET', '/api/staff/pregnancies/missed?from=2026-03-05&to=2026-03-29')).toEqual({
      status: 200,
      body: { from: '2026-03-05', to: '2026-03-29', limit: 100, more: false, missed: [c2First, c1First, c1Nt] },
    });
    expect(await call('GET', '/api/staff/pregnancies/missed?from=2026-04-06&to=2026-04-06')).toEqual({
      status: 200,
      body: { from: '2026-04-06', to: '2026-04-06', limit: 100, more: false, missed: [] },
    });
  });

  it('by default the 30 days up to today, or up to `to`', async () => {
    expect(await call('GET', '/api/staff/pregnancies/missed')).toEqual({
      status: 200,
      body: { from: '2026-03-11', to: '2026-04-10', limit: 100, more: false, missed: [c1First, c1Nt, c2Nt] },
    });
    expect(await call('GET', '/api/staff/pregnancies/missed?to=2026-03-30')).toEqual({
      status: 200,
      body: { from: '2026-02-28', to: '2026-03-30', limit: 100, more: false, missed: [c2First, c1First, c1Nt] },
    });
  });

  it('pages the list (limit, more) and bounds its range and its days, 400 naming the field', async () => {
    expect(await call('GET', '/api/staff/pregnancies/missed?from=2026-03-06&to=2026-04-10&limit=2')).toEqual({
      status: 200,
      body: { from: '2026-03-06', to: '2026-04-10', limit: 2, more: true, missed: [c1First, c1Nt] },
    });
    for (const [query, field] of [
      ['limit=501', 'limit'],
      ['limit=0', 'limit'],
      ['from=2025-01-01&to=2026-04-10', 'to'],
      ['from=1900-01-01&to=1900-01-02', 'from'],
      ['to=9999-12-31', 'to'],
    ]) {
      const r = await call('GET', `/api/staff/pregnancies/missed?${query}`);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: 'invalid_request', field });
    }
  });

  it('a bad query gets 400 naming the field', async () => {
    for (const [query, field] of [
      ['from=bad', 'from'],
      ['from=2026-02-30', 'from'],
      ['to=2026-4-1', 'to'],
      ['from=2026-04-02&to=2026-04-01', 'from'],
    ]) {
      const r = await call('GET', `/api/staff/pregnancies/missed?${query}`);
      expect(r, query).toEqual({ status: 400, body: expect.objectContaining({ error: 'invalid_request', field }) });
    }
  });

  it('a bad referral body gets 400 naming the field; an unknown pregnancy 404', async () => {
    expect(await call('POST', '/api/staff/pregnancies/p-c1/referral', { referred: 'yes' })).toEqual({
      status: 400,
      body: { error: 'invalid_request', field: 'referred', message: 'referred: true or false' },
    });
    expect(await call('POST', '/api/staff/pregnancies/p-c1/referral', {})).toEqual({
      status: 400,
      body: { error: 'invalid_request', field: 'referred', message: 'referred: required' },
    });
    expect(await call('POST', '/api/staff/pregnancies/p-c1/referral', '{"referred": tru')).toEqual({
      status: 400,
      body: expect.objectContaining({ error: 'invalid_request', field: '(body)' }),
    });
    expect(await call('POST', '/api/staff/pregnancies/no-such-pregnancy/referral', { referred: true })).toEqual({
      status: 404,
      body: { error: 'not_found', message: 'no pregnancy no-such-pregnancy' },
    });
    expect(await db.pregnancy.findUnique({ where: { id: 'p-c1' }, select: { referred: true } })).toEqual({ referred: false });
  });

  it('a referral is saved and her prenatal diagnosis alerts follow at once', async () => {
    // the evening before 16w0d (2026-04-13), when the prenatal diagnosis window opens
    expect(t.clock.advanceTo(sh('2026-04-12 21:00'))).toBe(true);
    expect(await call('POST', '/api/staff/pregnancies/p-c1/referral', { referred: true })).toEqual({
      status: 200,
      body: { id: 'p-c1', referred: true, status: 'active', dueDate: DUE },
    });
    expect(await db.pregnancy.findUnique({ where: { id: 'p-c1' }, select: { referred: true } })).toEqual({ referred: true });
    // NT was missed, so the fallback scan opens the same day: one message
    expect(await statuses(db, { contactId: 'c1' })).toEqual({ 'preg:p-c1:2026-04-13:fallback-us.open+prenatal-diagnosis.open': 'queued' });
    expect(await call('POST', '/api/staff/pregnancies/p-c1/referral', { referred: false })).toEqual({
      status: 200,
      body: { id: 'p-c1', referred: false, status: 'active', dueDate: DUE },
    });
    expect(await statuses(db, { contactId: 'c1' })).toEqual({
      'preg:p-c1:2026-04-13:fallback-us.open': 'queued',
      'preg:p-c1:2026-04-13:fallback-us.open+prenatal-diagnosis.open': 'cancelled:replanned',
    });
  });
});
