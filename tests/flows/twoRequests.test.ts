import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import { matchTrigger } from '../../src/flows/matchWords.js';
import { datingAlone, twoRequests } from '../../src/flows/twoRequests.js';

const set = loadFlows(path.resolve('flows'), ALL_ACTIONS, ALL_CHOICE_SOURCES);
const order = (text: string) => {
  const main = matchTrigger(text, set.flows.values(), { plainYes: false });
  return main ? twoRequests(set, main, text).map((r) => r.flowId) : [];
};

describe('twoRequests', () => {
  it.each([
    '我怀孕了能免费查啥 帮我登记下',
    '我怀孕了 能免费查么子 帮我登记下',
    '我怀上了 产检能免费不 给我登记上',
    '怀孕了做啥检查免费 帮我建个档',
    '唐筛免费不 帮我登记孕期',
    '能免费查不 帮我登记一下 怀孕八周',
  ])('a question and registering (%s): the question first, then the registration', (text) => {
    expect(order(text)).toEqual(['eligibility', 'pregnancy']);
  });

  it.each(['我怀孕了能免费查啥', '我怀孕了 能免费查么子', '唐筛免费不'])('a question alone (%s) is one request', (text) => {
    expect(order(text)).toEqual(['eligibility']);
  });

  it.each(['两癌免费吗 帮我约一个', '唐筛要钱不 给俺约个', '怀孕了 能免费做唐筛吗 帮我约一个'])(
    'a question beside a booking (%s): the booking, which checks eligibility itself',
    (text) => {
      expect(order(text)).toEqual(['booking']);
    },
  );

  it('keeps her words for the registration (her weeks in another clause)', () => {
    const text = '唐筛免费不 帮我登记孕期 怀孕12周了';
    const main = matchTrigger(text, set.flows.values(), { plainYes: false })!;
    const [first, then] = twoRequests(set, main, text);
    expect(first).toMatchObject({ flowId: 'eligibility', vars: { programme: 'prenatal' } });
    expect(then).toMatchObject({ flowId: 'pregnancy' });
    expect(then?.text).toContain('12周');
  });
});

describe('datingAlone', () => {
  const today = '2026-03-11';
  it.each(['十周哒', '孕10周', '怀孕十周了', '9周2天', '十二周了', '预产期10月7号', '末次月经2月1号'])('her dates alone (%s) register', (text) => {
    expect(datingAlone(set, text, today)).toMatchObject({ flowId: 'pregnancy', answers: true });
  });

  it.each(['明天', '10月7号', '下周三', '三周前', '12', '谢谢', '四个月了'])('a day or anything else (%s) does not', (text) => {
    expect(datingAlone(set, text, today)).toBeUndefined();
  });
});
