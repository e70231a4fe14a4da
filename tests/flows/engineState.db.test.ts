// The engine's bookkeeping lives in its own typed state, apart from her answers: the options shown,
// the interview under way, and a real stack of flows that call flows (booking → eligibility →
// health consent returns to each caller in turn). 项城市 (Henan); Monday 2026-03-02, 09:00.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startEngineChat, type EngineChat } from '../support/engineChat.js';

describe.skipIf(dbUnavailable)('engine state', () => {
  let chat: EngineChat;
  let healthConsent: string;
  beforeAll(async () => {
    chat = await startEngineChat();
    const step = chat.t.app.flowSet.flows.get('health_consent')!.steps[0];
    healthConsent = step.kind === 'ask' ? step.text : '';
  });
  afterAll(async () => chat.stop());

  const consented = (id: string) => chat.walk(id, ['你好', '同意']);

  it('keeps the options shown in the engine state, not in her answers', async () => {
    await consented('opts');
    const list = await chat.say('opts', '预约');
    expect(list[0]).toMatch(/^您要预约哪一项？回复数字：\n1\. 两癌筛查/);
    const row = await chat.conversation('opts');
    expect(row).toMatchObject({ flowId: 'booking', stepId: 'service', vars: {} });
    expect(row!.engine.options).toContainEqual({
      value: 'nt',
      label: 'NT超声检查（怀孕11到13周）',
      words: ['NT', 'nt', 'Nt', '颈项透明', '颈后透明', '透明层', '透明带'],
    });
    expect(row!.engine.stack).toEqual([]);
  });

  it('booking calls eligibility, which calls the health consent: each returns to its caller in turn', async () => {
    await consented('stack');
    await chat.say('stack', '预约');
    expect(await chat.say('stack', '4')).toEqual(['预约前，先帮您看看您能不能参加这个项目。', healthConsent]);
    let row = await chat.conversation('stack');
    expect(row).toMatchObject({ flowId: 'health_consent', stepId: 'ask' });
    expect(row!.engine.stack).toEqual([
      { flowId: 'booking', target: 'after_check' },
      { flowId: 'eligibility', target: 'check' },
    ]);
    expect(row!.vars).toMatchObject({ services: 'nt', programme: 'prenatal' });
    expect(Object.keys(row!.vars).filter((k) => k.startsWith('__'))).toEqual([]);

    // back in the eligibility interview
    expect(await chat.say('stack', '同意')).toEqual(['您现在怀孕了吗？']);
    row = await chat.conversation('stack');
    expect(row).toMatchObject({ flowId: 'eligibility', stepId: 'check' });
    expect(row!.engine).toMatchObject({ stack: [{ flowId: 'booking', target: 'after_check' }], interview: { asking: 'pregnant', answered: [] } });

    const residence = await chat.say('stack', '是');
    expect(residence).toHaveLength(1);
    expect(residence[0]).toMatch(/^您或您丈夫的户口在河南吗？请选一个：\n1\. 我的户口在河南/);
    // (the words that started it, not read yet, wait for its later questions)
    expect((await chat.conversation('stack'))!.engine.interview).toEqual({ asking: 'residenceHenan', answered: ['pregnant'], carried: ['预约'] });

    // the answer, then back in booking where it called
    const answer = await chat.say('stack', '1');
    expect(answer).toHaveLength(2);
    expect(answer[0]).toMatch(/^您可以参加河南省的免费孕期筛查/);
    // (a prenatal booking asks her weeks, for the screening's window, before where she lives)
    expect(answer[1]).toMatch(/^孕期检查要在固定的周数里做。您怀孕多少周了？/);
    row = await chat.conversation('stack');
    expect(row).toMatchObject({ flowId: 'booking', stepId: 'pregnancy', vars: { services: 'nt', eligible: 'yes' } });
    expect(row!.engine.stack).toEqual([]);
    expect(row!.engine.interview).toBeUndefined();
    expect(await chat.facts('stack')).toEqual({ pregnant: true, residenceHenan: 'hukou' });
  });

  it('declining the health consent in a called flow ends every caller', async () => {
    await consented('decline');
    await chat.say('decline', '预约');
    await chat.say('decline', '4');
    expect(await chat.say('decline', '不同意')).toEqual([
      '好的，不问健康问题。没有这些信息，我没法判断您能不能参加免费筛查。您可以随时回复“菜单”重新开始，或打电话 0394-4326120 问工作人员。',
    ]);
    expect(await chat.conversation('decline')).toEqual({ flowId: '', stepId: '', vars: {}, engine: {} });
    expect(await chat.facts('decline')).toEqual({});
  });

  it('eligibility started on its own comes to rest after its answer (nothing to return to)', async () => {
    await consented('alone');
    await chat.say('alone', '1'); // 两癌 from the menu
    const last = await chat.walk('alone', ['1978年5月6日', '1', '1', '不会', '同意', '没有', '没有', '没有', '有', '没有']);
    expect(last[0]).toMatch(/^好消息！/);
    expect(await chat.conversation('alone')).toEqual({ flowId: '', stepId: '', vars: {}, engine: {} });
  });
});
