// The app as wired (buildServices): a normal 两癌 result it takes in sets her next re-screening
// reminder, which the planner queues on the day, the county's interval (Henan: 5 years) after the test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';
import { bookingRow, sh, woman } from '../services/reminders/reminderFixtures.js';
import { resultRecordSchema } from '../../src/services/results/resultRecord.js';

describe.skipIf(dbUnavailable)('result effects as the app wires them', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(); // Monday 2026-03-02 09:00 +08:00
    await woman(t.app.dbHandle.db, 'w1');
    await bookingRow(t.app.dbHandle.db, 'w1', { serviceId: 'cervical', day: '2026-02-27', status: 'confirmed', code: 'K7Q2M9' });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });

  it('a normal cytology result sets her re-screening reminder 5 years after its test date', async () => {
    const record = resultRecordSchema.parse({
      hospitalId: 'xc-mch',
      hospitalResultId: 'LIS-1',
      visitCode: 'K7Q2M9',
      date: '2026-02-27',
      result: { category: 'cytology', tbs: 'NILM' },
    });
    expect(await t.app.results!.ingest(record, t.clock.now(), 'hospital:xc-mch')).toMatchObject({ status: 'sent' });
    expect(await t.app.planner.planDay('2031-02-27', sh('2031-02-26 20:00'))).toEqual({ planned: 1, queued: 1 });
    const reminder = await t.app.dbHandle.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: 'rescreen:' } } });
    expect([reminder.dedupeKey, reminder.notBefore, reminder.text]).toEqual([
      'rescreen:w1:2031-02-27',
      sh('2031-02-27 10:00'),
      '您好！上次做两癌免费筛查到现在快5年了，现在又可以免费查了。回复“预约”约时间。不想再收提醒，回复“退订”。',
    ]);
  });
});
