// Follow-up cases: one per abnormal result (matched or not), moved by a correction, linked when
// matched by hand; her reminders (word for word, on their days, once a day, never for a held result
// nor after she withdrew consent, still after 退订); escalation once when overdue; deletion of her
// data leaves the case as a programme record, unlinked.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { reviewFollowUpReminder } from '../../../src/services/followUp/reviewFollowUpReminder.js';
import { bookingRow, clearRows, dispatcherFor, MCH, openReminderFixture, pregnancy, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';
import { ResultService, type ResultHospitals } from '../../../src/services/results/ResultService.js';
import { resultRecordSchema, type ResultRecord } from '../../../src/services/results/resultRecord.js';
import { MyDataService } from '../../../src/services/myDataService.js';
import { followUpParts, type FollowUpParts } from '../../../src/app/followUpWiring.js';

describe.skipIf(dbUnavailable)('follow-up cases', () => {
  let f: ReminderFixture;
  let results: ResultService;
  let fu: FollowUpParts;
  beforeAll(async () => {
    f = await openReminderFixture();
    const hospitals: ResultHospitals = new Map(f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    fu = followUpParts(f.db, f.profile, hospitals)!;
    results = new ResultService(f.db, f.profile.results!, hospitals, { effects: [fu.cases] });
  });
  afterAll(async () => f.close());
  beforeEach(async () => {
    await f.db.followUpEvent.deleteMany();
    await f.db.followUpCase.deleteMany();
    await f.db.resultEvent.deleteMany();
    await f.db.screeningResult.deleteMany();
    await clearRows(f.db);
  });

  const now = sh('2026-03-20 10:00');
  const record = (o: Partial<ResultRecord> & Pick<ResultRecord, 'result'>): ResultRecord =>
    resultRecordSchema.parse({ hospitalId: MCH, hospitalResultId: 'LIS-0001', visitCode: 'K7Q2M9', date: '2026-03-10', ...o });
  const lsil = { category: 'cytology', tbs: 'LSIL' } as const;
  const booked = async (id = 'w1', code = 'K7Q2M9') => {
    await woman(f.db, id);
    await bookingRow(f.db, id, { serviceId: 'cervical', day: '2026-03-10', status: 'attended', code });
  };
  const theCase = () => f.db.followUpCase.findFirstOrThrow();
  const events = async () => (await f.db.followUpEvent.findMany({ orderBy: [{ at: 'asc' }, { id: 'asc' }] })).map((e) => [e.kind, e.detail, e.actor]);
  const followUpOutbox = () =>
    f.db.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: 'followup:' } },
      orderBy: { dedupeKey: 'asc' },
      select: { dedupeKey: true, text: true, notBefore: true, contactId: true },
    });

  it('an abnormal result opens a case (once), a normal one does not; an unmatched one opens a case too', async () => {
    await booked();
    const a = await results.ingest(record({ result: lsil }), now, 'hospital:xc-mch');
    await results.ingest(record({ result: lsil }), now, 'hospital:xc-mch');
    await results.ingest(record({ hospitalResultId: 'LIS-0002', result: { category: 'cytology', tbs: 'NILM' } }), now, 'hospital:xc-mch');
    const u = await results.ingest(record({ hospitalResultId: 'LIS-0003', visitCode: undefined, result: { category: 'breast', birads: '4A' } }), now, 'h');
    const cases = await f.db.followUpCase.findMany({ orderBy: { dueOn: 'asc' } });
    expect(cases.map((c) => [c.resultId, c.contactId, c.regionId, c.category, c.grade, c.nextStep, c.openedOn, c.dueOn, c.version])).toEqual([
      // BI-RADS 4A: a biopsy within 14 days of its arrival; nobody of the bot's to tell
      [u.resultId, null, 'xiangcheng', 'breast', 'suspicious', 'breast_biopsy', '2026-03-20', '2026-04-03', 1],
      // LSIL: told today, colposcopy within 28 days of today (as her notice says)
      [a.resultId, 'w1', 'xiangcheng', 'cytology', 'lsil', 'colposcopy', '2026-03-20', '2026-04-17', 1],
    ]);
    expect(await events()).toEqual([
      ['opened', 'lsil', 'hospital:xc-mch'],
      ['opened', 'suspicious', 'h'],
    ]);
    // matched by hand later: the case is linked to her
    await booked('w2', 'ZZ7Q2M');
    await bookingRow(f.db, 'w2', { serviceId: 'breast', day: '2026-03-10', status: 'attended', code: 'BR4A77' });
    expect(await results.matchByHand(u.resultId!, 'BR4A77', 'admin-token', sh('2026-03-21 09:00'))).toEqual({ ok: true, status: 'held' });
    // linked to her; held, not told yet: still due 14 days after it arrived
    const matched = await f.db.followUpCase.findUniqueOrThrow({ where: { resultId: u.resultId } });
    expect([matched.contactId, matched.dueOn, matched.version]).toEqual(['w2', '2026-04-03', 2]);
  });

  it('a correction moves the case to the new grade; to normal closes it; back to abnormal opens it again', async () => {
    await booked();
    const a = await results.ingest(record({ result: lsil }), now, 'h');
    await results.ingest(record({ result: { category: 'cytology', tbs: 'SCC' }, corrected: true }), sh('2026-03-22 10:00'), 'h');
    let c = await theCase();
    expect([c.grade, c.nextStep, c.dueOn, c.closedAt, c.version]).toEqual(['cancer', 'urgent', '2026-03-29', null, 2]);
    await results.ingest(record({ result: { category: 'cytology', tbs: 'NILM' }, corrected: true }), sh('2026-03-23 10:00'), 'h');
    c = await theCase();
    expect([c.grade, c.outcome, c.closedAt]).toEqual(['nilm', 'normal', sh('2026-03-23 10:00')]);
    expect((await fu.service.get(c.id, sh('2026-03-23 10:00')))!.status).toBe('closed');
    await results.ingest(record({ result: lsil, corrected: true }), sh('2026-03-24 10:00'), 'h');
    c = await theCase();
    expect([c.resultId, c.grade, c.outcome, c.closedAt, c.openedOn, c.dueOn]).toEqual([a.resultId, 'lsil', null, null, '2026-03-24', '2026-04-21']);
    expect((await events()).map(([kind, detail]) => `${kind}:${detail}`)).toEqual([
      'opened:lsil',
      'corrected:lsil>cancer',
      'dueChanged:2026-03-29',
      'corrected:cancer>nilm',
      'closed:normal:byCorrection',
      'corrected:nilm>lsil',
      'reopened:null',
      'dueChanged:2026-04-21',
    ]);
  });

  it('a case staff closed stays closed when its result is corrected to normal and back', async () => {
    await booked();
    await results.ingest(record({ result: lsil }), now, 'h');
    const c = await theCase();
    expect(await fu.service.close(c.id, c.version, 'cin1', undefined, 'admin-token', now)).toEqual({ ok: true, version: 2 });
    await results.ingest(record({ result: { category: 'cytology', tbs: 'NILM' }, corrected: true }), sh('2026-03-21 10:00'), 'h');
    await results.ingest(record({ result: lsil, corrected: true }), sh('2026-03-22 10:00'), 'h');
    const after = await theCase();
    expect([after.grade, after.outcome, after.closedAt]).toEqual(['lsil', 'cin1', now]);
    expect((await events()).map(([kind, detail]) => `${kind}:${detail}`)).toEqual(['opened:lsil', 'closed:cin1', 'corrected:lsil>nilm', 'corrected:nilm>lsil']);
  });

  it('a normal result corrected to abnormal opens a case; prenatal diagnosis is due before its window closes', async () => {
    await booked();
    await results.ingest(record({ result: { category: 'cytology', tbs: 'NILM' } }), now, 'h');
    expect(await f.db.followUpCase.count()).toBe(0);
    await results.ingest(record({ result: lsil, corrected: true }), now, 'h');
    expect(await f.db.followUpCase.count()).toBe(1);
    // her pregnancy is due 2026-08-20: its prenatal-diagnosis window (to 22w6d) closes 2026-04-22
    await woman(f.db, 'p1');
    await pregnancy(f.db, 'p1', { dueDate: '2026-08-20' });
    await bookingRow(f.db, 'p1', { serviceId: 'serum-mid', day: '2026-04-08', status: 'attended', code: 'SRM123' });
    const serum = { category: 'serum', t21OneIn: 150, t18OneIn: 5000 } as const;
    const s = await results.ingest(record({ hospitalResultId: 'LIS-9', visitCode: 'SRM123', date: '2026-04-08', result: serum }), sh('2026-04-15 10:00'), 'h');
    expect((await f.db.followUpCase.findUniqueOrThrow({ where: { resultId: s.resultId } })).dueOn).toBe('2026-04-22');
  });

  it("a baby's hearing not passed at re-screening: diagnosis due by 3 months of age", async () => {
    await woman(f.db, 'm1');
    await pregnancy(f.db, 'm1', { dueDate: '2026-02-10', status: 'born', birthDate: '2026-02-01', endedOn: '2026-02-02' });
    await bookingRow(f.db, 'm1', { serviceId: 'cervical', day: '2026-03-10', status: 'attended', code: 'HR3M01' });
    const r = await results.ingest(record({ visitCode: 'HR3M01', result: { category: 'hearing', passed: false, rescreen: true } }), now, 'h');
    expect((await f.db.followUpCase.findUniqueOrThrow({ where: { resultId: r.resultId } })).dueOn).toBe('2026-05-01');
  });

  it('the worklist status filters select exactly the cases whose computed status it is', async () => {
    await booked();
    const day = sh('2026-05-01 10:00');
    const dates = [
      {},
      { contactedAt: day },
      { contactedAt: day, bookedAt: day },
      { bookedAt: day, doneAt: day },
      { doneAt: day, closedAt: day, outcome: 'cin1' },
      { closedAt: day, outcome: 'lostToFollowUp' },
    ];
    for (const [i, d] of dates.entries()) {
      const r = await results.ingest(record({ hospitalResultId: `S-${i}`, result: lsil }), now, 'h');
      await f.db.followUpCase.update({ where: { resultId: r.resultId }, data: { ...d, dueOn: i % 2 ? '2026-04-01' : '2026-06-01' } });
    }
    const all = await fu.service.worklist({ page: 1, pageSize: 50 }, day);
    expect(all.rows.map((r) => r.status).sort()).toEqual(['booked', 'closed', 'contacted', 'done', 'lost', 'open']);
    for (const status of ['open', 'contacted', 'booked', 'done', 'lost', 'closed'] as const) {
      const got = await fu.service.worklist({ status, page: 1, pageSize: 50 }, day);
      expect(got.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => r.status === status).map((r) => r.id));
    }
    for (const overdue of [true, false]) {
      const got = await fu.service.worklist({ overdue, page: 1, pageSize: 50 }, day);
      expect(got.rows.map((r) => r.id)).toEqual(all.rows.filter((r) => r.overdue === overdue).map((r) => r.id));
    }
    // (overdue: the contacted case due 04-01; the lost one due 04-01 is closed, not overdue)
    expect(all.rows.filter((r) => r.overdue).map((r) => r.status)).toEqual(['contacted']);
  });

  describe('her reminders and the escalation', () => {
    const day = (d: string) => sh(`${d} 09:30`);
    it('7 days before and on the due day, word for word, once a day; still after 退订', async () => {
      await booked();
      await results.ingest(record({ result: lsil }), now, 'h');
      const c = await theCase();
      expect(await fu.daily.remind(day('2026-04-09'))).toBe(0);
      // two processes at once: one reminds her
      const both = await Promise.all([fu.daily.remind(day('2026-04-10')), fu.daily.remind(day('2026-04-10'))]);
      expect(both[0] + both[1]).toBe(1);
      expect(await fu.daily.remind(day('2026-04-10'))).toBe(0);
      expect(await fu.daily.remind(day('2026-04-11'))).toBe(0);
      await f.db.contact.update({ where: { id: 'w1' }, data: { subscribed: false } });
      expect(await fu.daily.remind(day('2026-04-17'))).toBe(1);
      expect(await followUpOutbox()).toEqual([
        {
          dedupeKey: `followup:${c.id}:2026-04-10`,
          contactId: 'w1',
          notBefore: day('2026-04-10'),
          text: '您好，提醒您：您上次检查后，下一步要做的是：阴道镜检查（用放大镜看宫颈）。最晚2026年4月17日，请去项城市妇幼保健院。已经做了或约好了，就不用管这条消息。有问题可以打0394-4316120。',
        },
        {
          dedupeKey: `followup:${c.id}:2026-04-17`,
          contactId: 'w1',
          notBefore: day('2026-04-17'),
          text: '您好，提醒您：您上次检查后，下一步要做的是：阴道镜检查（用放大镜看宫颈）。今天（2026年4月17日）就到日子了，还没去的话，请尽快去项城市妇幼保健院。已经做了或约好了，就不用管这条消息。有问题可以打0394-4316120。',
        },
      ]);
      expect((await theCase()).lastRemindedOn).toBe('2026-04-17');
      // after 退订 it still goes out (as her result notice did)
      const { dispatcher } = dispatcherFor(f);
      await dispatcher.runOnce(day('2026-04-17'));
      expect((await f.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `followup:${c.id}:2026-04-17` } })).status).toBe('sent');
      expect((await events()).filter(([k]) => k === 'reminded').map(([, d]) => d)).toEqual(['before', 'dueDay']);
    });

    it('never for a held result, nor before she was told, nor after she withdrew consent, nor once booked', async () => {
      await booked();
      await results.ingest(record({ result: { category: 'cytology', tbs: 'HSIL' } }), now, 'h');
      expect((await theCase()).dueOn).toBe('2026-04-17');
      expect(await fu.daily.remind(day('2026-04-10'))).toBe(0);
      // released on 04-12: the due day counts from then (as the notice she gets says)
      const c = await theCase();
      await results.release(c.resultId, 'admin-token', day('2026-04-12'));
      expect((await theCase()).dueOn).toBe('2026-05-10');
      expect(await fu.daily.remind(day('2026-05-03'))).toBe(1);
      await f.db.contact.update({ where: { id: 'w1' }, data: { consent: 'declined' } });
      expect(await fu.daily.remind(day('2026-05-10'))).toBe(0);
      await f.db.contact.update({ where: { id: 'w1' }, data: { consent: 'given' } });
      const v = (await theCase()).version;
      expect(await fu.service.mark(c.id, v, 'booked', 'admin-token', day('2026-05-09'))).toEqual({ ok: true, version: v + 1 });
      expect(await fu.daily.remind(day('2026-05-10'))).toBe(0);
      expect((await followUpOutbox()).map((m) => m.dedupeKey)).toEqual([`followup:${c.id}:2026-05-03`]);
    });

    it('a reminder queued before staff marked the case booked is not sent (looked at again just before it goes)', async () => {
      await booked();
      await results.ingest(record({ result: lsil }), now, 'h');
      const c = await theCase();
      expect(await fu.daily.remind(day('2026-04-10'))).toBe(1);
      expect(await fu.service.mark(c.id, (await theCase()).version, 'booked', 'staff:a1', sh('2026-04-10 09:31'))).toMatchObject({ ok: true });
      const review: Parameters<typeof dispatcherFor>[2] = async (m, at) => (await reviewFollowUpReminder(f.db, m.dedupeKey)) ?? f.planner.review(m, at);
      const { dispatcher, sent } = dispatcherFor(f, undefined, review);
      await dispatcher.runOnce(sh('2026-04-10 09:32'));
      // (her result notice goes; the reminder does not)
      expect(sent.map((t) => t.split('\n')[0])).toEqual(['您2026年3月10日在项城市妇幼保健院做的宫颈细胞检查，结果出来了。']);
      expect(
        await f.db.outboxMessage.findFirstOrThrow({ where: { dedupeKey: `followup:${c.id}:2026-04-10` }, select: { status: true, lastError: true } }),
      ).toEqual({
        status: 'cancelled',
        lastError: 'cancelled: follow-up step booked',
      });
      // (not a follow-up reminder: left to the other reviewers)
      expect(await reviewFollowUpReminder(f.db, 'closed:abc')).toBeUndefined();
    });

    it("escalated once when overdue by the profile's days (7)", async () => {
      await booked();
      await results.ingest(record({ result: lsil }), now, 'h');
      expect(await fu.daily.escalate(day('2026-04-23'))).toBe(0);
      expect(await Promise.all([fu.daily.escalate(day('2026-04-24')), fu.daily.escalate(day('2026-04-24'))])).toSatisfy((n: number[]) => n[0] + n[1] === 1);
      expect(await fu.daily.escalate(day('2026-04-25'))).toBe(0);
      expect((await theCase()).escalatedAt).toEqual(day('2026-04-24'));
      expect((await events()).filter(([k]) => k === 'escalated')).toEqual([['escalated', null, 'job:followUp']]);
      const list = await fu.service.worklist({ escalated: true, page: 1, pageSize: 10 }, day('2026-04-25'));
      expect(list.rows.map((r) => [r.status, r.overdue, !!r.escalatedAt])).toEqual([['open', true, true]]);
    });
  });

  it('her 删除我的信息 leaves the case as a programme record, unlinked from her', async () => {
    await booked();
    await results.ingest(record({ result: lsil }), now, 'h');
    await new MyDataService(f.db).deleteAll('w1', now);
    const c = await theCase();
    expect([c.contactId, c.grade, c.dueOn]).toEqual([null, 'lsil', '2026-04-17']);
    expect(await fu.daily.remind(sh('2026-04-10 09:30'))).toBe(0);
  });
});
