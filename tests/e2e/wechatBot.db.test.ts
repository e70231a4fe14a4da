// The WeChat channel end to end: a real Wechaty bot on wechaty-puppet-mock in front of the real app.
// Only what the channel itself does is tested here (her messages in, the replies and the outbox's
// proactive sends out, state across a restart, several women at once); every other chat test is a
// conversation case (tests/conversations). 项城市; today is Monday 2026-03-02, 09:00.
// No personal data in logs: a whole conversation at trace level leaves no text she wrote, no birth
// date, no ID number and not her WeChat name in the log lines of the channel or the app (ids and
// counts only).
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { contactOf, eligibleWoman, factsOf, joined, sentTo, startE2EBot, type E2EBot } from '../support/e2eBot.js';

describe.skipIf(dbUnavailable)('the WeChat bot', () => {
  let bot: E2EBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it("a new woman's first message: the privacy notice, nothing kept but her WeChat id and consent state; after 同意 her question goes on", async () => {
    bot = await startE2EBot();
    const w = bot.woman();
    const notice = await w.say('我能免费做两癌筛查吗?');
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain('【隐私说明】');
    expect(notice[0]).toContain('同意请回复“同意”');
    const contact = (await contactOf(bot.db(), w))!;
    expect(contact).toMatchObject({ channel: 'wechat', externalId: w.id, consent: 'none', consentAt: null, regionId: null });
    expect(await bot.db().fact.count()).toBe(0);
    expect(await w.say('同意')).toEqual(['谢谢您的信任！', '请告诉我您的出生日期（阳历），也可以直接发身份证号。']);
    expect(joined(await w.say('1978年5月6日'))).toContain('户口在本地');
    expect((await contactOf(bot.db(), w))!).toMatchObject({ consent: 'given', regionId: 'xiangcheng' });
    expect(await factsOf(bot.db(), contact.id)).toEqual({ birthDate: '1978-05-06' });
  });

  it('a reply quoting the privacy notice is read as her reply only', async () => {
    bot = await startE2EBot();
    const w = bot.woman();
    const [notice] = await w.say('你好');
    // WeChat's quote: the quoted words, a line of dashes, then what she wrote
    const quoted = `「筛查小助手：${notice.slice(0, 40)}」\n- - - - - - - - - - - - - - -\n同意`;
    expect(await w.say(quoted)).toContain('谢谢您的信任！');
    expect((await contactOf(bot.db(), w))!).toMatchObject({ consent: 'given' });
  });

  it('a booking made in WeChat is reminded in WeChat the evening before, once, outside the quiet hours', async () => {
    bot = await startE2EBot();
    const w = await eligibleWoman(bot);
    for (const answer of ['预约', '1', '丁集', '1', '2', '上午']) await w.say(answer); // Wed 3月4日 上午
    const details = joined(await w.say('是'));
    expect(details).toContain('约好了');
    const code = details.match(/预约号：([A-Z2-9]{6})/)![1];
    await bot.advanceClock('2026-03-04T12:00:00+08:00');
    expect(await sentTo(bot, w)).toEqual([
      [
        '2026-03-03',
        '18:00',
        [
          '明天别忘了去检查：',
          '项目：宫颈癌筛查、乳腺癌筛查',
          '时间：2026年3月4日 周三 上午',
          '医院：项城市妇幼保健院',
          '地址：项城市莲花大道与团结路交叉口向东200米（示例地址，请核对）',
          `要带：身份证，报预约号 ${code}。`,
          '查宫颈不要在来月经的时候去；去之前3天不要同房，不要冲洗下身，不要往阴道里放药。',
          '去不了请回复“取消预约”，名额会让给排队的姐妹，不算您失约。有问题可以打医院电话：0394-4316120',
        ].join('\n'),
      ],
    ]);
    expect(w.received.filter((t) => t.startsWith('明天别忘了去检查'))).toHaveLength(1);
  });

  it('a restart in the middle of a flow resumes at the same question', async () => {
    bot = await startE2EBot();
    const w = bot.woman();
    await w.say('你好');
    await w.say('同意');
    await w.say('1');
    expect(joined(await w.say('1978年5月6日'))).toContain('户口在本地');
    await bot.restart();
    expect(joined(await w.say('1'))).toContain('农村');
    const contact = (await contactOf(bot.db(), w))!;
    expect(await factsOf(bot.db(), contact.id)).toEqual({ birthDate: '1978-05-06', residence: 'hukou' });
  });

  it('two women writing at the same time keep their own state', async () => {
    bot = await startE2EBot();
    const a = bot.woman('A');
    const b = bot.woman('B');
    await Promise.all([a.say('你好'), b.say('你好')]);
    await Promise.all([a.say('同意'), b.say('同意')]);
    const [ra, rb] = await Promise.all([a.say('1'), b.say('2')]);
    expect(joined(ra)).toContain('出生日期');
    expect(joined(rb)).toContain('敏感个人信息');
    const [ra2, rb2] = await Promise.all([a.say('1991年7月20日'), b.say('同意')]);
    expect(joined(ra2)).toContain('您在2026年7月20日满35岁');
    expect(joined(rb2)).toContain('您现在怀孕了吗');
    const ca = (await contactOf(bot.db(), a))!;
    const cb = (await contactOf(bot.db(), b))!;
    expect(await factsOf(bot.db(), ca.id)).toEqual({ birthDate: '1991-07-20' });
    expect(await factsOf(bot.db(), cb.id)).toEqual({});
    expect(ca.healthConsentAt).toBeNull();
    expect(cb.healthConsentAt).not.toBeNull();
  });

  it("one woman's quick messages are answered strictly in order", async () => {
    bot = await startE2EBot();
    const w = bot.woman();
    w.post('你好');
    w.post('同意');
    w.post('1');
    w.post('1991年7月20日');
    await bot.harness.idle();
    const all = joined(w.received);
    const order = ['【隐私说明】', '谢谢您的信任', '请告诉我您的出生日期', '您在2026年7月20日满35岁'].map((s) => all.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
  });

  it('the logs of the channel and the app hold ids and counts, never what she wrote', async () => {
    const lines: string[] = [];
    bot = await startE2EBot({ logger: pino({ level: 'trace' }, { write: (l: string) => void lines.push(l) }) });
    const w = bot.woman('王秀兰');
    const id = '41162719780506' + '0023';
    for (const text of ['你好', '同意', '1', '身份证' + id, '我家住在丁集镇东街村', '菜单', '我的信息', '删除我的信息', '是']) await w.say(text);
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(log).toContain('wechat: inbound text');
    expect(log).toContain('message handled');
    for (const secret of ['19780506', '1978-05-06', '1978年', id, '丁集镇', '东街村', '身份证', '王秀兰']) {
      expect(log).not.toContain(secret);
    }
  });

  it('never logs what her first message asked for while the privacy notice waits', async () => {
    const lines: string[] = [];
    bot = await startE2EBot({ logger: pino({ level: 'trace' }, { write: (l: string) => void lines.push(l) }) });
    const w = bot.woman('李红梅');
    await w.say('我怀孕了 孕12周');
    await w.say('要钱吗');
    await w.say('同意');
    const log = lines.join('\n');
    expect(log).toContain('message handled');
    for (const secret of ['怀孕', '孕12周', 'pregnancy', '李红梅']) expect(log).not.toContain(secret);
  });
});
