// A pregnancy through the real WeChat bot, with the injected clock moving through the months: the
// window alerts, the newborn reminders, and what changes them (a late registration, a booked NT, an
// ultrasound re-dating, a loss, 退订). Today is Monday 2026-03-02, 09:00 (Asia/Shanghai); the Henan
// profile of the demo county; alerts at 10:00, appointment reminders at 18:00 the day before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockWoman } from '../support/wechatHarness.js';
import { dbUnavailable } from '../support/testDb.js';
import { consentedWoman, contactOf, joined, startE2EBot, type E2EBot, sentTo } from '../support/e2eBot.js';

const ADMIN = 'test-admin-token';
const FOOTER = '回复“预约”约时间；已经做过了，回复“做过了”。不想再收提醒，回复“退订”。';
const NEWBORN_FOOTER = '已经做过了，回复“做过了”。不想再收提醒，回复“退订”。';

/** A prenatal alert as she reads it: the header with her gestational age and due date, the lines, the footer. */
const alert = (ga: string, due: string, ...lines: string[]) => [`孕期提醒：您今天怀孕${ga}了（预产期${due}）。`, ...lines, FOOTER].join('\n');
const soon = (name: string, from: string, opens: string, closes: string) => `· ${name}：3天后（${from}）就可以做了，要在怀孕${opens}到${closes}之间做。`;
const open = (name: string, to: string, closes: string) => `· ${name}：从今天起可以做了，最晚${to}（怀孕${closes}）。`;
const closing = (name: string, to: string) => `· ${name}：还剩7天，最晚${to}。还没做的话请抓紧约。`;
const firstVisitClosing = (to: string) => `· 第一次产检建档：最晚${to}，还剩7天。还没建档的话，请带上身份证去乡镇卫生院或县妇幼保健院办，不用在这里预约。`;

const NT = 'NT超声检查';
const NIPT = '自费的无创DNA产前检测（NIPT）';
const SERUM = '中孕期唐氏筛查';
const FALLBACK = '补做超声检查';
const ANOMALY = '大排畸超声检查';
const OGTT = '自费的糖耐量检查（OGTT）';

describe.skipIf(dbUnavailable)('the pregnancy timeline', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot({ env: { ADMIN_TOKEN: ADMIN } });
  });
  afterEach(async () => bot.stop());

  /** Registers her pregnancy in the chat: how far along, single, her birth date (age on the due date), confirmed. */
  async function register(w: MockWoman, dating: string): Promise<string> {
    expect(joined(await w.say('登记孕期'))).toContain('同意请回复“同意”');
    expect(joined(await w.say('同意'))).toContain('您怀孕多少周了');
    expect(joined(await w.say(dating))).toContain('怀的是一个宝宝，还是双胞胎');
    expect(joined(await w.say('1'))).toContain('请告诉我您的出生日期');
    await w.say('1992年5月6日');
    return joined(await w.say('是'));
  }

  async function outboxOf(w: MockWoman) {
    const contact = (await contactOf(bot.db(), w))!;
    return bot.db().outboxMessage.findMany({ where: { contactId: contact.id }, orderBy: [{ notBefore: 'asc' }, { createdAt: 'asc' }] });
  }

  it('registered at 8 weeks and followed to 42 days after the birth: every message on its day, at 10:00, none at night', async () => {
    const w = await consentedWoman(bot);
    expect(await register(w, '孕8周')).toBe(
      [
        '登记好了！您今天怀孕8周，预产期2026年10月12日。',
        '· 现在就可以做：第一次产检建档，最晚2026年4月12日',
        '· 2026年3月23日起：NT超声检查',
        '· 2026年3月30日起：自费的无创DNA产前检测（NIPT）',
        '· 2026年4月20日起：中孕期唐氏筛查',
        '· 2026年5月25日起：大排畸超声检查',
        '· 2026年6月22日起：自费的糖耐量检查（OGTT）',
        '到了该做的时候，我会在那天10:00左右发消息提醒您。要约检查回复“预约”；不想收提醒回复“退订”。',
      ].join('\n'),
    );
    await bot.advanceClock('2026-10-10T12:00:00+08:00');
    expect(joined(await w.say('宝宝出生了'))).toContain('宝宝是哪天出生的');
    expect(joined(await w.say('今天'))).toContain('记下了：宝宝2026年10月10日出生。孕期的提醒都停了');
    expect(joined(await w.say('同意'))).toContain('宝宝的足跟血');
    await w.say('还没');
    expect(joined(await w.say('没通过'))).toContain('· 听力复筛：2026年10月13日到2026年11月21日');
    await bot.advanceClock('2026-11-21T12:00:00+08:00'); // 42 days after the birth

    const due = '2026年10月12日';
    expect(await sentTo(bot, w)).toEqual([
      ['2026-03-20', '10:00', alert('10周4天', due, soon(NT, '2026年3月23日', '11周', '13周6天'))],
      ['2026-03-23', '10:00', alert('11周', due, open(NT, '2026年4月12日', '13周6天'))],
      ['2026-03-27', '10:00', alert('11周4天', due, soon(NIPT, '2026年3月30日', '12周', '22周6天'))],
      ['2026-03-30', '10:00', alert('12周', due, open(NIPT, '2026年6月14日', '22周6天'))],
      // two windows closing on one day: one message
      ['2026-04-05', '10:00', alert('12周6天', due, firstVisitClosing('2026年4月12日'), closing(NT, '2026年4月12日'))],
      ['2026-04-17', '10:00', alert('14周4天', due, soon(SERUM, '2026年4月20日', '15周', '20周6天'))],
      ['2026-04-20', '10:00', alert('15周', due, open(SERUM, '2026年5月31日', '20周6天'))],
      // NT was missed (nothing booked by 4月12日): Henan's fallback ultrasound
      ['2026-04-24', '10:00', alert('15周4天', due, soon(FALLBACK, '2026年4月27日', '16周', '19周6天'))],
      ['2026-04-27', '10:00', alert('16周', due, open(FALLBACK, '2026年5月24日', '19周6天'))],
      ['2026-05-17', '10:00', alert('18周6天', due, closing(FALLBACK, '2026年5月24日'))],
      ['2026-05-22', '10:00', alert('19周4天', due, soon(ANOMALY, '2026年5月25日', '20周', '24周6天'))],
      ['2026-05-24', '10:00', alert('19周6天', due, closing(SERUM, '2026年5月31日'))],
      ['2026-05-25', '10:00', alert('20周', due, open(ANOMALY, '2026年6月28日', '24周6天'))],
      ['2026-06-07', '10:00', alert('21周6天', due, closing(NIPT, '2026年6月14日'))],
      ['2026-06-19', '10:00', alert('23周4天', due, soon(OGTT, '2026年6月22日', '24周', '28周6天'))],
      ['2026-06-21', '10:00', alert('23周6天', due, closing(ANOMALY, '2026年6月28日'))],
      ['2026-06-22', '10:00', alert('24周', due, open(OGTT, '2026年7月26日', '28周6天'))],
      ['2026-07-19', '10:00', alert('27周6天', due, closing(OGTT, '2026年7月26日'))],
      [
        '2026-10-13',
        '10:00',
        [
          '宝宝出生满3天了。新生儿足跟血筛查（在脚后跟扎一下取几滴血，查几种先天的病）要在出生后3到7天做，吃过6到8次奶以后采血。',
          '还没做的话，请问接生的医院或乡镇卫生院。',
          NEWBORN_FOOTER,
        ].join('\n'),
      ],
      [
        '2026-10-16',
        '10:00',
        [
          '宝宝的新生儿足跟血筛查最晚在2026年10月17日做（出生后第7天），还剩1天。还没做的话，请今天就联系接生的医院。早产或生病住院的宝宝，最晚出生后第20天。',
          NEWBORN_FOOTER,
        ].join('\n'),
      ],
      [
        '2026-11-09',
        '10:00',
        [
          '宝宝满月了。第一次听力筛查没通过或没做的，要在出生42天内两只耳朵都再查一次（听力复筛）。大多数宝宝复查都能通过，不用太担心。',
          '请约接生的医院或县妇幼保健院。',
          NEWBORN_FOOTER,
        ].join('\n'),
      ],
      ['2026-11-18', '10:00', ['宝宝的听力复筛要在出生42天内做，还剩3天。还没做的话请尽快去。', NEWBORN_FOOTER].join('\n')],
    ]);
    // staff see every window that closed with nothing booked or said done (she booked nothing in this test)
    const r = await fetch(`http://127.0.0.1:${bot.current().port}/api/staff/pregnancies/missed?from=2026-03-01&to=2026-11-21`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const body = (await r.json()) as { missed: { screeningId: string; windowClosedOn: string }[] };
    expect(body.missed.map((m) => [m.screeningId, m.windowClosedOn])).toEqual(
      [
        ['first-visit', '2026-04-12'],
        ['nt', '2026-04-12'],
        ['fallback-us', '2026-05-24'],
        ['nipt', '2026-06-14'],
        ['serum-mid', '2026-05-31'],
        ['anomaly-us', '2026-06-28'],
        ['ogtt', '2026-07-26'],
      ].sort((a, b) => a[1].localeCompare(b[1]) || a[0].localeCompare(b[0])),
    );
  });

  it('registered late, at 19 weeks: only the alerts still ahead, none of the windows already past', async () => {
    const w = await consentedWoman(bot);
    // due 2026-07-27: NT and the first visit closed weeks ago; 唐筛 and NIPT close soon; 大排畸 opens in a week
    // NT closed, Henan's fallback scan for a missed NT is open for six more days: she is asked about NT
    expect(await register(w, '孕19周')).toBe(
      ['NT超声检查是在怀孕11周到13周6天之间做的。您做过了吗？回复数字：', '1. 做过了', '2. 没做', '3. 不记得'].join('\n'),
    );
    expect(joined(await w.say('做过了'))).toContain('登记好了！您今天怀孕19周，预产期2026年7月27日。');
    await bot.advanceClock('2026-03-10T12:00:00+08:00');
    const due = '2026年7月27日';
    expect(await sentTo(bot, w)).toEqual([
      ['2026-03-06', '10:00', alert('19周4天', due, soon(ANOMALY, '2026年3月9日', '20周', '24周6天'))],
      ['2026-03-08', '10:00', alert('19周6天', due, closing(SERUM, '2026年3月15日'))],
      ['2026-03-09', '10:00', alert('20周', due, open(ANOMALY, '2026年4月12日', '24周6天'))],
    ]);
    // windows that closed before she registered are not "missed"; NT is done, as she said
    const contact = (await contactOf(bot.db(), w))!;
    expect(
      await bot.db().pregnancyScreening.findMany({ where: { pregnancy: { contactId: contact.id } }, select: { screeningId: true, status: true } }),
    ).toEqual([{ screeningId: 'nt', status: 'done' }]);
  });

  it('registered at 15 weeks without NT: NT is missed (staff see it) and the fallback scan is offered', async () => {
    const w = await consentedWoman(bot);
    expect(await register(w, '孕15周')).toContain('NT超声检查是在怀孕11周到13周6天之间做的。您做过了吗？');
    const summary = joined(await w.say('没做'));
    expect(summary).toContain('登记好了！您今天怀孕15周，预产期2026年8月24日。');
    expect(summary).toContain('· 2026年3月9日起：补做超声检查');
    await bot.advanceClock('2026-03-10T12:00:00+08:00');
    const due = '2026年8月24日';
    expect((await sentTo(bot, w)).filter(([, , text]) => text.includes(FALLBACK))).toEqual([
      ['2026-03-06', '10:00', alert('15周4天', due, soon(FALLBACK, '2026年3月9日', '16周', '19周6天'))],
      ['2026-03-09', '10:00', alert('16周', due, open(FALLBACK, '2026年4月5日', '19周6天'))],
    ]);
    const r = await fetch(`http://127.0.0.1:${bot.current().port}/api/staff/pregnancies/missed?from=2026-02-01&to=2026-03-10`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    expect(((await r.json()) as { missed: { screeningId: string; windowClosedOn: string }[] }).missed.map((m) => [m.screeningId, m.windowClosedOn])).toEqual([
      ['nt', '2026-02-22'],
    ]);
  });

  it('booking NT silences the NT alerts; attended, NT is not missed and no fallback scan is offered', async () => {
    const w = await consentedWoman(bot);
    await register(w, '孕8周');
    await bot.advanceClock('2026-03-18T09:00:00+08:00');
    for (const t of ['预约', '4', '1', '花园', '1', '1']) await w.say(t);
    const code = joined(await w.say('是')).match(/预约号：([A-Z2-9]{6})/)![1];
    await bot.advanceClock('2026-03-23T09:30:00+08:00');
    const r = await fetch(`http://127.0.0.1:${bot.current().port}/api/staff/hospitals/xc-mch/attendance`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    expect(r.status).toBe(200);
    await bot.advanceClock('2026-05-01T12:00:00+08:00');
    const due = '2026年10月12日';
    const sent = await sentTo(bot, w);
    expect(sent.map(([day, time]) => `${day} ${time}`)).toEqual([
      '2026-03-22 18:00', // the appointment reminder
      '2026-03-27 10:00',
      '2026-03-30 10:00',
      '2026-04-05 10:00',
      '2026-04-17 10:00',
      '2026-04-20 10:00',
    ]);
    expect(sent[0][2]).toContain('明天别忘了去检查：\n项目：NT超声检查\n时间：2026年3月23日 周一 上午');
    // the first visit still closes on 4月5日, alone; no NT line anywhere
    expect(sent[3][2]).toBe(alert('12周6天', due, firstVisitClosing('2026年4月12日')));
    expect(sent.filter(([, , text]) => text.includes(NT) && text.startsWith('孕期提醒'))).toEqual([]);
    expect(sent.filter(([, , text]) => text.includes(FALLBACK))).toEqual([]);
    const contact = (await contactOf(bot.db(), w))!;
    const marks = await bot.db().pregnancyScreening.findMany({ where: { pregnancy: { contactId: contact.id } }, orderBy: { screeningId: 'asc' } });
    expect(marks.map((m) => [m.screeningId, m.status])).toEqual([['first-visit', 'missed']]);
  });

  it('an ultrasound re-dating moves every pending reminder', async () => {
    const w = await consentedWoman(bot);
    await register(w, '孕8周');
    await bot.advanceClock('2026-03-19T20:30:00+08:00'); // tomorrow's NT alert is queued
    const before = await outboxOf(w);
    expect(before.map((m) => [m.status, m.notBefore.toISOString(), m.dedupeKey.split(':').slice(2).join(':')])).toEqual([
      ['queued', '2026-03-20T02:00:00.000Z', '2026-03-20:nt.soon'],
    ]);
    expect(joined(await w.say('改预产期'))).toContain('新的预产期');
    await w.say('预产期10月19日');
    const done = joined(await w.say('是'));
    expect(done).toContain('2026年10月19日');
    // the queued alert is cancelled; the new dating puts NT a week later
    const after = await outboxOf(w);
    expect(after.map((m) => [m.status, m.lastError])).toEqual([['cancelled', 'replanned']]);
    await bot.advanceClock('2026-04-01T12:00:00+08:00');
    const due = '2026年10月19日';
    expect(await sentTo(bot, w)).toEqual([
      ['2026-03-27', '10:00', alert('10周4天', due, soon(NT, '2026年3月30日', '11周', '13周6天'))],
      ['2026-03-30', '10:00', alert('11周', due, open(NT, '2026年4月19日', '13周6天'))],
    ]);
  });

  it('a loss: one short, kind message; everything about the pregnancy stops at once', async () => {
    const w = await consentedWoman(bot);
    await register(w, '孕8周');
    await bot.advanceClock('2026-03-19T20:30:00+08:00');
    expect((await outboxOf(w)).map((m) => m.status)).toEqual(['queued']);
    const reply = await w.say('孩子没保住');
    expect(reply).toHaveLength(1);
    expect(reply[0]).toContain('孕期的提醒都停了');
    const contact = (await contactOf(bot.db(), w))!;
    expect((await bot.db().pregnancy.findFirstOrThrow({ where: { contactId: contact.id } })).status).toBe('lost');
    expect((await outboxOf(w)).map((m) => [m.status, m.lastError])).toEqual([['cancelled', 'pregnancy lost']]);
    const received = w.received.length;
    await bot.advanceClock('2026-11-21T12:00:00+08:00');
    expect(await sentTo(bot, w)).toEqual([]);
    expect(w.received).toHaveLength(received);
  });

  it('退订 cancels her queued pregnancy messages; nothing more is planned while she is unsubscribed', async () => {
    const w = await consentedWoman(bot);
    await register(w, '孕8周');
    await bot.advanceClock('2026-03-19T20:30:00+08:00');
    await w.say('退订');
    expect((await outboxOf(w)).map((m) => [m.status, m.lastError])).toEqual([['cancelled', 'unsubscribed']]);
    await bot.advanceClock('2026-04-10T12:00:00+08:00');
    expect(await sentTo(bot, w)).toEqual([]);
    expect(await outboxOf(w)).toHaveLength(1);
  });
});
