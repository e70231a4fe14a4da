// The result poll in the whole app: the demo county polls 项城市第一人民医院's FHIR server. Without
// its token variable the connector is reported at start and off in /readyz (start-up goes on); with
// it, the every-minute job asks the server (nock) with the mapping's query and the bearer token, stores
// what it gets, and /readyz shows the connector ok, or failing (degraded, still 200) when the server fails.
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const FHIR = 'https://fhir.xc-first.example.cn';
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe.skipIf(dbUnavailable)('the result poll in the app', () => {
  let t: TestApp | undefined;
  beforeAll(() => {
    nock.disableNetConnect();
    // (the app's own HTTP server)
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(() => nock.enableNetConnect());
  afterEach(async () => {
    await t?.stop();
    await t?.database.drop();
    t = undefined;
    vi.unstubAllEnvs();
    nock.cleanAll();
  });
  const readyz = async () => {
    const r = await fetch(`http://127.0.0.1:${t!.port}/readyz`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it('without its token variable: reported at start, off in /readyz, and the service still ready', async () => {
    vi.stubEnv('XC_FIRST_LIS_TOKEN', '');
    const logs: string[] = [];
    t = await startTestApp({ logger: pino({ level: 'info' }, { write: (line: string) => void logs.push(line) }) });
    expect(logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reason === 'no_credentials')).toMatchObject([
      { level: 40, hospitalId: 'xc-first', variable: 'XC_FIRST_LIS_TOKEN', msg: 'result poll off: its credentials variable is not set' },
    ]);
    expect(t.app.scheduler.names()).toContain('results.poll');
    expect(await readyz()).toMatchObject({
      status: 200,
      body: { status: 'ready', resultPolls: { degraded: true, connectors: [{ hospitalId: 'xc-first', state: 'off', variable: 'XC_FIRST_LIS_TOKEN' }] } },
    });
  });

  it("with it: the job asks the server with the mapping's query and the token, stores the result, and /readyz shows ok; then failing", async () => {
    vi.stubEnv('XC_FIRST_LIS_TOKEN', 's3cret-token');
    t = await startTestApp({ start: '2026-03-20T10:00:00+08:00' });
    expect((await readyz()).body.resultPolls).toEqual({ degraded: false, connectors: [{ hospitalId: 'xc-first', state: 'waiting' }] });
    const server = nock(FHIR, { reqheaders: { authorization: 'Bearer s3cret-token', accept: 'application/fhir+json' } })
      .get('/fhir/DiagnosticReport')
      .query({ _include: 'DiagnosticReport:result', _sort: '_lastUpdated', status: 'final,amended,corrected', _count: '50' })
      .reply(200, {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          {
            resource: {
              resourceType: 'DiagnosticReport',
              id: 'dr-1',
              status: 'final',
              code: { coding: [{ code: 'TCT' }] },
              subject: { identifier: { system: 'urn:screening-assistant:visit-code', value: 'Z9Z9Z9' } },
              effectiveDateTime: '2026-03-18T09:00:00+08:00',
              conclusionCode: [{ coding: [{ code: 'NILM' }] }],
            },
          },
        ],
      });
    t.clock.advanceTo(at('2026-03-20 10:01'));
    await t.app.catchUp(at('2026-03-20 10:00'), at('2026-03-20 10:01'));
    expect(server.isDone()).toBe(true);
    const rows = await t.app.dbHandle.db.screeningResult.findMany({
      select: { hospitalId: true, hospitalResultId: true, grade: true, matchState: true, unmatchedReason: true },
    });
    // (no booking has that code: waiting in the unmatched queue, never guessed)
    expect(rows).toEqual([{ hospitalId: 'xc-first', hospitalResultId: 'dr-1', grade: 'nilm', matchState: 'unmatched', unmatchedReason: 'unknown_visit_code' }]);
    expect((await readyz()).body.resultPolls).toEqual({
      degraded: false,
      connectors: [{ hospitalId: 'xc-first', state: 'ok', lastOkAt: at('2026-03-20 10:01').toISOString() }],
    });

    // 15 minutes on, the server refuses the token: failing with its code, the service still ready
    nock(FHIR).get('/fhir/DiagnosticReport').query(true).reply(401);
    t.clock.advanceTo(at('2026-03-20 10:20'));
    await t.app.catchUp(at('2026-03-20 10:01'), at('2026-03-20 10:20'));
    expect(await readyz()).toMatchObject({
      status: 200,
      body: {
        status: 'ready',
        resultPolls: { degraded: true, connectors: [{ hospitalId: 'xc-first', state: 'failing', failures: 1, lastError: 'http_401' }] },
      },
    });
  });
});
