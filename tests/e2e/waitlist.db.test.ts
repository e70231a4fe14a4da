// The waitlist and no-shows through the real WeChat bot: offers arrive through the outbox, are
// accepted or expire to the next woman; a missed appointment gets a kind note in the morning.
// 项城市妇幼保健院 gives 两癌 one seat on Tuesday mornings only; today is Monday 2026-03-02 09:00.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockWoman } from '../support/wechatHarness.js';
import { dbUnavailable } from '../support/testDb.js';
import { eligibleWoman, contactOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

const ADMIN = 'test-admin-token';

describe.skipIf(dbUnavailable)('waitlist and no-shows', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    // a named bot account: notices are queued for the account she talks to, and sent by its process
    bot = await startE2EBot({ env: { ADMIN_TOKEN: ADMIN, BOT_ACCOUNT: 'xiangcheng-1' } });
    for (const service of ['cervical', 'breast']) {
      const r = await staff('PUT', `/api/staff/hospitals/xc-mch/services/${service}/capacity`, { rules: [{ weekday: 2, session: 'am', capacity: 1 }] });
      expect(r.status).toBe(200);
    }
  });
  afterEach(async () => bot.stop());

  function staff(method: string, path: string, body?: unknown) {
    return fetch(`http://127.0.0.1:${bot.current().port}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function startBooking(w: MockWoman): Promise<string> {
    await w.say('预约');
    await w.say('1');
    await w.say('丁集');
    return joined(await w.say('1'));
  }

  /** Books the first listed day (one session: taken without asking). */
  async function bookFirstDay(w: MockWoman): Promise<string> {
    const days = await startBooking(w);
    expect(days).toContain('请选日子');
    await w.say('1');
    return joined(await w.say('是'));
  }

  async function waitInLine(w: MockWoman) {
    expect(await startBooking(w)).toContain('要排队等号吗');
    expect(joined(await w.say('是'))).toContain('已经帮您排上队了');
  }

  /** A has 3月3日, D has 3月10日 (the only two seats); B waits, then C half a minute later. */
  async function bothTuesdaysBookedTwoWaiting() {
    const a = await eligibleWoman(bot);
    const d = await eligibleWoman(bot);
    await bookFirstDay(a);
    await bookFirstDay(d);
    const b = await eligibleWoman(bot);
    await waitInLine(b);
    await bot.advanceClock('2026-03-02T09:00:30+08:00');
    const c = await eligibleWoman(bot);
    await waitInLine(c);
    return { a, b, c, d };
  }

  it('a cancelled seat is offered to the first woman waiting, who accepts it', async () => {
    const a = await eligibleWoman(bot);
    const d = await eligibleWoman(bot);
    expect(await bookFirstDay(a)).toContain('2026年3月3日');
    expect(await bookFirstDay(d)).toContain('2026年3月10日');
    const b = await eligibleWoman(bot);
    await waitInLine(b);

    await a.say('取消预约');
    expect(joined(await a.say('是'))).toContain('已经取消了');
    const offer = await bot.db().outboxMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: 'waitlist-offer:' } } });
    expect(offer).toMatchObject({ status: 'queued', priority: 0, account: 'xiangcheng-1', contactId: (await contactOf(bot.db(), b))!.id });
    expect((await contactOf(bot.db(), b))!.account).toBe('xiangcheng-1');

    await bot.advanceClock('2026-03-02T09:01:00+08:00');
    // one message for the visit, though two seats (宫颈 and 乳腺) were passed to her
    expect(b.received.filter((t) => t.startsWith('有空位了'))).toEqual([
      expect.stringMatching(
        /^有空位了！您排队等的项城市妇幼保健院，2026年3月3日 周二 上午。给您留到11:0[0-9]，要的话请回复“确认预约”；不要请回复“不要这个号”。$/,
      ),
    ]);
    expect((await bot.db().outboxMessage.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe('sent');

    const booked = joined(await b.say('确认预约'));
    expect(booked).toContain('约好了！预约号');
    expect(booked).toContain('2026年3月3日 周二 上午');
    const held = await bot.db().booking.findMany({ where: { contactId: (await contactOf(bot.db(), b))!.id } });
    expect(held.map((x) => x.status)).toEqual(['confirmed', 'confirmed']);
  });

  it('排吧 joins the waiting list, and a plain 好的 to the offer takes the seat as 确认预约 does', async () => {
    const a = await eligibleWoman(bot);
    const d = await eligibleWoman(bot);
    await bookFirstDay(a);
    await bookFirstDay(d);
    const b = await eligibleWoman(bot);
    expect(await startBooking(b)).toContain('要排队等号吗');
    expect(joined(await b.say('排吧'))).toContain('已经帮您排上队了');

    await a.say('取消预约');
    await a.say('是');
    await bot.advanceClock('2026-03-02T09:01:00+08:00');
    expect(b.received.some((t) => t.startsWith('有空位了'))).toBe(true);

    expect(joined(await b.say('好的'))).toContain('约好了！预约号');
    const held = await bot.db().booking.findMany({ where: { contactId: (await contactOf(bot.db(), b))!.id } });
    expect(held.map((x) => x.status)).toEqual(['confirmed', 'confirmed']);
  });

  it('an offer not confirmed in time passes to the next woman, and the first is told', async () => {
    const a = await eligibleWoman(bot);
    const d = await eligibleWoman(bot);
    await bookFirstDay(a);
    await bookFirstDay(d);
    const b = await eligibleWoman(bot);
    const c = await eligibleWoman(bot);
    await waitInLine(b);
    await bot.advanceClock('2026-03-02T09:00:30+08:00'); // C joins the line after B
    await waitInLine(c);
    await a.say('取消预约');
    await a.say('是');
    await bot.advanceClock('2026-03-02T09:01:00+08:00');
    expect(b.received.at(-1)).toContain('有空位了！');
    expect(c.received.join('\n')).not.toContain('有空位了！');

    await bot.advanceClock('2026-03-02T11:30:00+08:00'); // held for 2 hours: C's offer goes first (priority)
    expect(c.received.at(-1)).toContain('有空位了！');
    await bot.advanceClock('2026-03-02T11:31:00+08:00'); // B's note follows, paced seconds later
    expect(b.received.at(-1)).toContain('过了保留时间，已经让给下一位了');
    const sent = await bot.db().outboxMessage.findMany({ where: { status: 'sent' }, orderBy: { sentAt: 'asc' }, select: { sentAt: true } });
    const gaps = sent.slice(1).map((m, i) => m.sentAt!.getTime() - sent[i].sentAt!.getTime());
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(8_000); // never two sends of the account within 8 s
    expect(joined(await b.say('确认预约'))).toMatch(/过了保留时间|没有等您确认的名额/);
    expect(joined(await c.say('确认预约'))).toContain('约好了！');
  });

  it('a missed appointment becomes a no-show with a kind note sent after quiet hours', async () => {
    const a = await eligibleWoman(bot);
    await bookFirstDay(a);
    const attended = await eligibleWoman(bot);
    // the other Tuesday: she comes, the hospital marks it
    const details = await bookFirstDay(attended);
    const code = details.match(/预约号：([A-Z2-9]{6})/)![1];
    await bot.advanceClock('2026-03-10T10:00:00+08:00');
    const mark = await staff('POST', '/api/staff/hospitals/xc-mch/attendance', { code });
    expect(mark.status).toBe(200);

    await bot.advanceClock('2026-03-11T09:00:00+08:00');
    expect(a.received.join('\n')).toContain('医院没有记到您去。没关系，身体要紧，回复“预约”可以重新约个时间。');
    expect(attended.received.join('\n')).not.toContain('没有记到您去');
    const contact = (await contactOf(bot.db(), a))!;
    expect(contact.noShows).toBe(1);
    const note = await bot.db().outboxMessage.findFirstOrThrow({ where: { contactId: contact.id, dedupeKey: { startsWith: 'noshow:' } } });
    // queued in the night, sent at 08:00 Shanghai (00:00 UTC) at the earliest
    expect(note.status).toBe('sent');
    expect(note.sentAt!.toISOString() >= '2026-03-04T00:00:00.000Z').toBe(true);
    expect(Number(note.sentAt!.toISOString().slice(11, 13))).toBeLessThan(13); // 08:00–21:00 Shanghai
  });

  it('a seat freed at night is held for her from the morning, not through the night', async () => {
    const a = await eligibleWoman(bot);
    const d = await eligibleWoman(bot);
    await bookFirstDay(a);
    await bookFirstDay(d); // 3月10日
    const b = await eligibleWoman(bot);
    await waitInLine(b);
    await bot.advanceClock('2026-03-02T09:00:30+08:00');
    const c = await eligibleWoman(bot);
    await waitInLine(c);
    await bot.advanceClock('2026-03-02T21:30:00+08:00');
    await d.say('取消预约');
    expect(joined(await d.say('是'))).toContain('已经取消了');
    await bot.advanceClock('2026-03-03T09:00:00+08:00');
    const offers = b.received.filter((t) => t.startsWith('有空位了'));
    expect(offers).toEqual([expect.stringContaining('给您留到2026年3月3日 10:00')]);
    expect(c.received.join('\n')).not.toContain('有空位了');
    const held = await bot.db().booking.findMany({ where: { contactId: (await contactOf(bot.db(), b))!.id, status: 'held' } });
    expect(held.map((h) => h.heldUntil!.toISOString())).toEqual(['2026-03-03T02:00:00.000Z', '2026-03-03T02:00:00.000Z']);
    const offer = await bot.db().outboxMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: 'waitlist-offer:' } } });
    expect(offer.sentAt!.toISOString()).toBe('2026-03-03T00:00:00.000Z'); // 08:00, after the quiet hours
  });

  it('a day the hospital closes: her booking is cancelled, she is told at once and it is no no-show', async () => {
    const a = await eligibleWoman(bot);
    await bookFirstDay(a); // 3月3日 上午
    const r = await staff('POST', '/api/staff/hospitals/xc-mch/closures', { day: '2026-03-03', session: 'all', reason: '停电' });
    expect(r.status).toBe(200);
    await bot.advanceClock('2026-03-02T09:10:00+08:00');
    expect(a.received.at(-1)).toBe(
      '抱歉，项城市妇幼保健院2026年3月3日 上午临时停诊，您在那天的预约（宫颈癌筛查、乳腺癌筛查）取消了，不算您失约。回复“预约”可以换个日子。',
    );
    const contact = (await contactOf(bot.db(), a))!;
    expect((await bot.db().booking.findMany({ where: { contactId: contact.id } })).map((b) => b.status)).toEqual(['cancelled', 'cancelled']);
    await bot.advanceClock('2026-03-04T09:00:00+08:00');
    expect((await contactOf(bot.db(), a))!.noShows).toBe(0);
    expect(a.received.join('\n')).not.toContain('没有记到您去');
  });

  it('one clock jump sends every message that fell due meanwhile, paced', async () => {
    const a = await eligibleWoman(bot);
    const d = await eligibleWoman(bot);
    await bookFirstDay(a);
    await bookFirstDay(d);
    // both miss their Tuesday: two no-show notes queued in the night of 3/10–3/11
    await bot.advanceClock('2026-03-11T12:00:00+08:00');
    expect(a.received.join('\n')).toContain('没有记到您去');
    expect(d.received.join('\n')).toContain('没有记到您去');
    const notes = await bot.db().outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'noshow:' } }, orderBy: { sentAt: 'asc' } });
    expect(notes.map((n) => n.status)).toEqual(['sent', 'sent']);
    expect(notes[1].sentAt!.getTime() - notes[0].sentAt!.getTime()).toBeGreaterThanOrEqual(8_000);
  });

  it('不要这个号 passes a held seat to the next woman at once', async () => {
    const { a, b, c } = await bothTuesdaysBookedTwoWaiting();
    await a.say('取消预约');
    await a.say('是');
    await bot.advanceClock('2026-03-02T09:01:00+08:00');
    expect(joined(await b.say('不要这个号'))).toContain('这个名额让给下一位了');
    await bot.advanceClock('2026-03-02T09:02:00+08:00');
    expect(c.received.at(-1)).toContain('有空位了！');
  });

  it('a woman who wrote 退订 is skipped: the seat goes to the next woman waiting', async () => {
    const { a, b, c } = await bothTuesdaysBookedTwoWaiting();
    await b.say('退订');
    await a.say('取消预约');
    await a.say('是');
    await bot.advanceClock('2026-03-02T09:01:00+08:00');
    expect(b.received.join('\n')).not.toContain('有空位了');
    expect(c.received.at(-1)).toContain('有空位了！');
  });

  it('changing a booking when every day is full keeps her booking and offers no waitlist', async () => {
    const a = await eligibleWoman(bot);
    const d = await eligibleWoman(bot);
    await bookFirstDay(a);
    await bookFirstDay(d);
    const r = joined(await a.say('改约'));
    expect(r).toContain('您原来的预约还在');
    expect(r).not.toContain('要排队等号吗');
  });

  it('退订 cancels a queued offer instead of sending it', async () => {
    const a = await eligibleWoman(bot);
    const d = await eligibleWoman(bot);
    await bookFirstDay(a);
    await bookFirstDay(d);
    const b = await eligibleWoman(bot);
    await waitInLine(b);
    await a.say('取消预约');
    await a.say('是');
    await b.say('退订');
    await bot.advanceClock('2026-03-02T09:05:00+08:00');
    expect(b.received.join('\n')).not.toContain('有空位了');
    const offer = await bot.db().outboxMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: 'waitlist-offer:' } } });
    expect(offer.status).toBe('cancelled');
  });

  it('删除我的信息 releases her booked seat for the next woman', async () => {
    const a = await eligibleWoman(bot);
    await bookFirstDay(a);
    await a.say('删除我的信息');
    expect(joined(await a.say('是'))).toContain('已经全部删除了');
    const slot = await bot
      .db()
      .slot.findFirstOrThrow({ where: { hospitalId: 'xc-mch', serviceId: 'cervical', day: '2026-03-03', session: 'am' }, include: { pools: true } });
    expect(slot.pools.reduce((n, p) => n + p.booked, 0)).toBe(0);
    expect(await bot.db().booking.count()).toBe(0);
    const b = await eligibleWoman(bot);
    expect(await startBooking(b)).toContain('1. 2026年3月3日 周二（还剩1个）');
  });
});
