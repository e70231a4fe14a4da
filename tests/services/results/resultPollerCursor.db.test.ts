// The result poll's cursor and claim: a restart resumes at the cursor saved (a new poller on the same
// database, nock asserting what it asks), two or three pollers at once of which one fetches, FHIR
// paging by the Bundle's next link and from the newest report at the end of the feed, a failure to
// store a page, ID numbers without ID_HASH_KEY, and a repeated result stored once.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src/db/client.js';
import type { ResultService } from '../../../src/services/results/ResultService.js';
import type { PollConnector } from '../../../src/services/results/poll/pollConnectors.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import { connector, item, mappings, MCH, page, sh, usePollerFixture } from './pollerFixture.js';

describe.skipIf(dbUnavailable)('ResultPoller: cursor and claim (nock)', () => {
  const t = usePollerFixture();

  it('a restart resumes at the cursor saved: a new poller on the same database asks from there', async () => {
    t.lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'))
      // the second page fails: the first page's cursor is kept
      .get('/api/results')
      .query({ limit: '2', since: 'c1' })
      .times(3)
      .reply(500);
    await t.poller().pollDue(t.start);
    expect(await t.state()).toMatchObject({ cursor: 'c1', failures: 1 });
    // (another process, another database connection, later)
    const other = openDb(t.f.database.url);
    try {
      const later = sh('2026-03-20 12:00');
      t.clock.set(later);
      t.lis()
        .get('/api/results')
        .query({ limit: '2', since: 'c1' })
        .reply(200, page([item('R2', 'P3R8T5')], 'c2'))
        .get('/api/results')
        .query({ limit: '2', since: 'c2' })
        .reply(200, page([], 'c2'));
      expect(await t.poller(connector(), other.db).pollDue(later)).toMatchObject([{ outcome: 'ok', taken: 1 }]);
    } finally {
      await other.close();
    }
    expect(await t.stored()).toEqual([
      ['R1', 'nilm', 'w1'],
      ['R2', 'nilm', 'w2'],
    ]);
    expect(await t.state()).toMatchObject({ cursor: 'c2', fetched: 2, failures: 0 });
  });

  it('two pollers at once (two processes): only one fetches', async () => {
    t.lis()
      .get('/api/results')
      .query({ limit: '2' })
      .delay(50)
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'))
      .get('/api/results')
      .query({ limit: '2', since: 'c1' })
      .reply(200, page([], 'c1'));
    // (PostgreSQL: another process's connection; SQLite serves one process, whose client runs one query at a time)
    const other = testProvider === 'postgres' ? openDb(t.f.database.url) : { db: t.f.db, close: async () => undefined };
    try {
      const reports = await Promise.all([t.poller().pollDue(t.start), t.poller(connector(), other.db).pollDue(t.start)]);
      // (the other found it claimed: taken, or, having read it after the claim, not due)
      const outcomes = reports.map((r) => r[0].outcome);
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
      expect(outcomes.find((o) => o !== 'ok')).toMatch(/^(notDue|taken)$/);
    } finally {
      await other.close();
    }
    expect(await t.stored()).toEqual([['R1', 'nilm', 'w1']]);
    expect(await t.state()).toMatchObject({ cursor: 'c1', fetched: 1, failures: 0 });
  });

  it('three pollers at once on a state row already there: one claims it by the conditional update, one fetches', async () => {
    await t.f.db.resultPollState.create({ data: { hospitalId: MCH, cursor: 'c5', updatedAt: sh('2026-03-20 09:00'), nextPollAt: sh('2026-03-20 09:50') } });
    t.lis().get('/api/results').query({ limit: '2', since: 'c5' }).delay(50).reply(200, page([], 'c5'));
    // (PostgreSQL: three processes' connections; SQLite serves one process, whose client runs one query at a time)
    const handles = testProvider === 'postgres' ? [openDb(t.f.database.url), openDb(t.f.database.url)] : [];
    try {
      const dbs = handles.length > 0 ? handles.map((h) => h.db) : [t.f.db, t.f.db];
      const reports = await Promise.all([t.poller().pollDue(t.start), ...dbs.map((db) => t.poller(connector(), db).pollDue(t.start))]);
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
      expect(await t.poller(fhirConnector()).pollDue(t.start)).toMatchObject([{ outcome: 'ok', pages: 2, taken: 3 }]);
      const saved = await t.state();
      expect(saved.cursor!.startsWith(`${FHIR}/fhir/DiagnosticReport?`)).toBe(true);
      expect(query(saved.cursor)).toEqual({ ...first, _lastUpdated: 'ge2026-03-10T09:05:00+08:00' });
      expect(saved.fetched).toBe(3);
      const later = sh('2026-03-20 11:00');
      t.clock.set(later);
      nock(FHIR)
        .get('/fhir/DiagnosticReport')
        .query({ ...first, _lastUpdated: 'ge2026-03-10T09:05:00+08:00' })
        .reply(200, bundle([report('dr-3', 'H4J6N2', '2026-03-10T09:05:00+08:00'), report('dr-4', 'K7Q2M9', '2026-03-20T10:30:00+08:00')]));
      const other = testProvider === 'postgres' ? openDb(t.f.database.url) : { db: t.f.db, close: async () => undefined };
      try {
        // (the report at the boundary is asked again and recognised: stored once)
        expect(await t.poller(fhirConnector(), other.db).pollDue(later)).toMatchObject([{ outcome: 'ok', pages: 1, taken: 1 }]);
      } finally {
        await other.close();
      }
      expect(await t.f.db.screeningResult.count()).toBe(4);
      expect(query((await t.state()).cursor)).toEqual({ ...first, _lastUpdated: 'ge2026-03-20T10:30:00+08:00' });
    });

    it('a next link to another server is not followed (the token goes nowhere else): a configuration error', async () => {
      nock(FHIR)
        .get('/fhir/DiagnosticReport')
        .query(first)
        .reply(200, bundle([report('dr-1', 'K7Q2M9')], 'https://elsewhere.example/fhir/DiagnosticReport?page=2'));
      expect(await t.poller(fhirConnector()).pollDue(t.start)).toMatchObject([{ outcome: 'failed', error: 'foreign_next_link', taken: 1 }]);
      expect(await t.state()).toMatchObject({ failures: 1, lastError: 'foreign_next_link', cursor: null });
    });
  });

  it('storing fails mid-page (the database): the poll fails as ingest_error, the cursor stays, the page is asked again', async () => {
    await t.f.db.resultPollState.create({ data: { hospitalId: MCH, cursor: 'c4', updatedAt: t.start } });
    let calls = 0;
    const flaky: Pick<ResultService, 'ingest'> = {
      ingest: (r, now, actor) => (++calls === 2 ? Promise.reject(new Error('connection lost')) : t.results.ingest(r, now, actor)),
    };
    t.lis()
      .get('/api/results')
      .query({ limit: '2', since: 'c4' })
      .reply(200, page([item('R1', 'K7Q2M9'), item('R2', 'P3R8T5')], 'c5'));
    expect(await t.poller(connector(), t.f.db, { results: flaky }).pollDue(t.start)).toMatchObject([{ outcome: 'failed', error: 'ingest_error' }]);
    expect(await t.state()).toMatchObject({ cursor: 'c4', failures: 1, lastError: 'ingest_error', fetched: 0 });
    expect(await t.stored()).toEqual([['R1', 'nilm', 'w1']]);
    expect(t.logs.join('\n')).not.toContain('connection lost');
  });

  it('without ID_HASH_KEY a record with a visit code goes without its ID number; one with the ID number alone is refused and reported', async () => {
    t.lis()
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
    expect(await t.poller(connector(), t.f.db, { idNumbers: false }).pollDue(t.start)).toMatchObject([{ outcome: 'ok', taken: 1, refused: 1 }]);
    expect(await t.stored()).toEqual([['R1', 'nilm', 'w1']]);
    expect((await t.f.db.screeningResult.findFirstOrThrow()).idHash).toBeNull();
    const refusals = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reason === 'refused');
    expect(refusals.map(({ hospitalId, peerId }) => ({ hospitalId, peerId }))).toEqual([{ hospitalId: MCH, peerId: 'R2' }]);
    expect(t.logs.join('\n')).not.toContain('411681');
  });

  it('a repeated result on a later page is stored once (ingest is idempotent)', async () => {
    t.lis()
      .get('/api/results')
      .query({ limit: '2' })
      .reply(200, page([item('R1', 'K7Q2M9')], 'c1'))
      .get('/api/results')
      .query({ limit: '2', since: 'c1' })
      .reply(200, page([item('R1', 'K7Q2M9')], 'c2'))
      .get('/api/results')
      .query({ limit: '2', since: 'c2' })
      .reply(200, page([]));
    expect(await t.poller().pollDue(t.start)).toMatchObject([{ outcome: 'ok', pages: 3, taken: 1 }]);
    expect(await t.f.db.screeningResult.count()).toBe(1);
  });
});
