// Her first message is kept through the privacy notice: what it asked for (the flow, its trigger's
// variables, her words when they answer a question) waits, marked as not consented, and goes on
// once she agrees; it is dropped when she declines or goes silent. The same through the health
// consent. 项城市 (Henan); Monday 2026-03-02, 09:00.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../src/services/conversationStore.js';
import { dbUnavailable } from '../support/testDb.js';
import { startEngineChat, type EngineChat } from '../support/engineChat.js';

const THANKS = '谢谢您的信任！';
const BIRTH_DATE_Q = '请告诉我您的出生日期（阳历），也可以直接发身份证号。';
const REGISTER_INTRO = '好的，帮您登记孕期。每项孕期检查都要在固定的周数里做，到时候我会提醒您。';
const TWINS_Q = '怀的是一个宝宝，还是双胞胎？回复数字：\n1. 一个\n2. 双胞胎（或更多）\n3. 还不知道';
const ASK_AGAIN = '同意请回复“同意”；不同意请回复“不同意”，我们不会保存您的任何信息。';
const DECLINED = '好的，我们不会保存您的任何信息。以后想了解免费筛查，随时给我发“你好”。也可以打电话 0394-4326120 问工作人员。';

describe.skipIf(dbUnavailable)('her first message through the privacy notice', () => {
  let chat: EngineChat;
  let healthConsent: string;
  let menu: string;
  let notice: string;
  beforeAll(async () => {
    chat = await startEngineChat();
    const text = (flow: string) => {
      const step = chat.t.app.flowSet.flows.get(flow)!.steps[0];
      return step.kind === 'ask' ? step.text : '';
    };
    healthConsent = text('health_consent');
    menu = text('menu');
    notice = (await chat.say('notice-text', '你好'))[0];
  });
  afterAll(async () => chat.stop());

  /** Nothing about her but the contact row (consent none) and the notice waiting. */
  async function expectNothingStored(id: string) {
    expect(await chat.contact(id)).toMatchObject({ consent: expect.stringMatching(/none|declined/), healthConsentAt: null });
    expect(await chat.facts(id)).toEqual({});
    const c = await chat.contact(id);
    expect(await chat.t.app.dbHandle.db.eligibilityCheck.count({ where: { contactId: c!.id } })).toBe(0);
  }

  it('a question (两癌): kept while she reads the notice, answered after 同意 without the menu', async () => {
    expect(await chat.say('q', '我能免费做两癌筛查吗?')).toEqual([notice]);
    const row = await chat.conversation('q');
    expect(row).toEqual({
      flowId: 'consent',
      stepId: 'notice',
      vars: {},
      engine: {
        stack: [{ flowId: 'eligibility', target: 'choose', request: { vars: { programme: 'twoCancer' }, text: '我能免费做两癌筛查吗?', consented: false } }],
      },
    });
    await expectNothingStored('q');
    expect(await chat.say('q', '同意')).toEqual([THANKS, BIRTH_DATE_Q]);
    expect(await chat.conversation('q')).toEqual({
      flowId: 'eligibility',
      stepId: 'check',
      vars: { programme: 'twoCancer' },
      // her words were read by the interview (they answer none of its questions)
      engine: { interview: { asking: 'birthDate', answered: [] }, stack: [], trigger: { text: '我能免费做两癌筛查吗?', tried: ['eligibility.interview'] } },
    });
  });

  it('a command (预约): the booking list after 同意', async () => {
    await chat.say('cmd', '预约');
    const after = await chat.say('cmd', '同意');
    expect(after[0]).toBe(THANKS);
    expect(after[1]).toMatch(/^您要预约哪一项？回复数字：\n1\. 两癌筛查/);
    expect(after).toHaveLength(2);
  });

  it('what to book, named in her first message, is not asked again (想约唐筛)', async () => {
    await chat.say('tang', '想约唐筛 18周了');
    expect((await chat.conversation('tang'))!.engine.stack).toEqual([
      { flowId: 'booking', target: 'service', request: { vars: {}, text: '想约唐筛 18周了', consented: false } },
    ]);
    expect(await chat.say('tang', '同意')).toEqual([THANKS, '预约前，先帮您看看您能不能参加这个项目。', healthConsent]);
    expect((await chat.conversation('tang'))!.vars).toMatchObject({ services: 'serum-mid', programme: 'prenatal' });
  });

  it('her weeks, in the message that led to the health consent, answer the question once she agrees to it', async () => {
    expect(await chat.say('weeks', '我怀孕了 12周了')).toEqual([notice]);
    await expectNothingStored('weeks');
    expect(await chat.say('weeks', '同意')).toEqual([THANKS, REGISTER_INTRO, healthConsent]);
    expect(await chat.say('weeks', '同意')).toEqual([TWINS_Q]);
    expect((await chat.conversation('weeks'))!.vars).toEqual({ dating: { dueDate: '2026-09-14', from: 'weeks' } });
  });

  it('declining the health consent drops her kept words', async () => {
    await chat.say('hc-no', '我怀孕了，预产期10月1号');
    expect(await chat.say('hc-no', '同意')).toEqual([THANKS, REGISTER_INTRO, healthConsent]);
    const kept = await chat.conversation('hc-no');
    expect(kept!.engine.trigger).toEqual({ text: '我怀孕了，预产期10月1号', tried: [] });
    await chat.say('hc-no', '不同意');
    expect(await chat.conversation('hc-no')).toEqual({ flowId: '', stepId: '', vars: {}, engine: {} });
    expect(await chat.facts('hc-no')).toEqual({});
  });

  it('declining the notice drops what her message asked for; nothing about her is kept', async () => {
    await chat.say('no', '我怀孕了 12周了');
    expect(await chat.say('no', '不同意')).toEqual([DECLINED]);
    expect(await chat.conversation('no')).toEqual({ flowId: '', stepId: '', vars: {}, engine: {} });
    await expectNothingStored('no');
    expect((await chat.contact('no'))?.consent).toBe('declined');
  });

  it('silence drops it: the idle purge of the store', async () => {
    await chat.say('idle-job', '想约唐筛 18周了');
    chat.t.clock.advanceTo(new Date('2026-03-02T11:00:00+08:00'));
    expect(await new ConversationStore(chat.t.app.dbHandle.db).resetIdle(chat.t.clock.now(), 30 * 60_000)).toBeGreaterThanOrEqual(1);
    expect(await chat.conversation('idle-job')).toEqual({ flowId: 'consent', stepId: 'notice', vars: {}, engine: {} });
    expect(await chat.say('idle-job', '同意')).toEqual([THANKS, menu]);
  });

  it('silence drops it: the idle reset at her next message', async () => {
    await chat.say('idle-next', '我怀孕了 12周了');
    chat.t.clock.advanceTo(new Date('2026-03-02T13:00:00+08:00'));
    expect(await chat.say('idle-next', '同意')).toEqual([THANKS, menu]);
  });

  it('a question at the notice (要钱吗, 你是谁) gets a short answer and the prompt again, not a re-prompt', async () => {
    await chat.say('side', '想约唐筛');
    expect(await chat.say('side', '要钱吗')).toEqual([`用这个小助手不花钱。能不能免费做筛查，要看您的年龄、户口这些情况，您同意后我帮您查。\n${ASK_AGAIN}`]);
    expect(await chat.say('side', '你是谁啊？')).toEqual([
      `我是项城市免费妇女健康筛查小助手，是项城市卫生健康委员会的自动回复，不是真人。要找工作人员请回复“人工”，或打电话 0394-4326120。\n${ASK_AGAIN}`,
    ]);
    expect(await chat.say('side', '要填啥')).toEqual([
      `不用填表。您同意后，我一个一个问您几个简单的问题（比如出生日期、户口在哪里），回复文字就行。\n${ASK_AGAIN}`,
    ]);
    expect(await chat.say('side', '是真的吗')).toEqual([
      `这是项城市卫生健康委员会的免费筛查服务。不放心的话，可以打电话 0394-4326120 问工作人员。\n${ASK_AGAIN}`,
    ]);
    await expectNothingStored('side');
    // still kept: after 同意 she goes on with it
    const after = await chat.say('side', '同意');
    expect(after.slice(0, 2)).toEqual([THANKS, '预约前，先帮您看看您能不能参加这个项目。']);
  });

  it('a command that needs no consent (人工) leaves the notice waiting with her request', async () => {
    await chat.say('human', '我能免费做两癌筛查吗');
    const human = await chat.say('human', '人工');
    expect(human[0]).toMatch(/^需要工作人员帮忙/);
    expect(await chat.conversation('human')).toMatchObject({ flowId: 'consent', stepId: 'notice', engine: { stack: [{ flowId: 'eligibility' }] } });
    expect(await chat.say('human', '同意')).toEqual([THANKS, BIRTH_DATE_Q]);
  });

  it('something asked for while the notice waits is kept instead; a greeting alone asks for the menu', async () => {
    await chat.say('later', '你好');
    expect((await chat.conversation('later'))!.engine).toEqual({});
    const r = await chat.say('later', '我想登记孕期');
    // (a short answer that it is kept, and the question again: not a re-prompt)
    expect(r).toEqual(['好的，您同意后我马上接着帮您办。\n同意请回复“同意”；不同意请回复“不同意”，我们不会保存您的任何信息。']);
    expect((await chat.conversation('later'))!.engine.stack).toEqual([
      { flowId: 'pregnancy', target: 'check', request: { vars: {}, text: '我想登记孕期', consented: false } },
    ]);
    expect(await chat.say('later', '同意')).toEqual([THANKS, REGISTER_INTRO, healthConsent]);
  });
});
