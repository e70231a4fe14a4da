// A refusal is never the result of a guess: an answer read only from part of her words that would
// make her not eligible, or cancel something, is confirmed in one short question first; 是 goes
// on, 不是 asks the question again (not a failed answer). 项城市 (Henan); Monday 2026-03-02, 09:00.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import type { EngineChat } from '../support/engineChat.js';

// The choice parser marks such answers `guessed` (src/domain/parse/parseChoice.ts, its own tests);
// here a reply that is not exactly a number, a label or a word of the option counts as a guess, so
// these tests depend only on the engine. The test worker keeps the modules earlier files loaded
// (vitest.config.ts): the app is imported afresh once the mock is in place, and the mock is taken
// away and the modules dropped again after this file, so that no other file reads with it.
const PARSE_CHOICE = '../../src/domain/parse/parseChoice.js';
vi.mock('../../src/domain/parse/parseChoice.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/domain/parse/parseChoice.js')>();
  const compact = (s: string) => s.replace(/[\s,，。.!！?？]+/gu, '').replace(/[吧啊呀呢哦的了嘛]+$/u, '');
  return {
    ...real,
    parseChoice: (text: string, options: { value: string; label: string; words: string[] }[]) => {
      const r = real.parseChoice(text, options);
      if (!r.ok) return r;
      const reply = compact(text);
      const whole = /^[0-9]+$/u.test(reply) || options.some((o) => o.label === reply || o.words.includes(reply));
      return whole ? r : { ...r, guessed: true as const };
    },
  };
});

const CONFIRM_URBAN = '您是说：城镇，不是低保户，对吗？';

describe.skipIf(dbUnavailable)('a guess is confirmed before a refusal', () => {
  let chat: EngineChat;
  let groupQuestion: string;
  beforeAll(async () => {
    vi.resetModules();
    const { startEngineChat } = await import('../support/engineChat.js');
    chat = await startEngineChat();
  });
  afterAll(async () => {
    await chat.stop();
    vi.doUnmock(PARSE_CHOICE);
    vi.resetModules();
  });

  /** A consented woman at the 两癌 group question (born 1978, local 户籍). */
  async function atGroupQuestion(id: string): Promise<string[]> {
    await chat.walk(id, ['你好', '同意', '1', '1978年5月6日']);
    // a guess that refuses nothing is taken as it is
    return chat.say(id, '我是本地人');
  }

  it('a guessed answer that would make her not eligible is confirmed; 不是 asks the question again', async () => {
    const q = await atGroupQuestion('no');
    expect(q).toHaveLength(1);
    expect(q[0]).toMatch(/^您家在农村，还是在城镇？/);
    groupQuestion = q[0];
    expect(await chat.facts('no')).toMatchObject({ residence: 'hukou' });

    expect(await chat.say('no', '我们住县城边上')).toEqual([CONFIRM_URBAN]);
    const c = await chat.contact('no');
    expect(await chat.t.app.dbHandle.db.eligibilityCheck.count({ where: { contactId: c!.id } })).toBe(0);
    expect(await chat.facts('no')).not.toHaveProperty('group');
    expect(await chat.conversation('no')).toMatchObject({
      flowId: 'eligibility',
      stepId: 'check',
      engine: { guess: { value: 'urban', label: '城镇，不是低保户' } },
    });

    expect(await chat.say('no', '不是')).toEqual([groupQuestion]);
    expect(await chat.conversation('no')).toMatchObject({ engine: { interview: { asking: 'group' } } });
    expect((await chat.conversation('no'))!.engine.guess).toBeUndefined();
    // then her plain answer goes on (no failure counted)
    expect(await chat.say('no', '1')).toEqual(['您的单位每年体检，会给您查宫颈和乳腺吗？没有单位就回答“不会”。']);
    expect(await chat.facts('no')).toMatchObject({ group: 'rural' });
  });

  it('是 confirms it: the refusal follows', async () => {
    await atGroupQuestion('yes');
    expect(await chat.say('yes', '我们住县城边上')).toEqual([CONFIRM_URBAN]);
    const answer = await chat.say('yes', '是的');
    expect(answer[0]).toMatch(/^河南省的两癌免费筛查是给农村妇女和城镇低保妇女的/);
    expect(await chat.facts('yes')).toMatchObject({ group: 'urban' });
    const c = await chat.contact('yes');
    expect(await chat.t.app.dbHandle.db.eligibilityCheck.findMany({ where: { contactId: c!.id }, select: { eligible: true, reasonCode: true } })).toEqual([
      { eligible: false, reasonCode: 'group' },
    ]);
  });

  it('a plain answer (the option number) that refuses her is not a guess: no confirmation', async () => {
    await atGroupQuestion('plain');
    const answer = await chat.say('plain', '3');
    expect(answer[0]).toMatch(/^河南省的两癌免费筛查是给农村妇女和城镇低保妇女的/);
  });

  it('something else instead of 是/不是 is read as her answer to the question', async () => {
    await atGroupQuestion('other');
    expect(await chat.say('other', '我们住县城边上')).toEqual([CONFIRM_URBAN]);
    expect(await chat.say('other', '2')).toEqual(['您的单位每年体检，会给您查宫颈和乳腺吗？没有单位就回答“不会”。']);
    expect(await chat.facts('other')).toMatchObject({ group: 'urbanLowIncome' });
  });

  it('a flow step marked confirmIfGuessed: cancelling from 我的预约 on a guess is confirmed first', async () => {
    const id = 'cancel';
    await chat.walk(id, ['你好', '同意', '1', '1978年5月6日', '1', '1', '不会', '同意', '没有', '没有', '没有', '有', '没有']);
    await chat.walk(id, ['预约', '1', '丁集', '1', '1', '上午']);
    expect((await chat.say(id, '是'))[0]).toMatch(/^约好了！预约号：/);
    const mine = await chat.say(id, '我的预约');
    expect(mine[mine.length - 1]).toBe('要改约或取消吗？回复数字：\n1. 改约（换日子）\n2. 取消预约\n3. 不用了');
    expect(await chat.say(id, '那就取消了吧')).toEqual(['您是说：取消预约，对吗？']);
    expect(await chat.say(id, '不是')).toEqual(['要改约或取消吗？回复数字：\n1. 改约（换日子）\n2. 取消预约\n3. 不用了']);
    expect(await chat.say(id, '3')).toEqual(['好的。']);
    // a guess at a step that cancels nothing is taken as it is (不用了 → nothing)
    await chat.say(id, '我的预约');
    expect(await chat.say(id, '不用了谢谢')).toEqual(['好的。']);
    const booking = await chat.t.app.dbHandle.db.booking.findFirst({ where: { contact: { externalId: id } } });
    expect(booking?.status).toBe('confirmed');
  });
});
