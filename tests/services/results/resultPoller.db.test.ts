// The result poll against a laboratory system faked with nock (which intercepts Node's global fetch):
// pages followed to the end with the cursor stored after each, a 500 then success with the back-off
// waited on the test's clock, 429 and its Retry-After, a redirect, 4xx, a time-out, malformed JSON, a
// record the mapping cannot make valid (the others on the page stored), and a peer that recovers.
// (Restarts, several processes and FHIR paging: resultPollerCursor.db.test.ts.)
import { describe, expect, it } from 'vitest';
import { readPollHealth } from '../../../src/services/results/poll/pollHealth.js';
import { dbUnavailable } from '../../support/testDb.js';
import { connector, item, MCH, page, sh, usePollerFixture } from './pollerFixture.js';

describe.skipIf(dbUnavailable)('ResultPoller (nock)', () => {
  const t = usePollerFixture();

  it('follows the pages to the end, storing each page before its cursor, and waits the interval', async () => {
    t.lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(200, page([item('R1', 'K7Q2M9'), item('R2', 'P3R8T5')], 'c2'))
      .get('/api/results')
      .query({ limit: '2', since: 'c2' })
      .reply(200, page([item('R3', 'H4J6N2', 'LSIL')], 'c3'))
      // nothing newer: the same cursor back
      .get('/api/results')
      .query({ limit: '2', since: 'c3' })
      .reply(200, page([], 'c3'));
    const [report] = await t.poller().pollDue(t.start);
    expect(report).toEqual({ hospitalId: MCH, outcome: 'ok', pages: 3, taken: 3, unmappable: 0, refused: 0 });
    expect(await t.stored()).toEqual([
      ['R1', 'nilm', 'w1'],
      ['R2', 'nilm', 'w2'],
      ['R3', 'lsil', 'w3'],
    ]);
    expect(await t.state()).toMatchObject({
      cursor: 'c3',
      fetched: 3,
      failures: 0,
      lastError: null,
      lastOkAt: t.start,
      lastPollAt: t.start,
      nextPollAt: sh('2026-03-20 10:10'),
    });
    // (every result was stored by the poll)
    expect(new Set((await t.f.db.resultEvent.findMany({ where: { kind: 'stored' } })).map((e) => e.actor))).toEqual(new Set([`poll:${MCH}`]));
    // its time has not come: nothing asked
    expect(await t.poller().pollDue(sh('2026-03-20 10:09'))).toMatchObject([{ outcome: 'notDue' }]);
  });

  it('takes at most maxPagesPerPoll pages, and the rest at the next tick', async () => {
    t.lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'));
    expect(await t.poller(connector({ maxPagesPerPoll: 1 })).pollDue(t.start)).toMatchObject([{ outcome: 'ok', pages: 1 }]);
    expect(await t.state()).toMatchObject({ cursor: 'c1', nextPollAt: t.start });
    t.lis().get('/api/results').query({ limit: '2', since: 'c1' }).reply(200, page([], 'c1'));
    expect(await t.poller(connector({ maxPagesPerPoll: 1 })).pollDue(sh('2026-03-20 10:01'))).toMatchObject([{ outcome: 'ok', pages: 1, taken: 0 }]);
  });

  it('a 500, then success: retried after the back-off (on the clock, with jitter), nothing counted as failed', async () => {
    t.lis()
      .get('/api/results')
      .query(true)
      .reply(500, 'Internal Server Error: patient 张三 …')
      .get('/api/results')
      .query(true)
      .reply(200, page([item('R1', 'K7Q2M9')]));
    const [report] = await t.poller().pollDue(t.start);
    expect(report).toMatchObject({ outcome: 'ok', taken: 1 });
    // base 2 s, equal jitter: 1 s + 0.5 × 1 s
    expect(t.slept).toEqual([1500]);
    expect(await t.state()).toMatchObject({ failures: 0, lastOkAt: new Date(t.start.getTime() + 1500) });
    // (no body in the logs)
    expect(t.logs.join('\n')).not.toContain('张三');
  });

  it('429 with Retry-After: waits what the peer asks', async () => {
    t.lis().get('/api/results').query(true).reply(429, '', { 'Retry-After': '7' }).get('/api/results').query(true).reply(200, page([]));
    expect(await t.poller().pollDue(t.start)).toMatchObject([{ outcome: 'ok' }]);
    expect(t.slept).toEqual([7000]);
  });

  it('429 asking to wait longer than a poll waits: the poll ends and the next one is not before that', async () => {
    t.lis().get('/api/results').query(true).reply(429, '', { 'Retry-After': '7200' });
    expect(await t.poller().pollDue(t.start)).toMatchObject([{ outcome: 'failed', error: 'http_429' }]);
    expect(t.slept).toEqual([]);
    expect(await t.state()).toMatchObject({ failures: 1, nextPollAt: sh('2026-03-20 12:00') });
  });

  it('a redirect is not followed (the token goes only where configured): a configuration error', async () => {
    t.lis().get('/api/results').query(true).reply(301, '', { Location: 'https://elsewhere.example/api/results' });
    expect(await t.poller().pollDue(t.start)).toMatchObject([{ outcome: 'failed', error: 'http_301' }]);
    expect(t.slept).toEqual([]);
  });

  it('5xx every time: the poll fails after its attempts, health failing with the code, and the next poll waits longer', async () => {
    t.lis().get('/api/results').query(true).times(3).reply(503, 'down');
    expect(await t.poller().pollDue(t.start)).toMatchObject([{ outcome: 'failed', error: 'http_503' }]);
    expect(t.slept).toEqual([1500, 3000]);
    const after = new Date(t.start.getTime() + 4500);
    // the interval (10 min) × (0.75 + 0.25 × 0.5)
    expect(await t.state()).toMatchObject({ failures: 1, lastError: 'http_503', cursor: null, nextPollAt: new Date(after.getTime() + 525_000) });
    expect(await readPollHealth(t.f.db, [connector()], after, t.start)).toEqual([{ hospitalId: MCH, state: 'failing', failures: 1, lastError: 'http_503' }]);
    // a second failure in a row: twice as long
    t.clock.set(sh('2026-03-20 10:20'));
    t.lis().get('/api/results').query(true).times(3).reply(502, 'down');
    await t.poller().pollDue(sh('2026-03-20 10:20'));
    const s = await t.state();
    expect(s).toMatchObject({ failures: 2, lastError: 'http_502' });
    expect(s.nextPollAt!.getTime() - t.clock.now().getTime()).toBe(1_050_000);
  });

  it('a 401 is a configuration error: not retried, the next poll an hour away at least', async () => {
    t.lis().get('/api/results').query(true).reply(401, { error: 'bad token' });
    expect(await t.poller().pollDue(t.start)).toMatchObject([{ outcome: 'failed', error: 'http_401' }]);
    expect(t.slept).toEqual([]);
    const s = await t.state();
    expect(s.nextPollAt!.getTime() - t.start.getTime()).toBe(Math.round(3_600_000 * 0.875));
    expect(t.logs.some((l) => l.includes('"reason":"http_401"') && l.includes('check its settings'))).toBe(true);
  });

  it('a time-out (the peer slower than the configured time-out) is retried, then fails as timeout', async () => {
    t.lis().get('/api/results').query(true).times(3).delay(300).reply(200, page([]));
    const [report] = await t.poller(connector({ timeoutSeconds: 0.05 })).pollDue(t.start);
    expect(report).toMatchObject({ outcome: 'failed', error: 'timeout' });
    expect(await t.state()).toMatchObject({ failures: 1, lastError: 'timeout' });
  });

  it('malformed JSON fails the poll (no retry), the cursor stays', async () => {
    await t.f.db.resultPollState.create({ data: { hospitalId: MCH, cursor: 'c9', updatedAt: t.start } });
    t.lis().get('/api/results').query({ limit: '2', since: 'c9' }).reply(200, '{"code":0,"data":{"items":[', { 'Content-Type': 'application/json' });
    expect(await t.poller().pollDue(t.start)).toMatchObject([{ outcome: 'failed', error: 'malformed_json' }]);
    expect(await t.state()).toMatchObject({ cursor: 'c9', failures: 1, lastError: 'malformed_json' });
    // a JSON answer without the page's shape (an error object sent with 200) is no empty page either
    t.clock.set(sh('2026-03-20 12:00'));
    t.lis().get('/api/results').query(true).reply(200, { code: 500, message: 'db error' });
    expect(await t.poller().pollDue(sh('2026-03-20 12:00'))).toMatchObject([{ outcome: 'failed', error: 'unexpected_shape' }]);
  });

  it('a record the mapping cannot make valid is reported (hospital and its id only) and skipped; the others on the page are stored', async () => {
    const broken = { ...item('R2', 'P3R8T5'), values: { TBS: '看不懂' } };
    t.lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(200, page([item('R1', 'K7Q2M9'), broken, item('R3', 'H4J6N2')], 'c1'))
      .get('/api/results')
      .query({ limit: '2', since: 'c1' })
      .reply(200, page([], 'c1'));
    expect(await t.poller().pollDue(t.start)).toMatchObject([{ outcome: 'ok', taken: 2, unmappable: 1 }]);
    expect(await t.stored()).toEqual([
      ['R1', 'nilm', 'w1'],
      ['R3', 'nilm', 'w3'],
    ]);
    expect(await t.state()).toMatchObject({ cursor: 'c1', fetched: 2 });
    const skipped = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reason === 'unmappable');
    expect(skipped.map(({ hospitalId, peerId, reason, field }) => ({ hospitalId, peerId, reason, field }))).toEqual([
      { hospitalId: MCH, peerId: 'R2', reason: 'unmappable', field: 'result.tbs' },
    ]);
    expect(t.logs.join('\n')).not.toContain('P3R8T5');
    expect(t.logs.join('\n')).not.toContain('看不懂');
  });

  it('a peer that recovers: failing, then ok', async () => {
    t.lis().get('/api/results').query(true).times(3).replyWithError({ code: 'ECONNREFUSED' });
    await t.poller().pollDue(t.start);
    expect(await readPollHealth(t.f.db, [connector()], t.clock.now(), t.start)).toEqual([
      { hospitalId: MCH, state: 'failing', failures: 1, lastError: 'network' },
    ]);
    const later = sh('2026-03-20 11:00');
    t.clock.set(later);
    t.lis()
      .get('/api/results')
      .query(true)
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'))
      .get('/api/results')
      .query(true)
      .reply(200, page([], 'c1'));
    expect(await t.poller().pollDue(later)).toMatchObject([{ outcome: 'ok', taken: 1 }]);
    expect(await readPollHealth(t.f.db, [connector()], later, t.start)).toEqual([{ hospitalId: MCH, state: 'ok', lastOkAt: later.toISOString() }]);
    expect(await t.state()).toMatchObject({ failures: 0, lastError: null });
    // no success for three intervals: stale
    expect(await readPollHealth(t.f.db, [connector()], sh('2026-03-20 11:31'), t.start)).toMatchObject([{ state: 'stale' }]);
  });
});
