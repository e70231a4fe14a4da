// 我的结果 reads ResultService.listForHer: only her results told to her in the chat (sent or
// released), the latest version of each, newest first, with the day it was sent; never a held one
// nor another woman's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { bookingRow, clearRows, MCH, openReminderFixture, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';
import { ResultService, type ResultHospitals } from '../../../src/services/results/ResultService.js';
import { resultRecordSchema, type ResultRecord } from '../../../src/services/results/resultRecord.js';

describe.skipIf(dbUnavailable)('ResultService.listForHer', () => {
  let f: ReminderFixture;
  let results: ResultService;
  beforeAll(async () => {
    f = await openReminderFixture();
    const hospitals: ResultHospitals = new Map(f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    results = new ResultService(f.db, f.profile.results!, hospitals);
  });
  afterAll(async () => f.close());
  beforeEach(async () => {
    await f.db.resultEvent.deleteMany();
    await f.db.screeningResult.deleteMany();
    await clearRows(f.db);
  });

  const record = (o: Partial<ResultRecord> & Pick<ResultRecord, 'result'>): ResultRecord =>
    resultRecordSchema.parse({ hospitalId: MCH, hospitalResultId: 'LIS-0001', visitCode: 'K7Q2M9', date: '2026-03-10', ...o });
  const booked = async (id: string, code: string) => {
    await woman(f.db, id);
    await bookingRow(f.db, id, { serviceId: 'cervical', day: '2026-03-10', status: 'confirmed', code });
  };

  it('her told results, the latest version of each, newest first; not a held one, not another woman’s', async () => {
    await booked('w1', 'K7Q2M9');
    await booked('w2', 'P3R4S5');
    await results.ingest(record({ result: { category: 'cytology', tbs: 'NILM' } }), sh('2026-03-20 10:00'), 'hospital');
    // corrected two days later: told again, as the correction
    await results.ingest(record({ result: { category: 'cytology', tbs: 'LSIL' }, corrected: true }), sh('2026-03-22 10:00'), 'hospital');
    await results.ingest(record({ hospitalResultId: 'B1', result: { category: 'breast', birads: '1' } }), sh('2026-03-21 10:00'), 'hospital');
    // held for staff: not hers to see yet
    const held = await results.ingest(
      record({ hospitalResultId: 'H1', result: { category: 'hpv', hpv16: true, hpv18: false, otherHighRisk: false } }),
      sh('2026-03-21 11:00'),
      'hospital',
    );
    expect(held.status).toBe('held');
    await results.ingest(
      record({ hospitalResultId: 'O1', visitCode: 'P3R4S5', result: { category: 'breast', birads: '1' } }),
      sh('2026-03-21 10:00'),
      'hospital',
    );

    const mine = await results.listForHer('w1', 3);
    expect(mine.more).toBe(0);
    expect(mine.shown.map((r) => r.sentOn)).toEqual(['2026-03-22', '2026-03-21']);
    expect(mine.shown[0].notice.split('\n')).toEqual([
      '您2026年3月10日在项城市妇幼保健院做的宫颈细胞检查，结果出来了。',
      '宫颈细胞有轻度变化，常常会自己好。',
      '要做阴道镜检查（用放大镜看宫颈）。请在2026年4月19日前去项城市妇幼保健院做。',
      '回复“约阴道镜”，帮您约时间。',
      '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
      '这条消息请留着，看病时给医生看。',
    ]);
    expect(mine.shown[1].notice).toContain('乳腺检查正常');

    // released by staff: now hers, newest
    expect(await results.release(held.resultId!, 'staff', sh('2026-03-23 09:00'))).toEqual({ ok: true });
    const after = await results.listForHer('w1', 2);
    expect(after.shown.map((r) => r.sentOn)).toEqual(['2026-03-23', '2026-03-22']);
    expect(after.more).toBe(1);
    expect(await results.listForHer('nobody', 3)).toEqual({ shown: [], more: 0 });
  });
});
