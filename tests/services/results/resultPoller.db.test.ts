// The result poll against a laboratory system faked with nock (which intercepts Node's global fetch):
// pages followed to the end with the cursor stored after each, a 500 then success with the back-off
// waited on the test's clock, a time-out, malformed JSON, a record the mapping cannot make valid (the
// others on the page stored), a peer that recovers, a restart resuming at the cursor saved, and two
// pollers at once of which only one fetches.
import path from 'node:path';
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/client.js';
import type { ResultMapping } from '../../../src/domain/results/mapping/resultMappingSchema.js';
import { resultPollSchema } from '../../../src/profiles/resultPollSchema.js';
import { loadResultMappings } from '../../../src/profiles/resultMappings.js';
import { ResultService, type ResultHospitals } from '../../../src/services/results/ResultService.js';
import type { PollConnector } from '../../../src/services/results/poll/pollConnectors.js';
import { readPollHealth } from '../../../src/services/results/poll/pollHealth.js';
import { ResultPoller } from '../../../src/services/results/poll/ResultPoller.js';
import { FixedClock } from '../../../src/support/clock.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import { bookingRow, clearRows, MCH, openReminderFixture, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';

const PEER = 'https://lis.xc-mch.example';
const mappings = loadResultMappings(path.resolve('profiles/result-mappings'));

function connector(o: { timeoutSeconds?: number; maxPagesPerPoll?: number; mapping?: ResultMapping } = {}): PollConnector {
  const settings = resultPollSchema.parse({
    mapping: 'lis-json',
    url: `${PEER}/api/results`,
    auth: { bearer: 'XC_MCH_LIS_TOKEN' },
    pageSize: 2,
    intervalMinutes: 10,
    timeoutSeconds: 5,
    maxPagesPerPoll: o.maxPagesPerPoll ?? 20,
  });
  return {
    hospitalId: MCH,
    // (a time-out shorter than the file allows: the test's peer is only a little slow)
    settings: { ...settings, timeoutSeconds: o.timeoutSeconds ?? settings.timeoutSeconds },
    mapping: o.mapping ?? mappings.get('lis-json')!,
    authorization: 'Bearer t0ken',
  };
}

/** One LIS item: a cytology report for the woman with this visit code. */
const item = (reportNo: string, barcode: string, tbs = 'NILM') => ({
  reportNo,
  barcode,
  sampleTime: '2026-03-10 09:12:00',
  itemCode: 'TCT',
  status: '正常',
  values: { TBS: tbs },
});
const page = (items: unknown[], nextCursor?: string) => ({ code: 0, data: { items, ...(nextCursor ? { nextCursor } : {}) } });

describe.skipIf(dbUnavailable)('ResultPoller (nock)', () => {
  let f: ReminderFixture;
  let results: ResultService;
  let clock: FixedClock;
  let slept: number[];
  let logs: string[];
  const start = sh('2026-03-20 10:00');

  const poller = (c: PollConnector = connector(), db = f.db, o: { results?: Pick<ResultService, 'ingest'>; idNumbers?: boolean } = {}) =>
    new ResultPoller(db, o.results ?? results, [c], {
      idNumbers: o.idNumbers,
      clock,
      logger: pino({ level: 'info' }, { write: (line: string) => void logs.push(line) }),
      // (no real sleeping: the wait moves the test's clock)
      sleep: async (ms) => {
        slept.push(ms);
        clock.set(new Date(clock.now().getTime() + ms));
      },
      random: () => 0.5,
    });
  const state = () => f.db.resultPollState.findUniqueOrThrow({ where: { hospitalId: MCH } });
  const stored = async () =>
    (await f.db.screeningResult.findMany({ orderBy: { hospitalResultId: 'asc' } })).map((r) => [r.hospitalResultId, r.grade, r.contactId]);
  const lis = () => nock(PEER, { reqheaders: { authorization: 'Bearer t0ken' } });

  beforeAll(async () => {
    nock.disableNetConnect();
    f = await openReminderFixture();
    const hospitals: ResultHospitals = new Map(f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    results = new ResultService(f.db, f.profile.results!, hospitals);
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await f.close();
  });
  beforeEach(async () => {
    await f.db.resultPollState.deleteMany();
    await f.db.resultEvent.deleteMany();
    await f.db.screeningResult.deleteMany();
    await clearRows(f.db);
    for (const [id, code] of [
      ['w1', 'K7Q2M9'],
      ['w2', 'P3R8T5'],
      ['w3', 'H4J6N2'],
    ]) {
      await woman(f.db, id);
      await bookingRow(f.db, id, { serviceId: 'cervical', day: '2026-03-10', status: 'attended', code });
    }
    clock = new FixedClock(start);
    slept = [];
    logs = [];
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });

  it('follows the pages to the end, storing each page before its cursor, and waits the interval', async () => {
    lis()
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
    const [report] = await poller().pollDue(start);
    expect(report).toEqual({ hospitalId: MCH, outcome: 'ok', pages: 3, taken: 3, unmappable: 0, refused: 0 });
    expect(await stored()).toEqual([
      ['R1', 'nilm', 'w1'],
      ['R2', 'nilm', 'w2'],
      ['R3', 'lsil', 'w3'],
    ]);
    expect(await state()).toMatchObject({
      cursor: 'c3',
      fetched: 3,
      failures: 0,
      lastError: null,
      lastOkAt: start,
      lastPollAt: start,
      nextPollAt: sh('2026-03-20 10:10'),
    });
    // (every result was stored by the poll)
    expect(new Set((await f.db.resultEvent.findMany({ where: { kind: 'stored' } })).map((e) => e.actor))).toEqual(new Set([`poll:${MCH}`]));
    // its time has not come: nothing asked
    expect(await poller().pollDue(sh('2026-03-20 10:09'))).toMatchObject([{ outcome: 'notDue' }]);
  });

  it('takes at most maxPagesPerPoll pages, and the rest at the next tick', async () => {
    lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'));
    expect(await poller(connector({ maxPagesPerPoll: 1 })).pollDue(start)).toMatchObject([{ outcome: 'ok', pages: 1 }]);
    expect(await state()).toMatchObject({ cursor: 'c1', nextPollAt: start });
    lis().get('/api/results').query({ limit: '2', since: 'c1' }).reply(200, page([], 'c1'));
    expect(await poller(connector({ maxPagesPerPoll: 1 })).pollDue(sh('2026-03-20 10:01'))).toMatchObject([{ outcome: 'ok', pages: 1, taken: 0 }]);
  });

  it('a 500, then success: retried after the back-off (on the clock, with jitter), nothing counted as failed', async () => {
    lis()
      .get('/api/results')
      .query(true)
      .reply(500, 'Internal Server Error: patient 张三 …')
      .get('/api/results')
      .query(true)
      .reply(200, page([item('R1', 'K7Q2M9')]));
    const [report] = await poller().pollDue(start);
    expect(report).toMatchObject({ outcome: 'ok', taken: 1 });
    // base 2 s, equal jitter: 1 s + 0.5 × 1 s
    expect(slept).toEqual([1500]);
    expect(await state()).toMatchObject({ failures: 0, lastOkAt: new Date(start.getTime() + 1500) });
    // (no body in the logs)
    expect(logs.join('\n')).not.toContain('张三');
  });

  it('429 with Retry-After: waits what the peer asks', async () => {
    lis().get('/api/results').query(true).reply(429, '', { 'Retry-After': '7' }).get('/api/results').query(true).reply(200, page([]));
    expect(await poller().pollDue(start)).toMatchObject([{ outcome: 'ok' }]);
    expect(slept).toEqual([7000]);
  });

  it('429 asking to wait longer than a poll waits: the poll ends and the next one is not before that', async () => {
    lis().get('/api/results').query(true).reply(429, '', { 'Retry-After': '7200' });
    expect(await poller().pollDue(start)).toMatchObject([{ outcome: 'failed', error: 'http_429' }]);
    expect(slept).toEqual([]);
    expect(await state()).toMatchObject({ failures: 1, nextPollAt: sh('2026-03-20 12:00') });
  });

  it('a redirect is not followed (the token goes only where configured): a configuration error', async () => {
    lis().get('/api/results').query(true).reply(301, '', { Location: 'https://elsewhere.example/api/results' });
    expect(await poller().pollDue(start)).toMatchObject([{ outcome: 'failed', error: 'http_301' }]);
    expect(slept).toEqual([]);
  });

  it('5xx every time: the poll fails after its attempts, health failing with the code, and the next poll waits longer', async () => {
    lis().get('/api/results').query(true).times(3).reply(503, 'down');
    expect(await poller().pollDue(start)).toMatchObject([{ outcome: 'failed', error: 'http_503' }]);
    expect(slept).toEqual([1500, 3000]);
    const after = new Date(start.getTime() + 4500);
    // the interval (10 min) × (0.75 + 0.25 × 0.5)
    expect(await state()).toMatchObject({ failures: 1, lastError: 'http_503', cursor: null, nextPollAt: new Date(after.getTime() + 525_000) });
    expect(await readPollHealth(f.db, [connector()], after, start)).toEqual([{ hospitalId: MCH, state: 'failing', failures: 1, lastError: 'http_503' }]);
    // a second failure in a row: twice as long
    clock.set(sh('2026-03-20 10:20'));
    lis().get('/api/results').query(true).times(3).reply(502, 'down');
    await poller().pollDue(sh('2026-03-20 10:20'));
    const s = await state();
    expect(s).toMatchObject({ failures: 2, lastError: 'http_502' });
    expect(s.nextPollAt!.getTime() - clock.now().getTime()).toBe(1_050_000);
  });

  it('a 401 is a configuration error: not retried, the next poll an hour away at least', async () => {
    lis().get('/api/results').query(true).reply(401, { error: 'bad token' });
    expect(await poller().pollDue(start)).toMatchObject([{ outcome: 'failed', error: 'http_401' }]);
    expect(slept).toEqual([]);
    const s = await state();
    expect(s.nextPollAt!.getTime() - start.getTime()).toBe(Math.round(3_600_000 * 0.875));
    expect(logs.some((l) => l.includes('"reason":"http_401"') && l.includes('check its settings'))).toBe(true);
  });

  it('a time-out (the peer slower than the configured time-out) is retried, then fails as timeout', async () => {
    lis().get('/api/results').query(true).times(3).delay(300).reply(200, page([]));
    const [report] = await poller(connector({ timeoutSeconds: 0.05 })).pollDue(start);
    expect(report).toMatchObject({ outcome: 'failed', error: 'timeout' });
    expect(await state()).toMatchObject({ failures: 1, lastError: 'timeout' });
  });

  it('malformed JSON fails the poll (no retry), the cursor stays', async () => {
    await f.db.resultPollState.create({ data: { hospitalId: MCH, cursor: 'c9', updatedAt: start } });
    lis().get('/api/results').query({ limit: '2', since: 'c9' }).reply(200, '{"code":0,"data":{"items":[', { 'Content-Type': 'application/json' });
    expect(await poller().pollDue(start)).toMatchObject([{ outcome: 'failed', error: 'malformed_json' }]);
    expect(await state()).toMatchObject({ cursor: 'c9', failures: 1, lastError: 'malformed_json' });
    // a JSON answer without the page's shape (an error object sent with 200) is no empty page either
    clock.set(sh('2026-03-20 12:00'));
    lis().get('/api/results').query(true).reply(200, { code: 500, message: 'db error' });
    expect(await poller().pollDue(sh('2026-03-20 12:00'))).toMatchObject([{ outcome: 'failed', error: 'unexpected_shape' }]);
  });

  it('a record the mapping cannot make valid is reported (hospital and its id only) and skipped; the others on the page are stored', async () => {
    const broken = { ...item('R2', 'P3R8T5'), values: { TBS: '看不懂' } };
    lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(200, page([item('R1', 'K7Q2M9'), broken, item('R3', 'H4J6N2')], 'c1'))
      .get('/api/results')
      .query({ limit: '2', since: 'c1' })
      .reply(200, page([], 'c1'));
    expect(await poller().pollDue(start)).toMatchObject([{ outcome: 'ok', taken: 2, unmappable: 1 }]);
    expect(await stored()).toEqual([
      ['R1', 'nilm', 'w1'],
      ['R3', 'nilm', 'w3'],
    ]);
    expect(await state()).toMatchObject({ cursor: 'c1', fetched: 2 });
    const skipped = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reason === 'unmappable');
    expect(skipped.map(({ hospitalId, peerId, reason, field }) => ({ hospitalId, peerId, reason, field }))).toEqual([
      { hospitalId: MCH, peerId: 'R2', reason: 'unmappable', field: 'result.tbs' },
    ]);
    expect(logs.join('\n')).not.toContain('P3R8T5');
    expect(logs.join('\n')).not.toContain('看不懂');
  });

  it('a peer that recovers: failing, then ok', async () => {
    lis().get('/api/results').query(true).times(3).replyWithError({ code: 'ECONNREFUSED' });
    await poller().pollDue(start);
    expect(await readPollHealth(f.db, [connector()], clock.now(), start)).toEqual([{ hospitalId: MCH, state: 'failing', failures: 1, lastError: 'network' }]);
    const later = sh('2026-03-20 11:00');
    clock.set(later);
    lis()
      .get('/api/results')
      .query(true)
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'))
      .get('/api/results')
      .query(true)
      .reply(200, page([], 'c1'));
    expect(await poller().pollDue(later)).toMatchObject([{ outcome: 'ok', taken: 1 }]);
    expect(await readPollHealth(f.db, [connector()], later, start)).toEqual([{ hospitalId: MCH, state: 'ok', lastOkAt: later.toISOString() }]);
    expect(await state()).toMatchObject({ failures: 0, lastError: null });
    // no success for three intervals: stale
    expect(await readPollHealth(f.db, [connector()], sh('2026-03-20 11:31'), start)).toMatchObject([{ state: 'stale' }]);
  });

  it('a restart resumes at the cursor saved: a new poller on the same database asks from there', async () => {
    lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'))
      // the second page fails: the first page's cursor is kept
      .get('/api/results')
      .query({ limit: '2', since: 'c1' })
      .times(3)
      .reply(500);
    await poller().pollDue(start);
    expect(await state()).toMatchObject({ cursor: 'c1', failures: 1 });
    // (another process, another database connection, later)
    const other = openDb(f.database.url);
    try {
      const later = sh('2026-03-20 12:00');
      clock.set(later);
      lis()
        .get('/api/results')
        .query({ limit: '2', since: 'c1' })
        .reply(200, page([item('R2', 'P3R8T5')], 'c2'))
        .get('/api/results')
        .query({ limit: '2', since: 'c2' })
        .reply(200, page([], 'c2'));
      expect(await poller(connector(), other.db).pollDue(later)).toMatchObject([{ outcome: 'ok', taken: 1 }]);
    } finally {
      await other.close();
    }
    expect(await stored()).toEqual([
      ['R1', 'nilm', 'w1'],
      ['R2', 'nilm', 'w2'],
    ]);
    expect(await state()).toMatchObject({ cursor: 'c2', fetched: 2, failures: 0 });
  });

  it('two pollers at once (two processes): only one fetches', async () => {
    lis()
      .get('/api/results')
      .query({ limit: '2' })
      .delay(50)
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'))
      .get('/api/results')
      .query({ limit: '2', since: 'c1' })
      .reply(200, page([], 'c1'));
    // (PostgreSQL: another process's connection; SQLite serves one process, whose client runs one query at a time)
    const other = testProvider === 'postgres' ? openDb(f.database.url) : { db: f.db, close: async () => undefined };
    try {
      const reports = await Promise.all([poller().pollDue(start), poller(connector(), other.db).pollDue(start)]);
      // (the other found it claimed: taken, or, having read it after the claim, not due)
      const outcomes = reports.map((r) => r[0].outcome);
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
      expect(outcomes.find((o) => o !== 'ok')).toMatch(/^(notDue|taken)$/);
    } finally {
      await other.close();
    }
    expect(await stored()).toEqual([['R1', 'nilm', 'w1']]);
    expect(await state()).toMatchObject({ cursor: 'c1', fetched: 1, failures: 0 });
  });

  it('three pollers at once on a state row already there: one claims it by the conditional update, one fetches', async () => {
    await f.db.resultPollState.create({ data: { hospitalId: MCH, cursor: 'c5', updatedAt: sh('2026-03-20 09:00'), nextPollAt: sh('2026-03-20 09:50') } });
    lis().get('/api/results').query({ limit: '2', since: 'c5' }).delay(50).reply(200, page([], 'c5'));
    // (PostgreSQL: three processes' connections; SQLite serves one process, whose client runs one query at a time)
    const handles = testProvider === 'postgres' ? [openDb(f.database.url), openDb(f.database.url)] : [];
    try {
      const dbs = handles.length > 0 ? handles.map((h) => h.db) : [f.db, f.db];
      const reports = await Promise.all([poller().pollDue(start), ...dbs.map((db) => poller(connector(), db).pollDue(start))]);
      const outcomes = reports.map((r) => r[0].outcome);
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'taken' || o === 'notDue')).toHaveLength(2);
    } finally {
      for (const h of handles) await h.close();
    }
  });

  describe('FHIR (link paging)', () => {
    const FHIR = 'https://fhir.xc-mch.example';
    const fhirConnector = (): PollConnector => {
      const c = connector({ mapping: mappings.get('fhir-r4')! });
      return { ...c, settings: { ...c.settings, url: `${FHIR}/fhir/DiagnosticReport` } };
    };
    const report = (id: string, code: string, lastUpdated = '2026-03-10T10:00:00+08:00') => ({
      resource: {
        resourceType: 'DiagnosticReport',
        id,
        meta: { lastUpdated },
        status: 'final',
        code: { coding: [{ code: 'TCT' }] },
        subject: { identifier: { system: 'urn:screening-assistant:visit-code', value: code } },
        effectiveDateTime: '2026-03-10T09:00:00+08:00',
        conclusionCode: [{ coding: [{ code: 'NILM' }] }],
      },
    });
    const bundle = (entry: unknown[], next?: string) => ({
      resourceType: 'Bundle',
      type: 'searchset',
      ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
      entry,
    });
    const first = { _include: 'DiagnosticReport:result', _sort: '_lastUpdated', status: 'final,amended,corrected', _count: '2' };
    const query = (cursor: string | null) => Object.fromEntries(new URL(cursor!).searchParams);

    it("follows the Bundle's next link (relative too); at the end of the feed the next poll asks from the newest report seen, after a restart as well", async () => {
      nock(FHIR)
        .get('/fhir/DiagnosticReport')
        .query(first)
        .reply(
          200,
          bundle(
            [report('dr-1', 'K7Q2M9', '2026-03-10T09:01:00+08:00'), report('dr-2', 'P3R8T5', '2026-03-10T09:03:00+08:00')],
            // (a search session's page: it may expire, so it is not where the next poll starts)
            'DiagnosticReport?_getpages=8d1f&_getpagesoffset=2&_count=2',
          ),
        )
        .get('/fhir/DiagnosticReport')
        .query({ _getpages: '8d1f', _getpagesoffset: '2', _count: '2' })
        .reply(200, bundle([report('dr-3', 'H4J6N2', '2026-03-10T09:05:00+08:00')]));
      expect(await poller(fhirConnector()).pollDue(start)).toMatchObject([{ outcome: 'ok', pages: 2, taken: 3 }]);
      const saved = await state();
      expect(saved.cursor!.startsWith(`${FHIR}/fhir/DiagnosticReport?`)).toBe(true);
      expect(query(saved.cursor)).toEqual({ ...first, _lastUpdated: 'ge2026-03-10T09:05:00+08:00' });
      expect(saved.fetched).toBe(3);
      const later = sh('2026-03-20 11:00');
      clock.set(later);
      nock(FHIR)
        .get('/fhir/DiagnosticReport')
        .query({ ...first, _lastUpdated: 'ge2026-03-10T09:05:00+08:00' })
        .reply(200, bundle([report('dr-3', 'H4J6N2', '2026-03-10T09:05:00+08:00'), report('dr-4', 'K7Q2M9', '2026-03-20T10:30:00+08:00')]));
      const other = testProvider === 'postgres' ? openDb(f.database.url) : { db: f.db, close: async () => undefined };
      try {
        // (the report at the boundary is asked again and recognised: stored once)
        expect(await poller(fhirConnector(), other.db).pollDue(later)).toMatchObject([{ outcome: 'ok', pages: 1, taken: 1 }]);
      } finally {
        await other.close();
      }
      expect(await f.db.screeningResult.count()).toBe(4);
      expect(query((await state()).cursor)).toEqual({ ...first, _lastUpdated: 'ge2026-03-20T10:30:00+08:00' });
    });

    it('a next link to another server is not followed (the token goes nowhere else): a configuration error', async () => {
      nock(FHIR)
        .get('/fhir/DiagnosticReport')
        .query(first)
        .reply(200, bundle([report('dr-1', 'K7Q2M9')], 'https://elsewhere.example/fhir/DiagnosticReport?page=2'));
      expect(await poller(fhirConnector()).pollDue(start)).toMatchObject([{ outcome: 'failed', error: 'foreign_next_link', taken: 1 }]);
      expect(await state()).toMatchObject({ failures: 1, lastError: 'foreign_next_link', cursor: null });
    });
  });

  it('storing fails mid-page (the database): the poll fails as ingest_error, the cursor stays, the page is asked again', async () => {
    await f.db.resultPollState.create({ data: { hospitalId: MCH, cursor: 'c4', updatedAt: start } });
    let calls = 0;
    const flaky: Pick<ResultService, 'ingest'> = {
      ingest: (r, now, actor) => (++calls === 2 ? Promise.reject(new Error('connection lost')) : results.ingest(r, now, actor)),
    };
    lis()
      .get('/api/results')
      .query({ limit: '2', since: 'c4' })
      .reply(200, page([item('R1', 'K7Q2M9'), item('R2', 'P3R8T5')], 'c5'));
    expect(await poller(connector(), f.db, { results: flaky }).pollDue(start)).toMatchObject([{ outcome: 'failed', error: 'ingest_error' }]);
    expect(await state()).toMatchObject({ cursor: 'c4', failures: 1, lastError: 'ingest_error', fetched: 0 });
    expect(await stored()).toEqual([['R1', 'nilm', 'w1']]);
    expect(logs.join('\n')).not.toContain('connection lost');
  });

  it('without ID_HASH_KEY a record with a visit code goes without its ID number; one with the ID number alone is refused and reported', async () => {
    lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(
        200,
        page(
          [
            { ...item('R1', 'K7Q2M9'), idCard: '411681198803150024' },
            { ...item('R2', ''), barcode: undefined, idCard: '411681199001010040' },
          ],
          'c1',
        ),
      )
      .get('/api/results')
      .query({ limit: '2', since: 'c1' })
      .reply(200, page([], 'c1'));
    expect(await poller(connector(), f.db, { idNumbers: false }).pollDue(start)).toMatchObject([{ outcome: 'ok', taken: 1, refused: 1 }]);
    expect(await stored()).toEqual([['R1', 'nilm', 'w1']]);
    expect((await f.db.screeningResult.findFirstOrThrow()).idHash).toBeNull();
    const refusals = logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reason === 'refused');
    expect(refusals.map(({ hospitalId, peerId }) => ({ hospitalId, peerId }))).toEqual([{ hospitalId: MCH, peerId: 'R2' }]);
    expect(logs.join('\n')).not.toContain('411681');
  });

  it('a repeated result on a later page is stored once (ingest is idempotent)', async () => {
    lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'))
      .get('/api/results')
      .query({ limit: '2', since: 'c1' })
      .reply(200, page([item('R1', 'K7Q2M9')], 'c2'))
      .get('/api/results')
      .query({ limit: '2', since: 'c2' })
      .reply(200, page([]));
    expect(await poller().pollDue(start)).toMatchObject([{ outcome: 'ok', pages: 3, taken: 1 }]);
    expect(await f.db.screeningResult.count()).toBe(1);
  });
});
