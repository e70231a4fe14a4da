// Consent (PIPL) through the real WeChat bot: nothing about her is kept until she agrees.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { contactOf, factsOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

describe.skipIf(dbUnavailable)('consent', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot();
  });
  afterEach(async () => bot.stop());

  it('shows the privacy notice first and keeps only her channel id and consent state', async () => {
    const w = bot.woman();
    const replies = await w.say('我能免费做两癌筛查吗?');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('【隐私说明】');
    expect(replies[0]).toContain('谁在收集：项城市卫生健康委员会');
    expect(replies[0]).toMatch(/保存多久：.+/);
    expect(replies[0]).toContain('回复“删除我的信息”全部删除');
    expect(replies[0]).toContain('同意请回复“同意”');

    const contact = await contactOf(bot.db(), w);
    expect(contact).toMatchObject({ channel: 'wechat', consent: 'none', consentAt: null, healthConsentAt: null, regionId: null });
    expect(await bot.db().fact.count()).toBe(0);
    expect(await bot.db().eligibilityCheck.count()).toBe(0);
    const conv = await bot.db().conversation.findUniqueOrThrow({ where: { contactId: contact!.id } });
    expect(conv).toMatchObject({ flowId: 'consent', stepId: 'notice', varsJson: '{}' });

    // once she agrees, what she asked goes on (not the menu)
    expect(await w.say('同意')).toEqual(['谢谢您的信任！', '请告诉我您的出生日期（阳历），也可以直接发身份证号。']);
  });

  it('consent given: thanks her, records the consent and offers the menu', async () => {
    const w = bot.woman();
    await w.say('你好');
    const replies = await w.say('同意');
    expect(replies[0]).toBe('谢谢您的信任！');
    expect(replies[1]).toContain('请问您想做什么？');
    expect(replies[1]).toContain('1. 我能免费做两癌筛查吗');
    const contact = await contactOf(bot.db(), w);
    expect(contact?.consent).toBe('given');
    expect(contact?.consentAt?.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(contact?.regionId).toBe('xiangcheng');
  });

  it('consent declined: says nothing is kept, keeps nothing, and asks again next time', async () => {
    const w = bot.woman();
    await w.say('你好');
    const replies = await w.say('不同意');
    expect(joined(replies)).toContain('我们不会保存您的任何信息');
    const contact = await contactOf(bot.db(), w);
    expect(contact).toMatchObject({ consent: 'declined', consentAt: null, regionId: null });
    expect(await bot.db().fact.count()).toBe(0);
    const conv = await bot.db().conversation.findUniqueOrThrow({ where: { contactId: contact!.id } });
    expect(conv).toMatchObject({ flowId: '', stepId: '', varsJson: '{}' });

    const again = await w.say('两癌筛查');
    expect(again[0]).toContain('【隐私说明】');
  });

  it('re-prompts an unclear answer to the notice with an example', async () => {
    const w = bot.woman();
    await w.say('你好');
    const replies = await w.say('啥意思');
    expect(replies).toEqual(['抱歉，我没看懂您的回答。\n请这样回复，例如：同意']);
    expect((await contactOf(bot.db(), w))?.consent).toBe('none');
  });

  it('health questions ask for their own consent first; declining keeps no health data', async () => {
    const w = bot.woman();
    await w.say('你好');
    await w.say('同意');
    const ask = await w.say('2'); // 产前筛查: the first question is whether she is pregnant (health data)
    expect(joined(ask)).toContain('这些是敏感个人信息');
    const contact = await contactOf(bot.db(), w);
    expect(contact?.healthConsentAt).toBeNull();
    const declined = await w.say('不同意');
    expect(joined(declined)).toContain('不问健康问题');
    expect(await factsOf(bot.db(), contact!.id)).toEqual({});
    expect((await contactOf(bot.db(), w))?.healthConsentAt).toBeNull();
  });
});
