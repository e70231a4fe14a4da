// Staff and the indicators, on the real app behind the admin token: a county's figures for a period
// (the demo county, with results stored through the results service, matched or not), a bad query
// answered 400 naming the field, an unknown region 404, a township refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { resultRecordSchema } from '../../../src/services/results/resultRecord.js';
import { bookingRow, woman } from '../../services/reminders/reminderFixtures.js';

const TOKEN = 'indicators-staff-token-0123456789';

describe.skipIf(dbUnavailable)('staff API: indicators', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_TOKEN: TOKEN } }); // Monday 2026-03-02 09:00 +08:00
    await woman(t.app.dbHandle.db, 'w1');
    await bookingRow(t.app.dbHandle.db, 'w1', { serviceId: 'cervical', day: '2026-02-27', status: 'attended', code: 'K7Q2M9' });
    const ingest = (id: string, date: string, result: object, visitCode?: string) =>
      t.app.results!.ingest(resultRecordSchema.parse({ hospitalId: 'xc-mch', hospitalResultId: id, visitCode, date, result }), t.clock.now(), 'h');
    // hers (matched by her visit code), abnormal; and one nobody could be matched to, normal
    await ingest('LIS-1', '2026-02-27', { category: 'hpv', hpv16: true, hpv18: false, otherHighRisk: false }, 'K7Q2M9');
    await ingest('LIS-2', '2026-02-28', { category: 'cytology', tbs: 'NILM' });
    // outside the period asked for
    await ingest('LIS-3', '2026-03-01', { category: 'breast', birads: '1' });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });

  const get = async (query: string, token = TOKEN) => {
    const r = await fetch(`http://127.0.0.1:${t.port}/api/staff/indicators${query}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };

  it("a county's figures for a period", async () => {
    const r = await get('?region=xiangcheng&from=2026-02-01&to=2026-02-28');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      region: { id: 'xiangcheng', level: 'county', counties: ['xiangcheng'] },
      from: '2026-02-01',
      to: '2026-02-28',
      // 2 women screened (hers and the unmatched one), 1 abnormal (her HPV 16): 50 %; nothing closed yet
      cervical: {
        screened: 2,
        abnormal: 1,
        abnormalRate: { numerator: 1, denominator: 2, percent: 50 },
        followedUp: 0,
        followUpRate: { numerator: 0, denominator: 1, percent: 0 },
        open: 1,
        earlyDiagnosisRate: { numerator: 0, denominator: 0, percent: null },
      },
      breast: { screened: 0, abnormalRate: { percent: null } },
      prenatal: { registered: 0, screened: { any: 0 }, interventionRate: { percent: null } },
    });
  });

  it('asks for the admin token', async () => {
    expect((await get('?region=xiangcheng&from=2026-02-01&to=2026-02-28', 'wrong-token-0123456789')).status).toBe(401);
  });

  it('a bad query: 400 naming the field', async () => {
    expect(await get('?from=2026-02-01&to=2026-02-28')).toMatchObject({ status: 400, body: { field: 'region', message: 'region: required' } });
    expect(await get('?region=xiangcheng&to=2026-02-28')).toMatchObject({ status: 400, body: { field: 'from', message: 'from: required' } });
    expect(await get('?region=xiangcheng&from=2026-02-30&to=2026-03-01')).toMatchObject({ status: 400, body: { field: 'from' } });
    expect(await get('?region=xiangcheng&from=2026-02-01&to=tomorrow')).toMatchObject({ status: 400, body: { field: 'to' } });
    expect(await get('?region=xiangcheng&from=2026-03-01&to=2026-02-01')).toMatchObject({ status: 400, body: { field: 'from', message: 'from: after to' } });
    // at most a (leap) year: 366 days
    expect((await get('?region=xiangcheng&from=2024-01-01&to=2024-12-31')).status).toBe(200);
    expect(await get('?region=xiangcheng&from=2025-01-01&to=2026-01-02')).toMatchObject({
      status: 400,
      body: { field: 'to', message: 'to: at most 365 days after from' },
    });
    expect(await get('?region=xiangcheng&from=2026-02-01&to=2026-02-28&county=x')).toMatchObject({ status: 400 });
    // a township: results are counted by the county of their hospital
    expect(await get('?region=xiangcheng-huayuan&from=2026-02-01&to=2026-02-28')).toMatchObject({ status: 400, body: { field: 'region' } });
  });

  it('an unknown region: 404', async () => {
    expect(await get('?region=nowhere&from=2026-02-01&to=2026-02-28')).toMatchObject({ status: 404, body: { error: 'not_found', field: 'region' } });
  });
});
