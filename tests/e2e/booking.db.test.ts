// Booking in the chat through the real WeChat bot: book, change, cancel, a full day, the cut-off,
// the horizon and closed days. 项城市 demo capacity; today is Monday 2026-03-02, 09:00.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockWoman } from '../support/wechatHarness.js';
import { dbUnavailable } from '../support/testDb.js';
import { consentedWoman, eligibleWoman, contactOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

const ADMIN = 'test-admin-token';

describe.skipIf(dbUnavailable)('booking in the chat', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot({ env: { ADMIN_TOKEN: ADMIN } });
  });
  afterEach(async () => bot.stop());

  const staff = (method: string, path: string, body?: unknown) =>
    fetch(`http://127.0.0.1:${bot.current().port}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  /** Sets the weekly capacity of a service at 项城市妇幼保健院 (xc-mch). */
  async function capacity(serviceId: string, rules: { weekday: number; session: 'am' | 'pm'; capacity: number }[]) {
    const r = await staff('PUT', `/api/staff/hospitals/xc-mch/services/${serviceId}/capacity`, { rules });
    expect(r.status).toBe(200);
  }

  /** Walks the booking flow up to the day list for 两癌 at the first hospital. */
  async function toDayList(w: MockWoman): Promise<string> {
    const services = joined(await w.say('预约'));
    expect(services).toContain('您要预约哪一项');
    expect(services).toContain('1. 两癌筛查（宫颈癌和乳腺癌一起查）');
    expect(services).toContain('7. 大排畸超声（怀孕20到24周）');
    expect(joined(await w.say('1'))).toContain('您住在哪个乡镇');
    expect(joined(await w.say('丁集'))).toContain('请选医院');
    return joined(await w.say('1'));
  }

  async function pools(serviceId: string, day: string) {
    const slots = await bot.db().slot.findMany({ where: { hospitalId: 'xc-mch', serviceId, day }, include: { pools: true } });
    return Object.fromEntries(slots.map((s) => [s.session, s.pools.reduce((n, p) => n + p.booked, 0)]));
  }

  it('books 两癌: hospital of her township first, days with seats left, session, a code and what to bring', async () => {
    const w = await eligibleWoman(bot);
    const days = await toDayList(w);
    expect(days).toContain('请选日子');
    expect(days).toContain('1. 2026年3月3日 周二（还剩60个）');
    expect(days).not.toContain('2026年3月2日'); // nothing for today
    const sessions = joined(await w.say('1'));
    expect(sessions).toContain('1. 上午（还剩40个）');
    expect(sessions).toContain('2. 下午（还剩20个）');
    const preview = joined(await w.say('上午'));
    expect(preview).toContain('宫颈癌筛查、乳腺癌筛查');
    expect(preview).toContain('2026年3月3日 周二 上午');
    const details = joined(await w.say('是'));
    expect(details).toMatch(/约好了！预约号：[A-Z2-9]{6}/);
    expect(details).toContain('医院：项城市妇幼保健院');
    expect(details).toContain('要带：身份证');
    expect(details).toContain('去之前3天不要同房');

    const contact = (await contactOf(bot.db(), w))!;
    const bookings = await bot.db().booking.findMany({ where: { contactId: contact.id }, orderBy: { serviceId: 'asc' } });
    expect(bookings.map((b) => [b.serviceId, b.day, b.session, b.status])).toEqual([
      ['breast', '2026-03-03', 'am', 'confirmed'],
      ['cervical', '2026-03-03', 'am', 'confirmed'],
    ]);
    // one visit code for both services (stored as CODE and CODE-2)
    const visitCode = details.match(/预约号：([A-Z2-9]{6})/)![1];
    expect(bookings.map((b) => b.code.split('-')[0])).toEqual([visitCode, visitCode]);
    expect(await pools('cervical', '2026-03-03')).toMatchObject({ am: 1, pm: 0 });

    // asking again shows the booking and offers to change it
    const again = joined(await w.say('预约'));
    expect(joined(await w.say('1'))).toContain('您已经约好了');
    expect(again).toContain('您要预约哪一项');
  });

  it('changes a booking: the old seat is released as the new one is taken', async () => {
    const w = await eligibleWoman(bot);
    await toDayList(w);
    await w.say('1');
    await w.say('上午');
    await w.say('是');
    const list = joined(await w.say('改约'));
    expect(list).toContain('请选日子');
    await w.say('2'); // 3月4日
    await w.say('下午');
    const changed = joined(await w.say('是'));
    expect(changed).toContain('2026年3月4日 周三 下午');
    expect(await pools('cervical', '2026-03-03')).toMatchObject({ am: 0 });
    expect(await pools('cervical', '2026-03-04')).toMatchObject({ pm: 1 });
    const contact = (await contactOf(bot.db(), w))!;
    const active = await bot.db().booking.findMany({ where: { contactId: contact.id, status: 'confirmed' } });
    expect(active.map((b) => b.day)).toEqual(['2026-03-04', '2026-03-04']);
  });

  it('after 16:00 the day before, a booking can no longer be changed or cancelled in the chat', async () => {
    const w = await eligibleWoman(bot);
    await toDayList(w);
    await w.say('1'); // 3月3日
    await w.say('上午');
    await w.say('是');
    await bot.advanceClock('2026-03-02T16:30:00+08:00');
    const change = joined(await w.say('改约'));
    expect(change).toContain('已经过了能改的时间（去的前一天下午16点以后就不能改了）');
    expect(change).toContain('0394-4316120');
    await w.say('取消预约');
    expect(joined(await w.say('是'))).toContain('已经过了能取消的时间');
    const contact = (await contactOf(bot.db(), w))!;
    expect((await bot.db().booking.findMany({ where: { contactId: contact.id } })).map((b) => b.status)).toEqual(['confirmed', 'confirmed']);
  });

  it('cancels a booking from 我的预约', async () => {
    const w = await eligibleWoman(bot);
    await toDayList(w);
    await w.say('1');
    await w.say('上午');
    await w.say('是');
    const mine = joined(await w.say('我的预约'));
    expect(mine).toMatch(/· 宫颈癌筛查、乳腺癌筛查：2026年3月3日 周二 上午，项城市妇幼保健院（预约号 [A-Z2-9]{6}）/);
    expect(mine).toContain('要改约或取消吗');
    expect(joined(await w.say('2'))).toContain('确定要取消这个预约吗');
    expect(joined(await w.say('是'))).toContain('已经取消了');
    expect(await pools('cervical', '2026-03-03')).toMatchObject({ am: 0 });
    expect(joined(await w.say('我的预约'))).toContain('您现在没有预约');
  });

  it('a day that filled up while she decided: told so, with the next free days in the same reply', async () => {
    await capacity('cervical', [
      { weekday: 2, session: 'am', capacity: 1 },
      { weekday: 3, session: 'am', capacity: 5 },
    ]);
    await capacity('breast', [
      { weekday: 2, session: 'am', capacity: 1 },
      { weekday: 3, session: 'am', capacity: 5 },
    ]);
    const a = await eligibleWoman(bot);
    const b = await eligibleWoman(bot);
    expect(await toDayList(a)).toContain('1. 2026年3月3日 周二（还剩1个）');
    await toDayList(b);
    expect(joined(await b.say('1'))).toContain('请确认'); // one session: taken without asking
    await a.say('1');
    expect(joined(await a.say('是'))).toContain('约好了');
    const lost = await b.say('是');
    expect(lost[0]).toBe('抱歉，刚才这个时间被别人约满了。看看其他日子：');
    expect(joined(lost)).toContain('1. 2026年3月4日 周三（还剩5个）');
    expect(joined(lost)).not.toContain('3月3日');
  });

  it('checks eligibility first when she has not asked yet, then goes on to booking', async () => {
    const w = await consentedWoman(bot);
    // what to book is read from her words: the list is not shown
    const check = joined(await w.say('我想预约两癌筛查'));
    expect(check).not.toContain('您要预约哪一项');
    expect(check).toContain('预约前，先帮您看看您能不能参加这个项目');
    expect(check).toContain('请告诉我您的出生日期');
    for (const a of ['1978年5月6日', '1', '1', '不会', '同意', '没有', '没有', '没有', '有']) await w.say(a);
    const answer = joined(await w.say('没有'));
    expect(answer).toContain('好消息');
    expect(answer).toContain('您住在哪个乡镇');
  });

  it('a woman told she does not qualify cannot book, and is told how to check again', async () => {
    const w = await consentedWoman(bot);
    await w.say('1');
    expect(joined(await w.say('1995年1月1日'))).toContain('还不到年龄');
    await w.say('预约');
    const r = joined(await w.say('1'));
    expect(r).toContain('您暂时不符合这个项目的条件');
    expect(r).toContain('重新回答');
    expect(await bot.db().booking.count()).toBe(0);
  });

  it('respects the cut-off (after 16:00 nothing for tomorrow) and the 14-day horizon, and never offers a closed day', async () => {
    expect((await staff('POST', '/api/staff/hospitals/xc-mch/closures', { day: '2026-03-05', session: 'all', reason: '设备检修' })).status).toBe(200);
    await bot.advanceClock('2026-03-02T16:30:00+08:00');
    const w = await eligibleWoman(bot);
    const days = await toDayList(w);
    expect(days).not.toContain('3月3日');
    expect(days).toContain('1. 2026年3月4日 周三');
    expect(days).not.toContain('3月5日');
    // only days up to the horizon (2026-03-16) ever have slots
    const latest = await bot.db().slot.findFirst({ where: { hospitalId: 'xc-mch' }, orderBy: { day: 'desc' } });
    expect(latest!.day <= '2026-03-16').toBe(true);
  });
});
