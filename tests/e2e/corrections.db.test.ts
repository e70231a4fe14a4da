// What the review of the conversation core found: facts reused across programmes, corrections,
// "never" answers, commands at the privacy notice, the menu letting other topics through.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MockWoman } from '../support/wechatHarness.js';
import { dbUnavailable } from '../support/testDb.js';
import { consentedWoman, contactOf, factsOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

describe.skipIf(dbUnavailable)('answers across questions', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot();
  });
  afterEach(async () => bot.stop());

  async function eligibleTwoCancer(w: MockWoman) {
    for (const a of ['1', '1978年5月6日', '1', '1', '不会', '同意', '没有', '没有', '没有', '有']) await w.say(a);
    expect(joined(await w.say('没有'))).toContain('好消息');
  }

  it('"not pregnant" from the 两癌 questions is asked again for prenatal, and the Henan question is its own', async () => {
    const w = await consentedWoman(bot);
    await eligibleTwoCancer(w);
    // a month later she is pregnant
    await bot.advanceClock('2026-04-02T09:00:00+08:00');
    expect(joined(await w.say('我怀孕了，能做产前筛查吗'))).toContain('您现在怀孕了吗');
    expect(joined(await w.say('怀了'))).toContain('户口在河南吗');
    expect(joined(await w.say('1'))).toContain('您可以参加河南省的免费孕期筛查');
    const facts = await factsOf(bot.db(), (await contactOf(bot.db(), w))!.id);
    expect(facts).toMatchObject({ pregnant: true, residence: 'hukou', residenceHenan: 'hukou', birthDate: '1978-05-06' });
  });

  it('"没有" means never screened; a date wins over never-words in the same answer', async () => {
    const a = await consentedWoman(bot);
    for (const t of ['1', '1978年5月6日', '1', '1', '不会', '同意', '没有']) await a.say(t);
    expect(joined(await a.say('没有'))).toContain('切除子宫');
    const b = await consentedWoman(bot);
    for (const t of ['1', '1978年5月6日', '1', '1', '不会', '同意', '没有']) await b.say(t);
    expect(joined(await b.say('2024年做过，之前没做过'))).toContain('您下次可以参加的日子是2029年1月1日');
    expect((await factsOf(bot.db(), (await contactOf(bot.db(), a))!.id)).lastScreening).toBeNull();
  });

  it('a wrong answer can be corrected with 写错了', async () => {
    const w = await consentedWoman(bot);
    await w.say('1');
    expect(joined(await w.say('2000年5月6日'))).toContain('还不到年龄');
    const cleared = await w.say('写错了');
    expect(cleared[0]).toContain('已经清除了');
    expect(cleared[1]).toContain('请问您想做什么？');
    expect(await factsOf(bot.db(), (await contactOf(bot.db(), w))!.id)).toEqual({});
    expect(joined(await w.say('1'))).toContain('请告诉我您的出生日期');
    expect(joined(await w.say('1980年5月6日'))).toContain('户口在项城市吗');
  });

  it('a birth date without its day is kept as she gave it; the day is asked only when it decides her age', async () => {
    const w = await consentedWoman(bot);
    await w.say('1');
    expect(joined(await w.say('1980年5月'))).toContain('户口在项城市吗');
    expect((await factsOf(bot.db(), (await contactOf(bot.db(), w))!.id)).birthDate).toEqual({ date: '1980-05-01', precision: 'month' });
    // born in 1991, she turns 35 this year
    const b = await consentedWoman(bot);
    await b.say('1');
    expect(joined(await b.say('1991年'))).toContain('您是1991年几月几号出生的？');
    expect(joined(await b.say('1991年'))).toContain('请写完整，要有年、月、日');
    expect(joined(await b.say('3月5号'))).toContain('您在2026年3月5日满35岁');
    expect((await factsOf(bot.db(), (await contactOf(bot.db(), b))!.id)).birthDate).toBe('1991-03-05');
  });

  it('人工 while the privacy notice waits leaves the notice waiting: 同意 then works', async () => {
    const w = bot.woman();
    await w.say('你好');
    expect(joined(await w.say('人工'))).toContain('请打电话');
    expect((await w.say('同意'))[0]).toBe('谢谢您的信任！');
  });

  it('a first message that is a command does not count as having read the notice', async () => {
    const w = bot.woman();
    await w.say('人工');
    expect((await w.say('同意'))[0]).toContain('【隐私说明】');
  });

  it('我的信息 after declining says exactly that', async () => {
    const w = bot.woman();
    await w.say('你好');
    await w.say('不同意');
    expect(joined(await w.say('我的信息'))).toContain('我们只保存了您的微信编号和“不同意”这个状态');
  });

  it('at the menu, thanks or another topic is understood instead of re-prompted', async () => {
    const w = await consentedWoman(bot);
    expect(await w.say('谢谢')).toEqual(['不客气！有需要随时找我，回复“菜单”看看我能帮您做什么。']);
    await w.say('菜单');
    expect(joined(await w.say('我想问问宫颈癌'))).toContain('请告诉我您的出生日期');
  });

  it('我的信息 labels every answer; 删除我的信息 removes health facts and outcomes too', async () => {
    const w = await consentedWoman(bot);
    await eligibleTwoCancer(w);
    const mine = joined(await w.say('我的信息'));
    expect(mine).toContain('· 单位体检是否查两癌：否');
    expect(mine).toContain('· 上次两癌筛查：从没做过');
    expect(mine).toContain('· 是否有过性生活：是');
    expect(mine).not.toMatch(/[a-z]{4,}：/);
    const id = (await contactOf(bot.db(), w))!.id;
    expect(await bot.db().fact.count({ where: { contactId: id, sensitive: true } })).toBe(5);
    await w.say('删除我的信息');
    await w.say('确定');
    for (const count of [bot.db().contact.count(), bot.db().fact.count(), bot.db().conversation.count(), bot.db().eligibilityCheck.count()]) {
      expect(await count).toBe(0);
    }
  });

  it('global commands work in the middle of the health questions', async () => {
    const w = await consentedWoman(bot);
    for (const t of ['1', '1978年5月6日', '1', '1', '不会', '同意']) await w.say(t);
    expect(joined(await w.say('我的信息'))).toContain('· 出生日期：1978年5月6日');
    expect(joined(await w.say('退订'))).toContain('已经退订');
    expect((await w.say('取消'))[0]).toBe('好的，已取消。');
  });
});
