// A normal 两癌 result told to her sets her next re-screening reminder from the result's test date
// (the programme's interval later), planned by the re-screening planner on that day; an abnormal one
// does not; a repeat writes nothing more; a correction to abnormal takes back what the result set,
// and only that.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { bookingRow, clearRows, MCH, openReminderFixture, outbox, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';
import { ResultService, type ResultHospitals } from '../../../src/services/results/ResultService.js';
import { rescreenAfterResult } from '../../../src/services/results/rescreenAfterResult.js';
import { resultRecordSchema, type ResultRecord } from '../../../src/services/results/resultRecord.js';
import { MyDataService } from '../../../src/services/myDataService.js';

describe.skipIf(dbUnavailable)('a normal 两癌 result sets her re-screening reminder', () => {
  let f: ReminderFixture;
  let results: ResultService;
  beforeAll(async () => {
    f = await openReminderFixture();
    const hospitals: ResultHospitals = new Map(f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    results = new ResultService(f.db, f.profile.results!, hospitals, {
      effects: [rescreenAfterResult({ programme: f.config.rescreen.programme, years: f.config.rescreen.years })],
    });
  });
  afterAll(async () => f.close());
  beforeEach(async () => {
    await f.db.resultEvent.deleteMany();
    await f.db.screeningResult.deleteMany();
    await clearRows(f.db);
  });

  const now = sh('2026-03-20 10:00');
  const record = (o: Partial<ResultRecord> & Pick<ResultRecord, 'result'>): ResultRecord =>
    resultRecordSchema.parse({ hospitalId: MCH, hospitalResultId: 'LIS-0001', visitCode: 'K7Q2M9', date: '2026-03-10', ...o });
  const nilm = { category: 'cytology', tbs: 'NILM' } as const;
  const lsil = { category: 'cytology', tbs: 'LSIL' } as const;
  /** A woman whose 两癌 visit was booked with code K7Q2M9 (its attendance not recorded). */
  const booked = async (id = 'w1', consent = 'given') => {
    await woman(f.db, id, { consent });
    await bookingRow(f.db, id, { serviceId: 'cervical', day: '2026-03-10', status: 'confirmed', code: 'K7Q2M9' });
  };
  const checks = () =>
    f.db.eligibilityCheck.findMany({
      orderBy: { checkedAt: 'asc' },
      select: { contactId: true, programme: true, eligible: true, reasonCode: true, nextEligibleOn: true },
    });
  const reminderText = '您好！上次做两癌免费筛查到现在快5年了，现在又可以免费查了。回复“预约”约时间。不想再收提醒，回复“退订”。';

  it('a normal cytology result: her reminder is planned 5 years (the Henan interval) after its test date, once however often the result comes', async () => {
    await booked();
    await results.ingest(record({ result: nilm }), now, 'hospital:xc-mch');
    await results.ingest(record({ result: nilm }), sh('2026-03-21 10:00'), 'hospital:xc-mch');
    expect(await checks()).toEqual([{ contactId: 'w1', programme: 'twoCancer', eligible: false, reasonCode: 'interval', nextEligibleOn: '2031-03-10' }]);
    expect(f.config.texts.rescreen({ kind: 'interval' })).toBe(reminderText);
    // 我的信息 tells it from an answer of hers
    expect((await new MyDataService(f.db).collect('w1'))?.checks.map((c) => c.fromResult)).toEqual([true]);

    // the day before: nothing; on the day, at the profile's reminder time
    expect(await f.planner.planDay('2031-03-09', sh('2031-03-08 20:00'))).toEqual({ planned: 0, queued: 0 });
    expect(await f.planner.planDay('2031-03-10', sh('2031-03-09 20:00'))).toEqual({ planned: 1, queued: 1 });
    const planned = (await outbox(f.db)).filter((m) => m.dedupeKey.startsWith('rescreen:'));
    expect(planned.map((m) => [m.dedupeKey, m.text, m.notBefore, m.status])).toEqual([
      ['rescreen:w1:2031-03-10', reminderText, sh('2031-03-10 10:00'), 'queued'],
    ]);
  });

  it('an abnormal result sets nothing', async () => {
    await booked();
    await results.ingest(record({ result: lsil }), now, 'hospital:xc-mch');
    expect(await checks()).toEqual([]);
    expect(await f.planner.planDay('2031-03-10', sh('2031-03-09 20:00'))).toEqual({ planned: 0, queued: 0 });
  });

  it('a result not told to her sets nothing: she never agreed to the chat', async () => {
    await booked('w1', 'none');
    expect(await results.ingest(record({ result: nilm }), now, 'hospital:xc-mch')).toMatchObject({ status: 'notSent' });
    expect(await checks()).toEqual([]);
  });

  it('a correction to abnormal takes back the reminder its result set, and leaves her own answers alone', async () => {
    await booked();
    // her own answer, a year ago: screened in 2024, may join from 2027
    await f.db.eligibilityCheck.create({
      data: {
        contactId: 'w1',
        programme: 'twoCancer',
        eligible: false,
        reasonCode: 'interval',
        nextEligibleOn: '2027-05-01',
        checkedAt: sh('2025-03-01 10:00'),
      },
    });
    await results.ingest(record({ result: nilm }), now, 'hospital:xc-mch');
    expect((await checks()).map((c) => c.nextEligibleOn)).toEqual(['2027-05-01', '2031-03-10']);
    expect((await new MyDataService(f.db).collect('w1'))?.checks.map((c) => c.fromResult)).toEqual([false, true]);
    await results.ingest(record({ result: lsil, corrected: true }), sh('2026-03-22 10:00'), 'hospital:xc-mch');
    expect((await checks()).map((c) => c.nextEligibleOn)).toEqual(['2027-05-01']);
    expect(await f.planner.planDay('2031-03-10', sh('2031-03-09 20:00'))).toEqual({ planned: 0, queued: 0 });
  });

  it('a correction that keeps it normal moves the reminder to the corrected test date', async () => {
    await booked();
    await results.ingest(record({ result: nilm }), now, 'hospital:xc-mch');
    await results.ingest(record({ result: nilm, date: '2026-03-11', corrected: true }), sh('2026-03-22 10:00'), 'hospital:xc-mch');
    expect((await checks()).map((c) => c.nextEligibleOn)).toEqual(['2031-03-11']);
  });

  it('a normal breast result and a normal HPV result each count; a newborn or prenatal result never does', async () => {
    await booked();
    await results.ingest(record({ hospitalResultId: 'B1', result: { category: 'breast', birads: '1' } }), now, 'hospital:xc-mch');
    await results.ingest(
      record({ hospitalResultId: 'H1', date: '2026-03-12', result: { category: 'hpv', hpv16: false, hpv18: false, otherHighRisk: false } }),
      now,
      'hospital:xc-mch',
    );
    await results.ingest(record({ hospitalResultId: 'N1', result: { category: 'heelBlood', finding: 'normal' } }), now, 'hospital:xc-mch');
    expect((await checks()).map((c) => c.nextEligibleOn).sort()).toEqual(['2031-03-10', '2031-03-12']);
  });
});
