// Global commands and re-prompts through the real WeChat bot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { consentedWoman, contactOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

describe.skipIf(dbUnavailable)('global commands and re-prompts', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot();
  });
  afterEach(async () => bot.stop());

  const consented = () => consentedWoman(bot);

  it('an unreadable answer gets a re-prompt with an example; the third offers the menu and a human', async () => {
    const w = await consented();
    await w.say('1');
    expect(await w.say('不知道')).toEqual(['抱歉，我没看懂您的回答。\n请这样回复，例如：1980年5月6日，或 19800506，或18位身份证号']);
    expect(joined(await w.say('2099年1月1日'))).toContain('这个日期还没到');
    const third = joined(await w.say('???'));
    expect(third).toContain('回复“菜单”从头开始');
    expect(third).toContain('回复“人工”找工作人员');
    expect(third).toContain('0394-');
    // she can still answer the same question
    expect(joined(await w.say('1978年5月6日'))).toContain('户口在本地');
  });

  it('a choice answer out of range repeats the options', async () => {
    const w = await consented();
    const r = joined(await w.say('9'));
    expect(r).toContain('这个数字或日期不在可选的范围内');
    expect(r).toContain('1. 我能免费做两癌筛查吗');
  });

  it('an ID number with a wrong check digit is refused kindly', async () => {
    const w = await consented();
    await w.say('1');
    expect(joined(await w.say('411627197805060021'))).toContain('身份证号好像有一位写错了');
  });

  it('菜单 and 取消 leave the question at any step', async () => {
    const w = await consented();
    await w.say('1');
    const menu = joined(await w.say('菜单'));
    expect(menu).toContain('请问您想做什么？');
    await w.say('1');
    const cancel = await w.say('取消');
    expect(cancel[0]).toBe('好的，已取消。');
    expect(cancel[1]).toContain('请问您想做什么？');
    const contact = (await contactOf(bot.db(), w))!;
    const conv = await bot.db().conversation.findUniqueOrThrow({ where: { contactId: contact.id } });
    expect(conv).toMatchObject({ flowId: 'menu', stepId: 'choose' });
  });

  it('thanks after an answer gets a warm reply, not "I did not understand"', async () => {
    const w = await consented();
    await w.say('1');
    await w.say('1991年7月20日'); // answered: at rest again
    expect(await w.say('好的，谢谢')).toEqual(['不客气！有需要随时找我，回复“菜单”看看我能帮您做什么。']);
  });

  it('something the bot cannot place gets a kind note and the menu', async () => {
    const w = await consented();
    await w.say('1');
    await w.say('1991年7月20日');
    const r = await w.say('今天天气不错');
    expect(r[0]).toBe('抱歉，我没太明白您的意思。');
    expect(r[1]).toContain('请问您想做什么？');
  });

  it('人工 gives the service phone, before and after consent', async () => {
    const before = bot.woman();
    expect(joined(await before.say('人工'))).toMatch(/请打电话 0394-\d+/);
    const after = await consented();
    expect(joined(await after.say('转人工'))).toMatch(/请打电话 0394-\d+/);
  });

  it('退订 stops proactive messages until 订阅', async () => {
    const w = await consented();
    expect(joined(await w.say('退订'))).toContain('已经退订');
    expect((await contactOf(bot.db(), w))?.subscribed).toBe(false);
    expect(joined(await w.say('订阅'))).toContain('已恢复');
    expect((await contactOf(bot.db(), w))?.subscribed).toBe(true);
  });

  it('我的信息 shows everything stored about her', async () => {
    const before = bot.woman();
    expect(joined(await before.say('我的信息'))).toContain('只保存了您的微信编号和“尚未同意”这个状态');

    const w = await consented();
    await w.say('1');
    await w.say('1991年7月20日');
    const mine = joined(await w.say('我的信息'));
    expect(mine).toContain('我们保存的关于您的全部信息：');
    expect(mine).toContain('· 2026年3月2日 您同意了隐私说明');
    expect(mine).toContain('· 接收提醒：是');
    expect(mine).toContain('· 所在地区：项城市');
    expect(mine).toContain('· 出生日期：1991年7月20日');
    expect(mine).toContain('· 2026年3月2日 查询了两癌免费筛查：暂不符合，2026年7月20日起可以参加');
  });

  it('删除我的信息 asks to confirm, then leaves no row about her', async () => {
    const w = await consented();
    await w.say('1');
    await w.say('1978年5月6日');
    expect(joined(await w.say('删除我的信息'))).toContain('确定要删除');
    expect(joined(await w.say('不'))).toContain('没有删除');
    const contact = (await contactOf(bot.db(), w))!;
    expect(await bot.db().fact.count({ where: { contactId: contact.id } })).toBe(1);

    await w.say('删除我的信息');
    expect(joined(await w.say('是'))).toContain('已经全部删除了');
    expect(await bot.db().contact.count({ where: { id: contact.id } })).toBe(0);
    expect(await bot.db().fact.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await bot.db().conversation.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await bot.db().eligibilityCheck.count({ where: { contactId: contact.id } })).toBe(0);
    expect(await bot.db().contact.count()).toBe(0);

    // she is a stranger again: the privacy notice comes first
    expect((await w.say('你好'))[0]).toContain('【隐私说明】');
  });
});
