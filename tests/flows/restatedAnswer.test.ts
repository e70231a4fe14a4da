import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows } from '../../src/flows/loadFlows.js';
import { ALL_ACTIONS, ALL_CHOICE_SOURCES } from '../../src/flows/registry.js';
import { restatedAnswer } from '../../src/flows/restatedAnswer.js';
import type { AskStep } from '../../src/flows/flowSchema.js';

const TODAY = '2026-05-06';

describe('restatedAnswer: dates named at the confirmation of her pregnancy', () => {
  const pregnancy = loadFlows(path.resolve('flows'), ALL_ACTIONS, ALL_CHOICE_SOURCES).flows.get('pregnancy')!;
  const confirm = pregnancy.steps.find((s) => s.id === 'confirm') as AskStep;
  const byDueDate = { dating: { dueDate: '2026-11-25', from: 'dueDate' } };
  // 13 weeks on 2026-05-06
  const byWeeks = { dating: { dueDate: '2026-11-11', from: 'weeks' } };
  const restated = (text: string, vars: Record<string, unknown>) => restatedAnswer(text, pregnancy, confirm, vars, TODAY);

  it('the dates it confirms are yes', () => {
    expect(restated('十一月二十五', byDueDate)).toEqual({ ok: true, value: true });
    expect(restated('预产期2026年11月25日', byDueDate)).toEqual({ ok: true, value: true });
    expect(restated('十三周', byWeeks)).toEqual({ ok: true, value: true });
  });

  it('other dates are no (the question of her dates reads them next)', () => {
    expect(restated('是十四周', byWeeks)).toEqual({ ok: true, value: false });
    expect(restated('11月27号', byDueDate)).toEqual({ ok: true, value: false });
  });

  it('nothing else, and no other question', () => {
    expect(restated('不知道', byDueDate)).toBeUndefined();
    expect(restated('十三周', {})).toBeUndefined();
    const twins = pregnancy.steps.find((s) => s.id === 'show_active') as AskStep;
    expect(restatedAnswer('十三周', pregnancy, twins, byWeeks, TODAY)).toBeUndefined();
  });

  it('an option she chose before, said again, is yes (两个 for the twins she gave); a bare number is not', () => {
    const withTwins = { ...byDueDate, twins: 'twins' };
    expect(restated('两个', withTwins)).toEqual({ ok: true, value: true });
    expect(restated('俩 B超看的', withTwins)).toEqual({ ok: true, value: true });
    expect(restated('2', withTwins)).toBeUndefined();
    expect(restated('一个', withTwins)).toBeUndefined();
  });

  it('words of the confirmation itself, said back, are a yes (a guess); not the lines saying how to answer', () => {
    const booking = loadFlows(path.resolve('flows'), ALL_ACTIONS, ALL_CHOICE_SOURCES).flows.get('booking')!;
    const confirm = booking.steps.find((s) => s.kind === 'ask' && s.input.type === 'yesno') as AskStep;
    const shown = '请确认：\n宫颈癌筛查、乳腺癌筛查\n2026年4月18日 周六 上午\n项城市第一人民医院\n没问题请回复“是”；要换日子请回复“否”。';
    const said = (text: string) => restatedAnswer(text, booking, confirm, {}, TODAY, shown);
    expect(said('人民医院')).toEqual({ ok: true, value: true, guessed: true });
    expect(said('周六上午吧')).toEqual({ ok: true, value: true, guessed: true });
    expect(said('要换日子')).toBeUndefined();
    expect(said('不是人民医院')).toBeUndefined();
    expect(said('下午')).toBeUndefined();
    // a question that is no confirmation (the privacy notice): its words are no yes
    const notice = '【隐私说明】判断您能不能参加免费筛查。同意请回复“同意”；不同意请回复“不同意”。';
    expect(restatedAnswer('免费筛查', booking, confirm, {}, TODAY, notice)).toBeUndefined();
  });
});
