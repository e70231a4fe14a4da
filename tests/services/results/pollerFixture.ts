// Shared by the result poll's tests: the demo county's database with three women booked (visit
// codes K7Q2M9, P3R8T5, H4J6N2), a laboratory system faked with nock (which intercepts Node's global
// fetch), a clock the poller's back-off moves instead of sleeping, and the poller's logs kept.
import path from 'node:path';
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import type { ResultMapping } from '../../../src/domain/results/mapping/resultMappingSchema.js';
import { resultPollSchema } from '../../../src/profiles/resultPollSchema.js';
import { loadResultMappings } from '../../../src/profiles/resultMappings.js';
import { ResultService, type ResultHospitals } from '../../../src/services/results/ResultService.js';
import type { PollConnector } from '../../../src/services/results/poll/pollConnectors.js';
import { ResultPoller } from '../../../src/services/results/poll/ResultPoller.js';
import { FixedClock } from '../../../src/support/clock.js';
import { bookingRow, clearRows, MCH, openReminderFixture, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';

export { MCH, sh };

export const PEER = 'https://lis.xc-mch.example';
export const mappings = loadResultMappings(path.resolve('profiles/result-mappings'));

export function connector(o: { timeoutSeconds?: number; maxPagesPerPoll?: number; mapping?: ResultMapping } = {}): PollConnector {
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
export const item = (reportNo: string, barcode: string, tbs = 'NILM') => ({
  reportNo,
  barcode,
  sampleTime: '2026-03-10 09:12:00',
  itemCode: 'TCT',
  status: '正常',
  values: { TBS: tbs },
});
export const page = (items: unknown[], nextCursor?: string) => ({ code: 0, data: { items, ...(nextCursor ? { nextCursor } : {}) } });

export interface PollerFixture {
  f: ReminderFixture;
  results: ResultService;
  clock: FixedClock;
  /** the waits the poller asked for (ms) */
  slept: number[];
  logs: string[];
  start: Date;
  poller(c?: PollConnector, db?: Db, o?: { results?: Pick<ResultService, 'ingest'>; idNumbers?: boolean }): ResultPoller;
  state(): ReturnType<Db['resultPollState']['findUniqueOrThrow']>;
  /** [hospitalResultId, grade, contactId] of the results stored */
  stored(): Promise<(string | null)[][]>;
  /** the LIS, expecting the connector's token */
  lis(): nock.Scope;
}

/** Registers the hooks of a test file and gives what its tests use (fresh before each test). */
export function usePollerFixture(): PollerFixture {
  const t = { start: sh('2026-03-20 10:00'), slept: [], logs: [] } as unknown as PollerFixture;
  t.poller = (c = connector(), db = t.f.db, o = {}) =>
    new ResultPoller(db, o.results ?? t.results, [c], {
      idNumbers: o.idNumbers,
      clock: t.clock,
      logger: pino({ level: 'info' }, { write: (line: string) => void t.logs.push(line) }),
      // (no real sleeping: the wait moves the test's clock)
      sleep: async (ms) => {
        t.slept.push(ms);
        t.clock.set(new Date(t.clock.now().getTime() + ms));
      },
      random: () => 0.5,
    });
  t.state = () => t.f.db.resultPollState.findUniqueOrThrow({ where: { hospitalId: MCH } });
  t.stored = async () =>
    (await t.f.db.screeningResult.findMany({ orderBy: { hospitalResultId: 'asc' } })).map((r) => [r.hospitalResultId, r.grade, r.contactId]);
  t.lis = () => nock(PEER, { reqheaders: { authorization: 'Bearer t0ken' } });

  beforeAll(async () => {
    nock.disableNetConnect();
    t.f = await openReminderFixture();
    const hospitals: ResultHospitals = new Map(t.f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    t.results = new ResultService(t.f.db, t.f.profile.results!, hospitals);
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await t.f.close();
  });
  beforeEach(async () => {
    const { db } = t.f;
    await db.resultPollState.deleteMany();
    await db.resultEvent.deleteMany();
    await db.screeningResult.deleteMany();
    await clearRows(db);
    for (const [id, code] of [
      ['w1', 'K7Q2M9'],
      ['w2', 'P3R8T5'],
      ['w3', 'H4J6N2'],
    ]) {
      await woman(db, id);
      await bookingRow(db, id, { serviceId: 'cervical', day: '2026-03-10', status: 'attended', code });
    }
    t.clock = new FixedClock(t.start);
    t.slept = [];
    t.logs = [];
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  return t;
}
