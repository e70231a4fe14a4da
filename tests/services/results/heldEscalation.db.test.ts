// A held result waits for a person: nothing goes to her until a staff member releases it (then the
// notice, once). Nobody handled it by the end of the 3rd working day after the day it was held
// (the profile's holdDeadline, counted with the holiday and 调休 calendar): escalated to the county
// once, with an event by `system`, and still held; a release afterwards is recorded as usual; a
// correction held again starts its deadline afresh.
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { bookingRow, clearRows, MCH, openReminderFixture, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';
import { ResultService, type ResultHospitals } from '../../../src/services/results/ResultService.js';
import { resultRecordSchema, type ResultRecord } from '../../../src/services/results/resultRecord.js';
import { escalateOverdueResults, heldCounts } from '../../../src/services/results/heldEscalation.js';
import { loadWorkdays, WORKDAYS_FILE } from '../../../src/profiles/loadWorkdays.js';
import type { HoldDeadline } from '../../../src/domain/results/holdDeadline.js';

describe.skipIf(dbUnavailable)('held results: the deadline and the escalation', () => {
  let f: ReminderFixture;
  let results: ResultService;
  let deadline: HoldDeadline;
  beforeAll(async () => {
    f = await openReminderFixture();
    const hospitals: ResultHospitals = new Map(f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    deadline = { workingDays: f.profile.results!.holdDeadline!.workingDays, calendar: loadWorkdays(path.resolve('profiles', WORKDAYS_FILE)) };
    results = new ResultService(f.db, f.profile.results!, hospitals, { holdDeadline: deadline });
  });
  afterAll(async () => f.close());
  beforeEach(async () => {
    await f.db.resultEvent.deleteMany();
    await f.db.screeningResult.deleteMany();
    await clearRows(f.db);
    await woman(f.db, 'w1');
    await bookingRow(f.db, 'w1', { serviceId: 'cervical', day: '2026-02-10', status: 'attended', code: 'K7Q2M9' });
  });

  const record = (o: Partial<ResultRecord> = {}): ResultRecord =>
    resultRecordSchema.parse({
      hospitalId: MCH,
      hospitalResultId: 'LIS-0001',
      visitCode: 'K7Q2M9',
      date: '2026-02-10',
      result: { category: 'hpv', hpv16: true, hpv18: false, otherHighRisk: false },
      ...o,
    });
  // Thursday 12 February 2026: then Friday 13th, Saturday 14th (调休上班), the Spring Festival 15th–23rd
  // and Tuesday 24th, the third working day; overdue from midnight
  const HELD = sh('2026-02-12 16:00');
  const LAST_MOMENT = new Date('2026-02-24T23:59:59.999+08:00');
  const MIDNIGHT = sh('2026-02-25 00:00');
  const outbox = () => f.db.outboxMessage.findMany({ orderBy: { dedupeKey: 'asc' }, select: { contactId: true, dedupeKey: true, text: true } });
  const row = (id: string) => f.db.screeningResult.findUniqueOrThrow({ where: { id }, select: { status: true, heldAt: true, escalatedAt: true } });
  const events = async (id: string) =>
    (await f.db.resultEvent.findMany({ where: { resultId: id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })).map((e) => [e.kind, e.actor, e.at.toISOString()]);

  it('held: nothing for her, escalated or not, until it is released; then exactly the notice', async () => {
    const held = await results.ingest(record(), HELD, 'hospital:xc-mch');
    expect(held).toMatchObject({ outcome: 'stored', match: 'matched', status: 'held' });
    expect(await outbox()).toEqual([]);
    expect(await escalateOverdueResults(f.db, deadline, MIDNIGHT)).toBe(1);
    expect(await outbox()).toEqual([]);
    const releasedAt = sh('2026-02-25 09:30');
    expect(await results.release(held.resultId!, 'admin-token', releasedAt)).toEqual({ ok: true });
    expect(await outbox()).toEqual([
      {
        contactId: 'w1',
        dedupeKey: `result:${held.resultId}:v1`,
        text: [
          '您2026年2月10日在项城市妇幼保健院做的HPV检查（查一种常见的病毒），结果出来了。',
          '查到了16型或18型HPV病毒。这两种要多注意，但不等于得了癌症。',
          '要做阴道镜检查（用放大镜看宫颈）。请在2026年3月25日前去项城市妇幼保健院做。',
          '回复“约阴道镜”，帮您约时间。',
          '负责跟进的工作人员会打电话联系您。有问题可以打0394-4316120。',
          '这条消息请留着，看病时给医生看。',
        ].join('\n'),
      },
    ]);
    // released after its escalation: recorded as usual, the escalation stays on record
    expect(await row(held.resultId!)).toEqual({ status: 'released', heldAt: HELD, escalatedAt: MIDNIGHT });
    expect(await events(held.resultId!)).toEqual([
      ['stored', 'hospital:xc-mch', HELD.toISOString()],
      ['held', 'hospital:xc-mch', HELD.toISOString()],
      ['escalated', 'system', MIDNIGHT.toISOString()],
      ['sent', 'admin-token', releasedAt.toISOString()],
      ['released', 'admin-token', releasedAt.toISOString()],
    ]);
  });

  it('held on the Thursday before the Spring Festival: not escalated at the last moment of its deadline, escalated just after, once', async () => {
    const held = await results.ingest(record(), HELD, 'h');
    expect(await escalateOverdueResults(f.db, deadline, sh('2026-02-14 12:00'))).toBe(0);
    expect(await escalateOverdueResults(f.db, deadline, LAST_MOMENT)).toBe(0);
    expect(await row(held.resultId!)).toEqual({ status: 'held', heldAt: HELD, escalatedAt: null });
    expect(await escalateOverdueResults(f.db, deadline, MIDNIGHT)).toBe(1);
    // the job again, an hour later: nothing new
    expect(await escalateOverdueResults(f.db, deadline, sh('2026-02-25 01:00'))).toBe(0);
    expect(await row(held.resultId!)).toEqual({ status: 'held', heldAt: HELD, escalatedAt: MIDNIGHT });
    expect((await events(held.resultId!)).filter((e) => e[0] === 'escalated')).toEqual([['escalated', 'system', MIDNIGHT.toISOString()]]);
    expect(await heldCounts(f.db)).toEqual({ held: 1, escalated: 1 });
    // told in person after it: recorded as usual, nothing sent
    expect(await results.toldInPerson(held.resultId!, 'admin-token', sh('2026-02-25 10:00'))).toEqual({ ok: true });
    expect(await outbox()).toEqual([]);
    expect(await heldCounts(f.db)).toEqual({ held: 0, escalated: 0 });
  });

  it('two processes at once escalate each result once', async () => {
    const a = await results.ingest(record(), HELD, 'h');
    const b = await results.ingest(record({ hospitalResultId: 'LIS-0002', result: { category: 'breast', birads: '4B' } }), HELD, 'h');
    const runs = await Promise.all([0, 1, 2].map(() => escalateOverdueResults(f.db, deadline, MIDNIGHT)));
    expect(runs.reduce((x, y) => x + y, 0)).toBe(2);
    for (const id of [a.resultId!, b.resultId!]) expect((await events(id)).filter((e) => e[0] === 'escalated')).toHaveLength(1);
  });

  it('a correction held again starts its deadline afresh, and may be escalated again', async () => {
    const held = await results.ingest(record(), HELD, 'h');
    await escalateOverdueResults(f.db, deadline, MIDNIGHT);
    // Thursday 26 February: Friday 27th, Saturday 28th (调休上班), Monday 2 March the last day
    const corrected = sh('2026-02-26 10:00');
    const r = await results.ingest(record({ result: { category: 'hpv', hpv16: false, hpv18: true, otherHighRisk: false }, corrected: true }), corrected, 'h');
    expect(r).toMatchObject({ outcome: 'corrected', status: 'held' });
    expect(await row(held.resultId!)).toEqual({ status: 'held', heldAt: corrected, escalatedAt: null });
    expect(await escalateOverdueResults(f.db, deadline, sh('2026-03-02 23:00'))).toBe(0);
    expect(await escalateOverdueResults(f.db, deadline, sh('2026-03-03 00:00'))).toBe(1);
    expect((await events(held.resultId!)).filter((e) => e[0] === 'escalated' || e[0] === 'held').map((e) => [e[0], e[2]])).toEqual([
      ['held', HELD.toISOString()],
      ['escalated', MIDNIGHT.toISOString()],
      ['held', corrected.toISOString()],
      ['escalated', sh('2026-03-03 00:00').toISOString()],
    ]);
  });

  it('an unmatched held result counts from when it was held; matching it by hand does not start it again', async () => {
    const held = await results.ingest(record({ visitCode: undefined }), HELD, 'h');
    expect(held).toMatchObject({ match: 'unmatched', status: 'held' });
    expect(await results.matchByHand(held.resultId!, 'K7Q2M9', 'admin-token', sh('2026-02-24 15:00'))).toEqual({ ok: true, status: 'held' });
    expect(await row(held.resultId!)).toEqual({ status: 'held', heldAt: HELD, escalatedAt: null });
    expect(await escalateOverdueResults(f.db, deadline, MIDNIGHT)).toBe(1);
    expect((await events(held.resultId!)).map((e) => e[0])).toEqual(['stored', 'held', 'matched', 'escalated']);
  });

  it('the staff list: when held, the deadline day and when escalated; the escalated and overdue filters', async () => {
    const late = await results.ingest(record(), HELD, 'h');
    const fresh = await results.ingest(record({ hospitalResultId: 'LIS-0002', result: { category: 'breast', birads: '4B' } }), sh('2026-02-24 09:00'), 'h');
    const sent = await results.ingest(record({ hospitalResultId: 'LIS-0003', result: { category: 'cytology', tbs: 'NILM' } }), HELD, 'h');
    await escalateOverdueResults(f.db, deadline, MIDNIGHT);
    const now = sh('2026-02-25 08:00');
    const list = async (q: { escalated?: boolean; overdue?: boolean; status?: 'held' }) =>
      (await results.list({ from: '2026-01-01', to: '2026-02-28', take: 10, ...q }, now)).map((r) => r.id).sort();
    const rows = await results.list({ from: '2026-01-01', to: '2026-02-28', take: 10 }, now);
    expect(rows.map((r) => [r.id, r.status, r.heldAt, r.deadline, r.escalatedAt]).sort()).toEqual(
      [
        [late.resultId, 'held', HELD, '2026-02-24', MIDNIGHT],
        // Tuesday 24th: Wednesday, Thursday, Friday 27th
        [fresh.resultId, 'held', sh('2026-02-24 09:00'), '2026-02-27', null],
        [sent.resultId, 'sent', null, null, null],
      ].sort(),
    );
    expect(await list({ escalated: true })).toEqual([late.resultId]);
    expect(await list({ escalated: false })).toEqual([fresh.resultId, sent.resultId].sort());
    expect(await list({ overdue: true })).toEqual([late.resultId]);
    expect(await list({ overdue: false })).toEqual([fresh.resultId, sent.resultId].sort());
    expect(await list({ overdue: false, status: 'held' })).toEqual([fresh.resultId]);
  });
});
