// Results in: stored once, corrected with a word, matched by her visit code only, told to her alone
// in her private chat through the outbox (at once, or held until a staff member releases it), kept
// as a programme record when she deletes her data, and still sent after 退订.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { bookingRow, clearRows, dispatcherFor, MCH, openReminderFixture, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';
import { ResultService, type ResultHospitals } from '../../../src/services/results/ResultService.js';
import { resultRecordSchema, type ResultRecord } from '../../../src/services/results/resultRecord.js';
import { MyDataService } from '../../../src/services/myDataService.js';

describe.skipIf(dbUnavailable)('ResultService', () => {
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

  const now = sh('2026-03-20 10:00');
  const record = (o: Partial<ResultRecord> & Pick<ResultRecord, 'result'>): ResultRecord =>
    resultRecordSchema.parse({ hospitalId: MCH, hospitalResultId: 'LIS-0001', visitCode: 'K7Q2M9', date: '2026-03-10', ...o });
  const nilm = { category: 'cytology', tbs: 'NILM' } as const;
  const hpv16 = { category: 'hpv', hpv16: true, hpv18: false, otherHighRisk: false } as const;
  /** A woman who booked her 两癌 visit with code K7Q2M9. */
  const booked = async (id = 'w1', code = 'K7Q2M9') => {
    await woman(f.db, id);
    await bookingRow(f.db, id, { serviceId: 'cervical', day: '2026-03-10', status: 'attended', code });
  };
  const outbox = () =>
    f.db.outboxMessage.findMany({ orderBy: { dedupeKey: 'asc' }, select: { contactId: true, externalId: true, dedupeKey: true, text: true } });

  it('a normal result: stored once however often it is sent, and told to her at once, word for word', async () => {
    await booked();
    const first = await results.ingest(record({ result: nilm }), now, 'hospital:xc-mch');
    expect(first).toMatchObject({ outcome: 'stored', match: 'matched', status: 'sent' });
    expect(await results.ingest(record({ result: nilm }), now, 'hospital:xc-mch')).toMatchObject({ outcome: 'duplicate', resultId: first.resultId });
    expect(await f.db.screeningResult.count()).toBe(1);
    expect(await outbox()).toEqual([
      {
        contactId: 'w1',
        externalId: 'ext-w1',
        dedupeKey: `result:${first.resultId}:v1`,
        text: [
          '您2026年3月10日在项城市妇幼保健院做的宫颈细胞检查，结果出来了。',
          '宫颈细胞正常，没有发现异常细胞。',
          '按时参加下一轮免费检查就行。',
          '这条消息请留着，看病时给医生看。',
        ].join('\n'),
      },
    ]);
  });

  it('a corrected result replaces the stored one and says so; a different one without the flag is refused', async () => {
    await booked();
    const first = await results.ingest(record({ result: nilm }), now, 'hospital:xc-mch');
    const other = { category: 'cytology', tbs: 'LSIL' } as const;
    expect(await results.ingest(record({ result: other }), now, 'hospital:xc-mch')).toMatchObject({
      outcome: 'refused',
      reason: 'differs from the result stored under this id: send it with corrected: true',
    });
    // the first notice reached her
    const { dispatcher } = dispatcherFor(f);
    await dispatcher.runOnce(now);
    expect(await results.ingest(record({ result: other, corrected: true }), now, 'hospital:xc-mch')).toMatchObject({ outcome: 'corrected', status: 'sent' });
    const row = await f.db.screeningResult.findUniqueOrThrow({ where: { id: first.resultId } });
    expect([row.grade, row.abnormal, row.version]).toEqual(['lsil', true, 2]);
    const notices = await outbox();
    expect(notices.map((n) => n.dedupeKey)).toEqual([`result:${first.resultId}:v1`, `result:${first.resultId}:v2`]);
    expect(notices[1].text.split('\n').slice(0, 3)).toEqual([
      '【更正】医院更正了您的结果，以这一条为准：',
      '您2026年3月10日在项城市妇幼保健院做的宫颈细胞检查，结果出来了。',
      '宫颈细胞有轻度变化，常常会自己好。',
    ]);
  });

  it('a correction cancels the earlier notice still waiting (the quiet hours held it), and is not called a correction', async () => {
    await booked();
    const first = await results.ingest(record({ result: nilm }), sh('2026-03-20 22:00'), 'h');
    await results.ingest(record({ result: { category: 'cytology', tbs: 'LSIL' }, corrected: true }), sh('2026-03-20 22:30'), 'h');
    const rows = await f.db.outboxMessage.findMany({ orderBy: { dedupeKey: 'asc' }, select: { dedupeKey: true, status: true, lastError: true, text: true } });
    expect(rows.map((r) => [r.dedupeKey, r.status, r.lastError])).toEqual([
      [`result:${first.resultId}:v1`, 'cancelled', 'superseded by a corrected result'],
      [`result:${first.resultId}:v2`, 'queued', null],
    ]);
    expect(rows[1].text).toMatch(/^您2026年3月10日在项城市妇幼保健院做的宫颈细胞检查，结果出来了。\n宫颈细胞有轻度变化/);
  });

  it('a correction of a result she was told in person waits for a person too', async () => {
    await booked();
    const held = await results.ingest(record({ result: hpv16 }), now, 'h');
    await results.toldInPerson(held.resultId!, 'admin', now);
    expect(
      await results.ingest(record({ result: { category: 'hpv', hpv16: false, hpv18: false, otherHighRisk: false }, corrected: true }), now, 'h'),
    ).toMatchObject({
      outcome: 'corrected',
      status: 'held',
    });
    expect(await outbox()).toEqual([]);
  });

  it('the same new result twice at once is stored once; ASC-US without its HPV is refused, not guessed', async () => {
    await booked();
    const both = await Promise.all([results.ingest(record({ result: nilm }), now, 'h'), results.ingest(record({ result: nilm }), now, 'h')]);
    expect(both.map((o) => o.outcome).sort()).toEqual(['duplicate', 'stored']);
    expect(await f.db.screeningResult.count()).toBe(1);
    const ascus = resultRecordSchema.safeParse({ hospitalId: MCH, hospitalResultId: 'x', date: '2026-03-10', result: { category: 'cytology', tbs: 'ASC-US' } });
    expect(ascus.success ? null : [ascus.error.issues[0].path.join('.'), ascus.error.issues[0].message]).toEqual([
      'result.hpvPositive',
      'required for ASC-US (its next step depends on HPV)',
    ]);
  });

  it('a result that needs a person first is held: nothing sent until a staff member releases it', async () => {
    await booked();
    const held = await results.ingest(record({ result: hpv16 }), now, 'hospital:xc-mch');
    expect(held).toMatchObject({ outcome: 'stored', status: 'held' });
    expect(await outbox()).toEqual([]);
    expect(await results.release(held.resultId!, 'admin', sh('2026-03-20 15:00'))).toEqual({ ok: true });
    const [notice] = await outbox();
    expect(notice.text).toContain('查到了16型或18型HPV病毒。这两种要多注意，但不等于得了癌症。');
    expect(notice.text).toContain('负责跟进的工作人员会打电话联系您');
    expect(await results.release(held.resultId!, 'admin', sh('2026-03-20 15:01'))).toEqual({ ok: false, error: 'not_held' });
    const events = await f.db.resultEvent.findMany({ where: { resultId: held.resultId }, select: { kind: true, actor: true } });
    expect(events.map((e) => `${e.kind}:${e.actor}`).sort()).toEqual(['held:hospital:xc-mch', 'released:admin', 'sent:admin', 'stored:hospital:xc-mch']);
  });

  it('told in person: the held result is closed and nothing is sent', async () => {
    await booked();
    const held = await results.ingest(record({ result: hpv16 }), now, 'hospital:xc-mch');
    expect(await results.toldInPerson(held.resultId!, 'admin', now)).toEqual({ ok: true });
    expect(await results.release(held.resultId!, 'admin', now)).toEqual({ ok: false, error: 'not_held' });
    expect(await outbox()).toEqual([]);
  });

  it("never a guess: no code, an unknown code or another hospital's code go to the unmatched queue with the reason, and nothing is sent", async () => {
    await booked();
    await booked('w2', 'OTHER1');
    await f.db.booking.updateMany({ where: { code: 'OTHER1' }, data: { hospitalId: 'xc-first' } });
    const outcomes = [
      await results.ingest(record({ hospitalResultId: 'a', visitCode: undefined, result: nilm }), now, 'h'),
      await results.ingest(record({ hospitalResultId: 'b', visitCode: 'ZZZ999', result: nilm }), now, 'h'),
      await results.ingest(record({ hospitalResultId: 'c', visitCode: 'other1', result: nilm }), now, 'h'),
    ];
    expect(outcomes.map((o) => [o.match, o.status, o.reason])).toEqual([
      ['unmatched', 'notSent', 'no_visit_code'],
      ['unmatched', 'notSent', 'unknown_visit_code'],
      ['unmatched', 'notSent', 'other_hospital'],
    ]);
    expect(await f.db.screeningResult.count({ where: { matchState: 'unmatched', contactId: null } })).toBe(3);
    expect(await outbox()).toEqual([]);
  });

  it('an unknown hospital is refused and nothing is stored', async () => {
    expect(await results.ingest(record({ hospitalId: 'nowhere', result: nilm }), now, 'h')).toMatchObject({
      outcome: 'refused',
      reason: 'unknown hospital nowhere',
    });
    expect(await f.db.screeningResult.count()).toBe(0);
  });

  it('kept as a programme record when she deletes her data: unlinked for good, a later correction included', async () => {
    await booked();
    const stored = await results.ingest(record({ result: hpv16 }), now, 'h');
    await new MyDataService(f.db).deleteAll('w1', now);
    const row = await f.db.screeningResult.findUniqueOrThrow({ where: { id: stored.resultId } });
    expect([row.contactId, row.visitCode, row.matchState, row.grade, row.status]).toEqual([null, null, 'unlinked', 'hpv16or18', 'held']);
    expect(await results.release(stored.resultId!, 'admin', now)).toEqual({ ok: false, error: 'no_chat' });
    // her code given again (even to another woman later): never matched, nothing sent
    await booked('w9', 'K7Q2M9');
    const corrected = await results.ingest(
      record({ result: { category: 'hpv', hpv16: false, hpv18: false, otherHighRisk: false }, corrected: true }),
      now,
      'h',
    );
    expect(corrected).toMatchObject({ outcome: 'corrected', match: 'unmatched', status: 'notSent' });
    const after = await f.db.screeningResult.findUniqueOrThrow({ where: { id: stored.resultId } });
    expect([after.contactId, after.visitCode, after.matchState]).toEqual([null, null, 'unlinked']);
    expect(await outbox()).toEqual([]);
  });

  it('after 退订 her own result still reaches her; after she withdrew consent it is not sent', async () => {
    await booked();
    await f.db.contact.update({ where: { id: 'w1' }, data: { subscribed: false } });
    await results.ingest(record({ result: nilm }), now, 'h');
    const { dispatcher, sent } = dispatcherFor(f);
    expect(await dispatcher.runOnce(now)).toMatchObject({ sent: 1 });
    expect(sent[0]).toContain('宫颈细胞正常');
    await booked('w2', 'B2CODE');
    await f.db.contact.update({ where: { id: 'w2' }, data: { consent: 'declined' } });
    expect(await results.ingest(record({ hospitalResultId: 'LIS-0002', visitCode: 'B2CODE', result: nilm }), now, 'h')).toMatchObject({
      match: 'matched',
      status: 'notSent',
    });
    expect((await outbox()).map((m) => m.contactId)).toEqual(['w1']);
  });
});
