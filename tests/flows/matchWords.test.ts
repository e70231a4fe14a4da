import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { ALL_ACTION_OUTCOMES as ACTION_OUTCOMES, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import { matchCommand, matchTrigger } from '../../src/flows/matchWords.js';

const set = loadFlows(path.resolve('flows'), ACTION_OUTCOMES, ALL_CHOICE_SOURCES);

describe('matchCommand', () => {
  it.each([
    ['菜单', 'menu'],
    ['菜单！', 'menu'],
    [' 菜单 ', 'menu'],
    ['取消', 'cancel'],
    ['我要人工', 'human'],
    ['转人工', 'human'],
    ['人工。', 'human'],
    ['退订', 'unsubscribe'],
    ['订阅', 'subscribe'],
    ['我的信息', 'my_data'],
    ['查看我的信息', 'my_data'],
    ['删除我的信息', 'delete_data'],
    ['请删除我的信息', 'delete_data'],
    ['撤回同意', 'delete_data'],
    ['我想看菜单吧', 'menu'],
  ])('%s → %s', (text, flow) => {
    expect(matchCommand(text, set.commands)).toBe(flow);
  });

  it.each(['我的信息是什么时候删除', '菜单里有什么筛查', '', '1', '我能免费做两癌筛查吗'])('"%s" is not a command', (text) => {
    expect(matchCommand(text, set.commands)).toBeUndefined();
  });
});

describe('matchTrigger', () => {
  it.each([
    ['我能免费做两癌筛查吗?', 'eligibility', { programme: 'twoCancer' }],
    ['你好，我想问问宫颈癌筛查', 'eligibility', { programme: 'twoCancer' }],
    ['怀孕了能免费做唐筛吗', 'eligibility', { programme: 'prenatal' }],
    ['能免费做筛查吗', 'eligibility', {}],
    ['你好', 'menu', {}],
    ['在吗', 'menu', {}],
    ['好的谢谢', 'thanks', {}],
    ['我想预约两癌筛查', 'booking', {}],
    ['帮我预约唐筛', 'booking', {}],
    ['我要取消预约', 'cancel_booking', {}],
    ['宫颈癌筛查改约', 'change_booking', {}],
  ])('%s → %s %o', (text, flowId, vars) => {
    expect(matchTrigger(text, set.flows.values())).toEqual({ flowId, vars });
  });

  it('finds nothing in unrelated words', () => {
    expect(matchTrigger('今天天气不错', set.flows.values())).toBeUndefined();
  });
});
