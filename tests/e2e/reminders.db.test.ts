// Appointment reminders through the real WeChat bot: the evening before each visit, moved when the
// visit is changed, gone when it is cancelled or she writes 退订, back after 订阅, never twice.
// 项城市 demo county; today is Monday 2026-03-02, 09:00; reminders go out at 18:00 the day before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockWoman } from '../support/wechatHarness.js';
import { dbUnavailable } from '../support/testDb.js';
import { consentedWoman, contactOf, eligibleWoman, joined, startE2EBot, type E2EBot, sentTo } from '../support/e2eBot.js';

const ADMIN = 'test-admin-token';
const PREPARATION = '查宫颈不要在来月经的时候去；去之前3天不要同房，不要冲洗下身，不要往阴道里放药。';

describe.skipIf(dbUnavailable)('appointment reminders', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot({ env: { ADMIN_TOKEN: ADMIN } });
  });
  afterEach(async () => bot.stop());

  /** Books 两癌 at 项城市妇幼保健院 on the n-th day offered (1 = Tue 3月3日), in the given session; returns the visit code. */
  async function book(w: MockWoman, dayOption: string, session: '上午' | '下午'): Promise<string> {
    await w.say('预约');
    await w.say('1');
    await w.say('丁集');
    await w.say('1');
    await w.say(dayOption);
    await w.say(session);
    const details = joined(await w.say('是'));
    expect(details).toContain('约好了');
    return details.match(/预约号：([A-Z2-9]{6})/)![1];
  }

  async function reminderRows(w: MockWoman) {
    const contact = (await contactOf(bot.db(), w))!;
    return bot.db().outboxMessage.findMany({ where: { contactId: contact.id, dedupeKey: { startsWith: 'reminder:' } }, orderBy: { createdAt: 'asc' } });
  }

  function expectedReminder(date: string, session: string, code: string): string {
    return [
      '明天别忘了去检查：',
      '项目：宫颈癌筛查、乳腺癌筛查',
      `时间：${date} ${session}`,
      '医院：项城市妇幼保健院',
      '地址：项城市莲花大道与团结路交叉口向东200米（示例地址，请核对）',
      `要带：身份证，报预约号 ${code}。`,
      PREPARATION,
      '去不了请打电话告诉医院：0394-4316120',
    ].join('\n');
  }

  it('the evening before the visit, with the address, session, what to bring and how to prepare; a change moves it', async () => {
    const w = await eligibleWoman(bot);
    const code = await book(w, '2', '上午'); // Wed 3月4日: reminded Tue (tomorrow) 18:00, queued with the booking
    const queued = await reminderRows(w);
    expect(queued.map((r) => [r.status, r.notBefore.toISOString(), r.text])).toEqual([
      ['queued', '2026-03-03T10:00:00.000Z', expectedReminder('2026年3月4日 周三', '上午', code)],
    ]);

    // moved to Thursday afternoon the next morning: Tuesday's reminder is cancelled, Wednesday's is queued
    await bot.advanceClock('2026-03-03T09:00:00+08:00');
    await w.say('改约');
    await w.say('2'); // 3月5日 (3月4日 is now the first day offered)
    await w.say('下午');
    expect(joined(await w.say('是'))).toContain('2026年3月5日 周四 下午');
    const after = await reminderRows(w);
    expect(after.map((r) => [r.status, r.lastError, r.notBefore.toISOString()])).toEqual([
      ['cancelled', 'replanned', '2026-03-03T10:00:00.000Z'],
      ['queued', null, '2026-03-04T10:00:00.000Z'],
    ]);

    await bot.advanceClock('2026-03-05T12:00:00+08:00');
    expect(await sentTo(bot, w)).toEqual([['2026-03-04', '18:00', expectedReminder('2026年3月5日 周四', '下午', code)]]);
    expect(w.received.filter((t) => t.startsWith('明天别忘了去检查'))).toHaveLength(1);
  });

  it('a cancelled visit is not reminded', async () => {
    const w = await eligibleWoman(bot);
    await book(w, '1', '上午'); // Tue 3月3日: reminder today 18:00, queued with the booking
    expect((await reminderRows(w)).map((r) => [r.status, r.notBefore.toISOString()])).toEqual([['queued', '2026-03-02T10:00:00.000Z']]);
    await w.say('取消预约');
    expect(joined(await w.say('是'))).toContain('已经取消了');
    // (the visit's two bookings end one after the other: the reminder of what is left in between is cancelled too)
    expect((await reminderRows(w)).every((r) => r.status === 'cancelled')).toBe(true);
    await bot.advanceClock('2026-03-03T12:00:00+08:00');
    expect(await sentTo(bot, w)).toEqual([]);
  });

  it('退订 cancels her queued messages at once; 订阅 brings back the ones still ahead', async () => {
    const w = await eligibleWoman(bot);
    const code = await book(w, '1', '上午');
    expect(joined(await w.say('退订'))).toContain('不再');
    expect((await reminderRows(w)).map((r) => [r.status, r.lastError])).toEqual([['cancelled', 'unsubscribed']]);
    await bot.advanceClock('2026-03-02T12:00:00+08:00');
    await w.say('订阅');
    expect((await reminderRows(w)).map((r) => r.status)).toEqual(['queued']);
    await bot.advanceClock('2026-03-02T20:30:00+08:00');
    expect(await sentTo(bot, w)).toEqual([['2026-03-02', '18:00', expectedReminder('2026年3月3日 周二', '上午', code)]]);
  });

  it('after 退订 the evening planner queues nothing for her', async () => {
    const w = await eligibleWoman(bot);
    await book(w, '第3个', '上午'); // Thu 3月5日 (a bare 3 is also 3号, the first day: she would be asked which): reminded Wed, queued by Tuesday evening's job
    await w.say('退订');
    await bot.advanceClock('2026-03-05T12:00:00+08:00');
    expect(await reminderRows(w)).toEqual([]);
    expect(await sentTo(bot, w)).toEqual([]);
  });

  it('a reminder is queued once however often the planner runs', async () => {
    const w = await eligibleWoman(bot);
    await book(w, '第3个', '上午'); // Thu 3月5日: reminded Wed 3月4日
    const app = bot.current().app;
    const now = bot.current().clock.now();
    for (let i = 0; i < 3; i++) {
      const r = await app.planner.planDay('2026-03-04', now);
      expect(r).toEqual({ planned: 1, queued: i === 0 ? 1 : 0 });
    }
    // the same again concurrently, and the evening job replayed by a clock jump
    const again = await Promise.all([1, 2, 3].map(() => app.planner.planDay('2026-03-04', now)));
    expect(again.map((r) => r.queued)).toEqual([0, 0, 0]);
    await bot.advanceClock('2026-03-05T12:00:00+08:00');
    const rows = await reminderRows(w);
    expect(rows.map((r) => r.status)).toEqual(['sent']);
    expect(w.received.filter((t) => t.startsWith('明天别忘了去检查'))).toHaveLength(1);
  });

  it('a woman who asked before she was 35 is reminded on her 35th birthday, at 10:00', async () => {
    const w = await consentedWoman(bot);
    await w.say('1');
    const answer = joined(await w.say('1992年3月5日'));
    expect(answer).toContain('您在2027年3月5日满35岁，从那天起就可以参加，到时候我会发消息提醒您。');
    await bot.advanceClock('2027-03-06T12:00:00+08:00');
    expect(await sentTo(bot, w)).toEqual([
      ['2027-03-05', '10:00', '您好！您满35岁了，可以参加两癌免费筛查了，不用花钱。回复“预约”约时间。不想再收提醒，回复“退订”。'],
    ]);
  });

  it('a woman screened at a visit is reminded when the interval (Henan: 5 years) has passed', async () => {
    const w = await eligibleWoman(bot);
    const code = await book(w, '1', '上午'); // Tue 3月3日
    await bot.advanceClock('2026-03-03T10:00:00+08:00');
    const r = await fetch(`http://127.0.0.1:${bot.current().port}/api/staff/hospitals/xc-mch/attendance`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(r.status).toBe(200);
    // (a clock jump replays at most 400 days of planning: jump close first, then over the day)
    await bot.advanceClock('2031-02-20T12:00:00+08:00');
    await bot.advanceClock('2031-03-04T12:00:00+08:00');
    const sent = await sentTo(bot, w);
    expect(sent.slice(1)).toEqual([
      ['2031-03-03', '10:00', '您好！上次做两癌免费筛查到现在快5年了，现在又可以免费查了。回复“预约”约时间。不想再收提醒，回复“退订”。'],
    ]);
    expect(sent[0].slice(0, 2)).toEqual(['2026-03-02', '18:00']); // the appointment reminder
  });
});
