import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { ALL_ACTION_OUTCOMES as ACTION_OUTCOMES, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import { matchCommand, matchTrigger } from '../../src/flows/matchWords.js';
import type { Flow } from '../../src/flows/flowSchema.js';

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

describe('matchCommand: pregnancy', () => {
  it.each([
    ['流产了', 'pregnancy_loss'],
    ['孩子没了。', 'pregnancy_loss'],
    ['没保住', 'pregnancy_loss'],
    ['先兆流产', 'pregnancy_worry'],
    ['保胎', 'pregnancy_worry'],
  ])('%s → %s', (text, flow) => {
    expect(matchCommand(text, set.commands)).toBe(flow);
  });

  // 做过了 also answers questions (您做过切除子宫的手术吗): never a command
  it.each(['做过了', '我流产了吗', '怕流产怎么办'])('"%s" is not a command', (text) => {
    expect(matchCommand(text, set.commands)).toBeUndefined();
  });
});

describe('matchTrigger: unless', () => {
  const flow = (id: string, words: string[], unless: string[] = [], priority = 0): Flow => ({
    id,
    description: id,
    beforeConsent: false,
    triggers: [{ words, unless, vars: {}, priority }],
    steps: [{ id: 'x', kind: 'say', text: 'x', next: 'end' }],
  });
  const flows = [flow('loss', ['流产了', '胎停'], ['怕', '担心', '吗'], 3), flow('topic', ['怀孕'])];

  it.each([
    ['流产了', 'loss'],
    ['医生说胎停', 'loss'],
    ['怕流产了', undefined],
    ['担心胎停，怀孕8周', 'topic'],
    ['是胎停吗', undefined],
  ])('%s → %s', (text, flowId) => {
    expect(matchTrigger(text, flows)?.flowId).toBe(flowId);
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

  it.each([
    // registering a pregnancy: news, not a question about another programme
    ['我怀孕了', 'pregnancy', {}],
    ['登记孕期', 'pregnancy', {}],
    ['怀上了，要提醒', 'pregnancy', {}],
    ['我怀孕了能做两癌吗', 'eligibility', { programme: 'twoCancer' }],
    ['我怀孕了，能做产前筛查吗', 'eligibility', { programme: 'prenatal' }],
    ['我怀孕了想预约NT', 'booking', {}],
    ['医生说预产期是10月5号', 'pregnancy_redate', {}],
    ['B超预产期不对', 'pregnancy_redate', {}],
    ['宝宝出生了', 'birth', {}],
    ['已经生了', 'birth', {}],
    ['生了', 'birth', {}],
    ['生完孩子能做两癌吗', 'eligibility', { programme: 'twoCancer' }],
    ['我生了两个孩子能做两癌吗', 'eligibility', { programme: 'twoCancer' }],
    ['宝宝提醒', 'newborn', {}],
    ['NT做过了', 'screening_done', {}],
    ['已经做了', 'screening_done', {}],
    ['我去年做过了两癌', 'eligibility', { programme: 'twoCancer' }],
    // a loss
    ['流产了', 'pregnancy_loss', {}],
    ['医生说胎停了', 'pregnancy_loss', {}],
    ['孩子没保住', 'pregnancy_loss', {}],
    ['宝宝没了', 'pregnancy_loss', {}],
    ['小产了', 'pregnancy_loss', {}],
    ['胎死腹中', 'pregnancy_loss', {}],
    ['上周引产了', 'pregnancy_loss', {}],
    // worry is never a loss
    ['先兆流产', 'pregnancy_worry', {}],
    ['怕流产', 'pregnancy_worry', {}],
    ['会不会流产', 'pregnancy_worry', {}],
    ['担心胎停', 'pregnancy_worry', {}],
    ['怎么防止流产', 'pregnancy_worry', {}],
    ['保胎', 'pregnancy_worry', {}],
    ['我怕流产了怎么办', 'pregnancy_worry', {}],
    ['胎停了吗', 'pregnancy_worry', {}],
    ['宝宝没了胎动', 'pregnancy_worry', {}],
  ])('%s → %s %o', (text, flowId, vars) => {
    expect(matchTrigger(text, set.flows.values())).toEqual({ flowId, vars });
  });

  it.each(['发生了什么', '快生了', '还没生', '我先生了解一下'])('"%s" starts no pregnancy flow', (text) => {
    const m = matchTrigger(text, set.flows.values());
    expect(['birth', 'pregnancy_loss', 'pregnancy']).not.toContain(m?.flowId);
  });

  it('finds nothing in unrelated words', () => {
    expect(matchTrigger('今天天气不错', set.flows.values())).toBeUndefined();
  });
});
