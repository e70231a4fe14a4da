// Timed messages that go out after their day (the service was down over their evening, or the
// account was held back): each is worded for the day it goes out, what no longer makes sense is left
// out and recorded for staff, and a part a later message of hers says is said once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { bookingRow, clearRows, dispatcherFor, openReminderFixture, pregnancy, sh, woman, type ReminderFixture } from './reminderFixtures.js';

describe.skipIf(dbUnavailable)('late timed messages', () => {
  let f: ReminderFixture;
  beforeAll(async () => {
    f = await openReminderFixture();
  });
  afterAll(async () => f.close());
  beforeEach(async () => clearRows(f.db));

  const row = (dedupeKey: string) => f.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });
  const drops = () =>
    f.db.reminderDrop.findMany({ orderBy: { what: 'asc' }, select: { kind: true, plannedDay: true, what: true, reason: true, day: true, messageSent: true } });
  /** The review of the message queued under `key`, at `at`. */
  const reviewAt = async (key: string, at: string) => f.planner.review(await row(key), sh(at));

  /** A mother who agreed to the newborn reminders for her baby born on 2026-03-01. */
  const babyBornOnMarch1 = async (id: string) => {
    await woman(f.db, id);
    await pregnancy(f.db, id, {
      dueDate: '2026-03-05',
      status: 'born',
      birthDate: '2026-03-01',
      endedOn: '2026-03-01',
      guardianConsentAt: sh('2026-03-01 12:00'),
    });
  };

  // due 2026-09-28: NT's window is 2026-03-09 … 2026-03-29 (11w0d … 13w6d), its alerts 03-06, 03-09, 03-22
  const NT_CLOSING = 'preg:p-w1:2026-03-22:first-visit.closing+nt.closing';

  it('"还剩7天" becomes the days really left; the last day says so; a closed window is dropped and recorded', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    expect(await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'))).toEqual({ planned: 1, queued: 1 });
    // on its day: its own words
    expect((await row(NT_CLOSING)).text).toContain('· NT超声检查：还剩7天，最晚2026年3月29日。还没做的话请抓紧约。');
    // two days late
    const late = await reviewAt(NT_CLOSING, '2026-03-24 10:00');
    expect(late.cancel).toBeUndefined();
    expect(late.text!.split('\n')).toEqual([
      '孕期提醒：您今天怀孕13周1天了（预产期2026年9月28日）。',
      '· 第一次产检建档：最晚2026年3月29日，还剩5天。还没建档的话，请带上身份证去乡镇卫生院或县妇幼保健院办，不用在这里预约。',
      '· NT超声检查：还剩5天，最晚2026年3月29日。还没做的话请抓紧约。',
      '回复“预约”约时间；已经做过了，回复“做过了”。不想再收提醒，回复“退订”。',
    ]);
    expect((await reviewAt(NT_CLOSING, '2026-03-29 08:00')).text).toContain('· NT超声检查：今天是最后一天，最晚2026年3月29日。');
    // the windows closed: nothing is sent, and staff see why (the log says only why, not which screening)
    const logs: string[] = [];
    const { dispatcher, sent } = dispatcherFor(f, logs);
    expect(await dispatcher.runOnce(sh('2026-03-30 09:00'))).toMatchObject({ sent: 0, cancelled: 1 });
    expect(sent).toEqual([]);
    expect((await row(NT_CLOSING)).lastError).toBe(
      'cancelled: late (planned for 2026-03-22): window_closed first-visit 2026-03-29, window_closed nt 2026-03-29',
    );
    expect(logs.join('\n')).toContain('"reason":"late: window_closed"');
    expect(logs.join('\n')).not.toMatch(/first-visit|window_closed nt|2026-03-29/);
    expect(await drops()).toEqual([
      { kind: 'prenatal', plannedDay: '2026-03-22', what: 'first-visit', reason: 'window_closed', day: '2026-03-29', messageSent: false },
      { kind: 'prenatal', plannedDay: '2026-03-22', what: 'nt', reason: 'window_closed', day: '2026-03-29', messageSent: false },
    ]);
    expect((await f.planner.dropped('2026-03-30', '2026-03-30', 10)).map((d) => [d.what, d.name])).toEqual([
      ['first-visit', '第一次产检建档'],
      ['nt', 'NT超声检查'],
    ]);
  });

  it('two late alerts of one window: one message, the window said once, as open now with the days left', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    // the evenings of 03-05 and 03-08 planned after a stop (the alerts "3天后" and "从今天起")
    await f.planner.planDay('2026-03-06', sh('2026-03-10 09:00'));
    await f.planner.planDay('2026-03-09', sh('2026-03-10 09:00'));
    const { dispatcher, sent } = dispatcherFor(f);
    for (let i = 0; i < 3; i++) await dispatcher.runOnce(sh('2026-03-10 09:00'));
    expect(sent).toEqual([
      [
        '孕期提醒：您今天怀孕11周1天了（预产期2026年9月28日）。',
        '· NT超声检查：现在可以做了，最晚2026年3月29日（怀孕13周6天），还剩19天。',
        '回复“预约”约时间；已经做过了，回复“做过了”。不想再收提醒，回复“退订”。',
      ].join('\n'),
    ]);
    const first = await row('preg:p-w1:2026-03-06:nt.soon');
    expect([first.status, first.text]).toEqual(['sent', sent[0]]);
    expect((await row('preg:p-w1:2026-03-09:nt.open')).lastError).toBe(`cancelled: merged into ${first.id}`);
    // nothing was left out: nothing for staff
    expect(await drops()).toEqual([]);
    // sent once: nothing more to send
    expect(await dispatcher.runOnce(sh('2026-03-10 10:00'))).toMatchObject({ sent: 0, cancelled: 0 });
  });

  it('after a long stop, her late alerts of different days and screenings go out as one message', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    for (const day of ['2026-03-06', '2026-03-09', '2026-03-22']) await f.planner.planDay(day, sh('2026-03-23 08:00'));
    const { dispatcher, sent } = dispatcherFor(f);
    for (let i = 0; i < 4; i++) await dispatcher.runOnce(sh('2026-03-23 09:00'));
    expect(sent).toEqual([
      [
        '孕期提醒：您今天怀孕13周了（预产期2026年9月28日）。',
        '· 第一次产检建档：最晚2026年3月29日，还剩6天。还没建档的话，请带上身份证去乡镇卫生院或县妇幼保健院办，不用在这里预约。',
        '· NT超声检查：还剩6天，最晚2026年3月29日。还没做的话请抓紧约。',
        '回复“预约”约时间；已经做过了，回复“做过了”。不想再收提醒，回复“退订”。',
      ].join('\n'),
    ]);
    expect(await f.db.outboxMessage.count({ where: { status: 'cancelled', lastError: { startsWith: 'cancelled: merged into' } } })).toBe(2);
  });

  it("a late alert leaves to today's message, not yet due, what it will say; then today's goes out in its own words", async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    // the 03-06 alert held over; today's (03-09, 10:00) planned the evening before
    await f.planner.planDay('2026-03-06', sh('2026-03-05 20:00'));
    await f.planner.planDay('2026-03-09', sh('2026-03-08 20:00'));
    const { dispatcher, sent } = dispatcherFor(f);
    await dispatcher.runOnce(sh('2026-03-09 08:30'));
    expect(sent).toEqual([]);
    expect((await row('preg:p-w1:2026-03-06:nt.soon')).lastError).toBe('cancelled: late (planned for 2026-03-06): in_later_message nt');
    await dispatcher.runOnce(sh('2026-03-09 10:00'));
    expect(sent.map((t) => t.split('\n')[1])).toEqual(['· NT超声检查：从今天起可以做了，最晚2026年3月29日（怀孕13周6天）。']);
  });

  it('an alert merged from a day after a message she was sent is newer, and is said', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    for (const day of ['2026-03-06', '2026-03-09', '2026-03-22']) await f.planner.planDay(day, sh('2026-03-05 20:00'));
    // the 03-09 alert ("从今天起") was sent; the 03-06 and 03-22 ones were held to the 23rd
    await f.db.outboxMessage.update({ where: { dedupeKey: 'preg:p-w1:2026-03-09:nt.open' }, data: { status: 'sent', sentAt: sh('2026-03-09 10:00') } });
    const { dispatcher, sent } = dispatcherFor(f);
    for (let i = 0; i < 3; i++) await dispatcher.runOnce(sh('2026-03-23 09:00'));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('· NT超声检查：还剩6天，最晚2026年3月29日。还没做的话请抓紧约。');
    expect(sent[0]).toContain('· 第一次产检建档：最晚2026年3月29日，还剩6天。');
  });

  it('a merged message that fails for good gives back what was merged into it, which then goes out', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    for (const day of ['2026-03-06', '2026-03-09', '2026-03-22']) await f.planner.planDay(day, sh('2026-03-23 08:00'));
    const { dispatcher, sent, channel } = dispatcherFor(f);
    const works = channel.send;
    channel.send = async () => {
      throw new Error('the phone is gone');
    };
    // five attempts, the back-off between them (at most an hour) waited out
    for (let i = 0; i < 6; i++) await dispatcher.runOnce(sh(`2026-03-23 ${String(9 + i * 2).padStart(2, '0')}:00`));
    const failed = await row('preg:p-w1:2026-03-06:nt.soon');
    expect(failed.status).toBe('failed');
    // nothing is left merged into it: given back (and taken up by the next message tried)
    expect(await f.db.outboxMessage.count({ where: { lastError: `cancelled: merged into ${failed.id}` } })).toBe(0);
    // the channel back: the two go out as one message, the screenings said once
    channel.send = works;
    for (let i = 0; i < 3; i++) await dispatcher.runOnce(sh('2026-03-24 09:00'));
    expect(sent).toHaveLength(1);
    expect(
      sent[0]
        .split('\n')
        .filter((l) => l.startsWith('· '))
        .map((l) => l.split('：')[0]),
    ).toEqual(['· 第一次产检建档', '· NT超声检查']);
  });

  it("a baby's late screens go out as one message, each screen once, worded for the day", async () => {
    // born 03-01: heel blood from day 3 to day 7 (03-08), its alerts on 03-04 and 03-07
    await babyBornOnMarch1('w3');
    for (const day of ['2026-03-04', '2026-03-07']) await f.planner.planDay(day, sh('2026-03-07 09:00'));
    const { dispatcher, sent } = dispatcherFor(f);
    for (let i = 0; i < 3; i++) await dispatcher.runOnce(sh('2026-03-07 11:00'));
    expect(sent).toEqual([
      [
        '宝宝的新生儿足跟血筛查最晚在2026年3月8日做（出生后第7天），还剩1天。还没做的话，请今天就联系接生的医院。早产或生病住院的宝宝，最晚出生后第20天。',
        '已经做过了，回复“做过了”。不想再收提醒，回复“退订”。',
      ].join('\n'),
    ]);
  });

  it('a screening booked meanwhile is left out; another still open is sent', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
    await bookingRow(f.db, 'w1', { serviceId: 'nt', day: '2026-03-25', status: 'confirmed' });
    const r = await reviewAt(NT_CLOSING, '2026-03-23 10:00');
    expect(r.text).toContain('· 第一次产检建档：最晚2026年3月29日，还剩6天。');
    expect(r.text).not.toContain('NT');
    const { dispatcher, sent } = dispatcherFor(f);
    await dispatcher.runOnce(sh('2026-03-23 10:00'));
    expect(sent).toEqual([r.text]);
    expect(await drops()).toEqual([{ kind: 'prenatal', plannedDay: '2026-03-22', what: 'nt', reason: 'booked_or_done', day: null, messageSent: true }]);
  });

  it("an appointment reminder is sent on the visit's day until an hour before its session ends, worded for today; after, dropped", async () => {
    await woman(f.db, 'w2');
    await bookingRow(f.db, 'w2', { serviceId: 'nt', day: '2026-03-10', status: 'confirmed', code: 'K7Q2M9' });
    await f.planner.planDay('2026-03-09', sh('2026-03-08 20:00'));
    const [key] = (await f.db.outboxMessage.findMany({ select: { dedupeKey: true } })).map((m) => m.dedupeKey);
    expect((await row(key)).text).toMatch(/^明天别忘了去检查：/);
    const morning = await reviewAt(key, '2026-03-10 08:30');
    expect(morning.text).toMatch(/^今天别忘了去检查：\n项目：NT超声检查\n时间：2026年3月10日 周二 上午/);
    expect(morning.text).toContain('K7Q2M9');
    expect((await reviewAt(key, '2026-03-10 10:55')).text).toMatch(/^今天别忘了去检查：/);
    // the morning session ends at 12:00: within the hour it is too late to set out
    expect(await reviewAt(key, '2026-03-10 11:00')).toMatchObject({ cancel: 'late (planned for 2026-03-09): visit_passed visit 2026-03-10' });
    expect(await reviewAt(key, '2026-03-10 12:30')).toMatchObject({ cancel: 'late (planned for 2026-03-09): visit_passed visit 2026-03-10' });
    expect(await reviewAt(key, '2026-03-11 09:00')).toMatchObject({ cancel: 'late (planned for 2026-03-09): visit_passed visit 2026-03-10' });
  });

  it('newborn and birth questions: the days counted from the day they go out; a closed window dropped', async () => {
    // born 03-01: heel blood from day 3 to day 7 (03-08), its alerts on 03-04 and 03-07
    await babyBornOnMarch1('w3');
    await f.planner.planDay('2026-03-04', sh('2026-03-03 20:00'));
    const heel = 'newborn:p-w3:2026-03-04:heel-blood.open';
    expect((await row(heel)).text).toMatch(/^宝宝出生满3天了。/);
    const late = await reviewAt(heel, '2026-03-06 10:00');
    expect(late.text).toMatch(/^宝宝的新生儿足跟血筛查（在脚后跟扎一下取几滴血，查几种先天的病）要在出生后3到7天做，最晚2026年3月8日，还剩2天。/);
    expect(await reviewAt(heel, '2026-03-09 10:00')).toMatchObject({ cancel: 'late (planned for 2026-03-04): window_closed heel-blood 2026-03-08' });

    await woman(f.db, 'w4');
    // due 03-01, asked on the 7th day after it (03-08), sent on 03-10
    await pregnancy(f.db, 'w4', { dueDate: '2026-03-01' });
    await f.planner.planDay('2026-03-08', sh('2026-03-07 20:00'));
    const ask = 'preg:p-w4:2026-03-08:birth-check';
    expect((await row(ask)).text).toContain('已经过了7天');
    expect((await reviewAt(ask, '2026-03-10 10:00')).text).toContain('已经过了9天');
  });
});
