// State in the database: a restart mid-flow resumes, contacts never mix, idle conversations reset.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { contactOf, factsOf, joined, startE2EBot, type E2EBot } from '../support/e2eBot.js';

describe.skipIf(dbUnavailable)('conversation state', () => {
  let bot: E2EBot;
  beforeEach(async () => {
    bot = await startE2EBot({ env: { CONVERSATION_IDLE_MINUTES: '30' } });
  });
  afterEach(async () => bot.stop());

  it('a restart in the middle of a flow resumes at the same question', async () => {
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

  it('an idle conversation resets after the idle time with a short note', async () => {
    const w = bot.woman();
    await w.say('你好');
    await w.say('同意');
    await w.say('1');
    await bot.advanceClock('2026-03-02T09:45:00+08:00');
    const contact = (await contactOf(bot.db(), w))!;
    const conv = await bot.db().conversation.findUniqueOrThrow({ where: { contactId: contact.id } });
    expect(conv).toMatchObject({ flowId: '', stepId: '' });
    expect(conv.idleResetAt?.toISOString()).toBe('2026-03-02T01:45:00.000Z');
    const replies = await w.say('1978年5月6日');
    expect(replies[0]).toContain('我们重新开始');
    expect(joined(replies)).not.toContain('没太明白');
    expect(replies[1]).toContain('请问您想做什么？');
  });

  it('the menu waits without timing out: an answer the next day is taken', async () => {
    const w = bot.woman();
    await w.say('你好');
    await w.say('同意');
    await bot.advanceClock('2026-03-03T10:00:00+08:00');
    const replies = await w.say('1');
    expect(joined(replies)).not.toContain('重新开始');
    expect(joined(replies)).toContain('请告诉我您的出生日期');
  });

  it('the privacy notice does not time out', async () => {
    const w = bot.woman();
    await w.say('你好');
    await bot.advanceClock('2026-03-03T09:00:00+08:00');
    const replies = await w.say('同意');
    expect(replies[0]).toBe('谢谢您的信任！');
  });
});
