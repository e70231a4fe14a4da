// Issue 11, point 3, through the mock WeChat bot (项城市; today is Monday 2026-03-02, 09:00): a
// woman who cannot come gives her seat back after the cut-off (it goes to the woman waiting, she is
// no no-show); a closure is told to her even after 退订; seats added later (capacity raised, a
// closure lifted, reserved seats released) go to the waitlist at once; a waiting place that ends is told.
import { afterEach, describe, expect, it } from 'vitest';
import { CapacityService } from '../../src/services/capacity/CapacityService.js';
import { dbUnavailable } from '../support/testDb.js';
import { consentedWoman, contactOf, eligibleWoman, joined, sentTo, startE2EBot, type E2EBot } from '../support/e2eBot.js';
import type { MockWoman } from '../support/wechatHarness.js';

const TOKEN = 'a-staff-token-of-test-16';
const HOSPITAL = 'xc-mch';

describe.skipIf(dbUnavailable)('booking seats through the WeChat bot', () => {
  let bot: E2EBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  const start = () => startE2EBot({ env: { ADMIN_TOKEN: TOKEN } });
  const staff = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`http://127.0.0.1:${bot!.current().port}/api/staff${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(r.status).toBe(200);
    return (await r.json()) as Record<string, unknown>;
  };
  const idOf = async (w: MockWoman) => (await contactOf(bot!.db(), w))!.id;
  const bookingsOf = async (w: MockWoman) =>
    bot!.db().booking.findMany({ where: { contactId: await idOf(w) }, orderBy: [{ day: 'asc' }, { serviceId: 'asc' }] });
  const wait = async (w: MockWoman, serviceIds: string[], dateFrom: string, dateTo: string) => {
    const r = await bot!
      .current()
      .app.booking.joinWaitlist({ contactId: await idOf(w), hospitalId: HOSPITAL, serviceIds, dateFrom, dateTo, now: bot!.current().clock.now() });
    expect(r.ok).toBe(true);
  };
  const capacity = () => new CapacityService({ db: bot!.db(), provider: bot!.current().app.dbHandle.provider });
  const slots = async (serviceId: string, from: string, to: string) => void (await capacity().ensureSlots(HOSPITAL, serviceId, from, to));

  it('after the cut-off she can still give back tomorrow’s seat: the woman waiting is offered it with a hold before the session, and she is no no-show', async () => {
    bot = await start();
    const a = await eligibleWoman(bot);
    for (const answer of ['预约', '1', '丁集', '1', '1', '上午']) await a.say(answer); // Tue 3月3日 上午
    expect(joined(await a.say('是'))).toContain('约好了');
    const b = await consentedWoman(bot);
    await wait(b, ['cervical', 'breast'], '2026-03-03', '2026-03-03');

    // the evening reminder tells her how to give the seat back
    await bot.advanceClock('2026-03-02T19:00:00+08:00');
    const reminder = await sentTo(bot, a);
    expect(reminder).toHaveLength(1);
    expect(reminder[0].slice(0, 2)).toEqual(['2026-03-02', '18:00']);
    expect(reminder[0][2]).toContain('去不了请回复“取消预约”');

    expect(joined(await a.say('明天去不了了 取消预约'))).toContain('确定要取消这个预约吗');
    const done = joined(await a.say('是'));
    expect(done).toContain('已经取消了');
    expect(done).not.toContain('已经过了');
    expect((await bookingsOf(a)).map((x) => x.status)).toEqual(['cancelled', 'cancelled']);

    // the seats are held for the woman waiting until 21:00 (two hours, well before 08:00 tomorrow)
    const held = await bookingsOf(b);
    expect(held.map((x) => [x.serviceId, x.day, x.session, x.status])).toEqual([
      ['breast', '2026-03-03', 'am', 'held'],
      ['cervical', '2026-03-03', 'am', 'held'],
    ]);
    expect(held.every((x) => x.heldUntil?.toISOString() === '2026-03-02T13:00:00.000Z')).toBe(true);
    await bot.advanceClock('2026-03-02T19:01:00+08:00');
    const offer = await sentTo(bot, b);
    expect(offer.map((m) => m.slice(0, 2))).toEqual([['2026-03-02', '19:00']]);
    expect(offer[0][2]).toContain('有空位了');
    expect(offer[0][2]).toContain('给您留到21:00');
    expect(joined(await b.say('确认预约'))).toContain('约好了');
    expect((await bookingsOf(b)).map((x) => x.status)).toEqual(['confirmed', 'confirmed']);

    // after the day: she is not a no-show; her cancelled seats are not counted against her
    await bot.advanceClock('2026-03-04T09:00:00+08:00');
    expect((await contactOf(bot.db(), a))!.noShows).toBe(0);
    expect((await bookingsOf(a)).map((x) => x.status)).toEqual(['cancelled', 'cancelled']);
    expect((await sentTo(bot, a)).map((m) => m[2]).filter((t) => t.includes('没有记到您去'))).toEqual([]);
    // (the woman who took the seat and did not come is)
    expect((await contactOf(bot.db(), b))!.noShows).toBe(1);
  });

  it('late in the evening an afternoon seat given back is offered after the quiet hours; a session over cannot be cancelled and is a no-show', async () => {
    bot = await start();
    const a = await eligibleWoman(bot);
    for (const answer of ['预约', '1', '丁集', '1', '1', '下午']) await a.say(answer); // Tue 3月3日 下午
    expect(joined(await a.say('是'))).toContain('约好了');
    const b = await consentedWoman(bot);
    await wait(b, ['cervical', 'breast'], '2026-03-03', '2026-03-03');
    await bot.advanceClock('2026-03-02T22:30:00+08:00');
    await a.say('取消预约');
    expect(joined(await a.say('是'))).toContain('已经取消了');
    // held from 08:00 (the end of the quiet hours) for two hours: until 10:00, before 14:00
    const held = await bookingsOf(b);
    expect(held.map((x) => [x.status, x.heldUntil?.toISOString()])).toEqual([
      ['held', '2026-03-03T02:00:00.000Z'],
      ['held', '2026-03-03T02:00:00.000Z'],
    ]);
    await bot.advanceClock('2026-03-03T08:30:00+08:00');
    const offer = await sentTo(bot, b);
    expect(offer.map((m) => m.slice(0, 2))).toEqual([['2026-03-03', '08:00']]);
    expect(offer[0][2]).toContain('10:00');

    // a third woman's morning visit today: refused once the session is over, and she is a no-show after the day
    const c = await eligibleWoman(bot);
    const cId = await idOf(c);
    const r = await bot.current().app.booking.book({
      contactId: cId,
      hospitalId: HOSPITAL,
      serviceIds: ['cervical', 'breast'],
      day: '2026-03-04',
      session: 'am',
      regionIds: [],
      priority: false,
      now: bot.current().clock.now(),
    });
    expect(r.ok).toBe(true);
    await bot.advanceClock('2026-03-04T12:30:00+08:00');
    await c.say('取消预约');
    expect(joined(await c.say('是'))).toContain('这个预约的时间已经过了，不能再取消了');
    expect((await bookingsOf(c)).map((x) => x.status)).toEqual(['confirmed', 'confirmed']);
    await bot.advanceClock('2026-03-05T09:00:00+08:00');
    expect((await contactOf(bot.db(), c))!.noShows).toBe(1);
  });

  it('a closure is told to her even after 退订; 退订 still cancels her other queued messages', async () => {
    bot = await start();
    const a = await eligibleWoman(bot);
    for (const answer of ['预约', '1', '丁集', '1', '2', '上午']) await a.say(answer); // Wed 3月4日 上午
    expect(joined(await a.say('是'))).toContain('约好了');
    const aId = await idOf(a);
    await bot.advanceClock('2026-03-02T22:00:00+08:00');
    await staff('POST', `/hospitals/${HOSPITAL}/closures`, { day: '2026-03-04', session: 'all', reason: '停电' });
    // something else still queued for her (a reminder), which 退订 must stop
    await bot.db().outboxMessage.create({
      data: {
        contactId: aId,
        channel: 'wechat',
        externalId: a.id,
        text: '复查提醒',
        dedupeKey: `rescreen:${aId}:2026-03-03`,
        notBefore: new Date('2026-03-03T02:00:00Z'),
        createdAt: new Date(),
      },
    });
    expect(joined(await a.say('退订'))).not.toBe('');
    expect((await contactOf(bot.db(), a))!.subscribed).toBe(false);
    const rows = await bot.db().outboxMessage.findMany({ where: { contactId: aId }, orderBy: { dedupeKey: 'asc' } });
    expect(rows.filter((m) => m.dedupeKey.startsWith('closed:')).map((m) => m.status)).toEqual(['queued']);
    expect(rows.find((m) => m.dedupeKey.startsWith('rescreen:'))).toMatchObject({ status: 'cancelled', lastError: 'unsubscribed' });

    await bot.advanceClock('2026-03-03T09:00:00+08:00');
    const sent = await sentTo(bot, a);
    expect(sent).toHaveLength(1);
    expect(sent[0].slice(0, 2)).toEqual(['2026-03-03', '08:00']);
    expect(sent[0][2]).toContain('临时停诊');
    expect(sent[0][2]).toContain('不算您失约');
    expect(await bot.db().booking.count({ where: { contactId: aId, status: 'cancelled' } })).toBe(2);
  });

  it('seats added later go to the waitlist at once: capacity raised, a closure lifted, reserved seats released by the job', async () => {
    bot = await start();
    await slots('cervical', '2026-03-03', '2026-03-16');
    // capacity raised: Wednesdays had no cervical seat
    const rules = await bot.db().capacityRule.findMany({ where: { hospitalId: HOSPITAL, serviceId: 'cervical' } });
    const body = (wedAm: number) => ({
      rules: rules.map((r) => ({ weekday: r.weekday, session: r.session, capacity: r.weekday !== 3 ? r.capacity : r.session === 'am' ? wedAm : 0 })),
    });
    await staff('PUT', `/hospitals/${HOSPITAL}/services/cervical/capacity`, body(0));
    const raised = await consentedWoman(bot);
    await wait(raised, ['cervical'], '2026-03-04', '2026-03-04');
    // a closed Friday
    await staff('POST', `/hospitals/${HOSPITAL}/closures`, { day: '2026-03-06', session: 'all', reason: '培训' });
    const lifted = await consentedWoman(bot);
    await wait(lifted, ['cervical'], '2026-03-06', '2026-03-06');
    // Monday 3月9日: every cervical seat reserved for a village until 10:00 today
    for (const [session, seats] of [
      ['am', 40],
      ['pm', 20],
    ] as const) {
      await staff('POST', `/hospitals/${HOSPITAL}/reservations`, {
        serviceId: 'cervical',
        day: '2026-03-09',
        session,
        kind: 'region',
        regionId: 'xiangcheng-huayuan-liwa',
        seats,
        releaseAt: '2026-03-02T10:00:00+08:00',
      });
    }
    const released = await consentedWoman(bot);
    await wait(released, ['cervical'], '2026-03-09', '2026-03-09');
    await bot.advanceClock('2026-03-02T09:30:00+08:00');
    for (const w of [raised, lifted, released]) expect(await bookingsOf(w)).toEqual([]);

    await staff('PUT', `/hospitals/${HOSPITAL}/services/cervical/capacity`, body(5));
    expect((await bookingsOf(raised)).map((x) => [x.day, x.session, x.status])).toEqual([['2026-03-04', 'am', 'held']]);
    await staff('DELETE', `/hospitals/${HOSPITAL}/closures/2026-03-06/all`);
    expect((await bookingsOf(lifted)).map((x) => [x.day, x.session, x.status])).toEqual([['2026-03-06', 'am', 'held']]);
    expect(await bookingsOf(released)).toEqual([]);
    await bot.advanceClock('2026-03-02T10:05:00+08:00');
    expect((await bookingsOf(released)).map((x) => [x.day, x.session, x.status])).toEqual([['2026-03-09', 'am', 'held']]);

    for (const w of [raised, lifted, released]) {
      const offers = await sentTo(bot, w);
      expect(offers).toHaveLength(1);
      expect(offers[0][2]).toContain('有空位了');
    }
    expect(joined(await lifted.say('确认预约'))).toContain('约好了');
  });

  it('a waiting place whose last day passed ends, and she is told after the quiet hours what she can do', async () => {
    bot = await start();
    await staff('POST', `/hospitals/${HOSPITAL}/closures`, { day: '2026-03-03', session: 'all', reason: '培训' });
    const w = await consentedWoman(bot);
    await wait(w, ['cervical', 'breast'], '2026-03-03', '2026-03-03');
    await bot.advanceClock('2026-03-04T09:00:00+08:00');
    const entries = await bot.db().waitlistEntry.findMany({ where: { contactId: await idOf(w) } });
    expect(entries.map((e) => e.status)).toEqual(['expired', 'expired']);
    const sent = await sentTo(bot, w);
    expect(sent).toHaveLength(1);
    expect(sent[0].slice(0, 2)).toEqual(['2026-03-04', '08:00']);
    expect(sent[0][2]).toBe(
      '您排队等的项城市妇幼保健院宫颈癌筛查、乳腺癌筛查，到2026年3月3日还没有空出名额，这次排队结束了。想换个日子请回复“预约”，也可以打医院电话问问：0394-4316120',
    );
  });
});
