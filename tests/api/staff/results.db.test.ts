// Staff and results, on the real app behind the admin token: the held and unmatched lists, releasing
// a held result (sent to her then, once), recording she was told in person, matching by hand with
// her visit code; bad requests answered 4xx naming the problem.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { resultRecordSchema } from '../../../src/services/results/resultRecord.js';
import { bookingRow, woman } from '../../services/reminders/reminderFixtures.js';

const TOKEN = 'results-staff-token-0123456789';

describe.skipIf(dbUnavailable)('staff API: results', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_TOKEN: TOKEN } }); // Monday 2026-03-02 09:00 +08:00
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

  const ingest = (id: string, result: object, o: object = {}) =>
    t.app.results!.ingest(
      resultRecordSchema.parse({ hospitalId: 'xc-mch', hospitalResultId: id, visitCode: 'K7Q2M9', date: '2026-02-27', result, ...o }),
      t.clock.now(),
      'h',
    );
  const call = async (method: string, path: string, body?: unknown, token = TOKEN) => {
    const r = await fetch(`http://127.0.0.1:${t.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const notices = () => t.app.dbHandle.db.outboxMessage.findMany({ select: { contactId: true, dedupeKey: true } });

  it('the held list; releasing sends it to her once; told in person sends nothing', async () => {
    const a = await ingest('LIS-1', { category: 'hpv', hpv16: true, hpv18: false, otherHighRisk: false });
    const b = await ingest('LIS-2', { category: 'breast', birads: '4B' });
    const c = await ingest('LIS-3', { category: 'cytology', tbs: 'NILM' });
    const held = await call('GET', '/api/staff/results?status=held');
    expect(held.status).toBe(200);
    expect((held.body.results as { id: string; grade: string }[]).map((x) => x.grade).sort()).toEqual(['hpv16or18', 'suspicious']);
    expect(JSON.stringify(held.body)).not.toContain('K7Q2M9');
    expect(await call('POST', `/api/staff/results/${a.resultId}/release`)).toEqual({ status: 200, body: { id: a.resultId } });
    expect(await call('POST', `/api/staff/results/${a.resultId}/release`)).toMatchObject({ status: 409, body: { error: 'not_held' } });
    expect(await call('POST', `/api/staff/results/${b.resultId}/told-in-person`)).toMatchObject({ status: 200 });
    // her notices: the normal one at once, the released one now; nothing for the one told in person
    expect((await notices()).map((n) => n.dedupeKey).sort()).toEqual([`result:${a.resultId}:v1`, `result:${c.resultId}:v1`].sort());
    expect(await call('POST', '/api/staff/results/nope/release')).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('the unmatched queue, and a match by hand with her visit code', async () => {
    const u = await ingest('LIS-9', { category: 'cytology', tbs: 'NILM' }, { visitCode: undefined });
    const queue = await call('GET', '/api/staff/results?match=unmatched');
    expect((queue.body.results as { id: string; unmatchedReason: string }[]).map((x) => [x.id, x.unmatchedReason])).toEqual([[u.resultId, 'no_visit_code']]);
    expect(await call('POST', `/api/staff/results/${u.resultId}/match`, {})).toMatchObject({ status: 400, body: { field: 'visitCode' } });
    expect(await call('POST', `/api/staff/results/${u.resultId}/match`, { visitCode: 'ZZZZ99' })).toMatchObject({
      status: 422,
      body: { error: 'no_such_visit' },
    });
    expect(await call('POST', `/api/staff/results/${u.resultId}/match`, { visitCode: ' k7q2m9 ' })).toEqual({
      status: 200,
      body: { id: u.resultId, status: 'sent' },
    });
    expect(await notices()).toEqual([{ contactId: 'w1', dedupeKey: `result:${u.resultId}:v1` }]);
    expect(await call('POST', `/api/staff/results/${u.resultId}/match`, { visitCode: 'K7Q2M9' })).toMatchObject({
      status: 409,
      body: { error: 'already_matched' },
    });
  });

  it('asks for the admin token, and bounds what it lists', async () => {
    expect((await call('GET', '/api/staff/results', undefined, 'wrong-token-0123456789')).status).toBe(401);
    expect(await call('GET', '/api/staff/results?status=lost')).toMatchObject({ status: 400, body: { field: 'status' } });
    expect(await call('GET', '/api/staff/results?from=1900-01-01')).toMatchObject({ status: 400, body: { field: 'from' } });
  });
});
