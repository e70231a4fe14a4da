import { describe, expect, it } from 'vitest';
import { inputSpecSchema } from '../../src/domain/parse/inputSpec.js';
import { askWhich, forgetShortList, readAnswer } from '../../src/flows/choiceAnswer.js';

const TODAY = '2026-03-02';
const residence = inputSpecSchema.parse({
  type: 'choice',
  options: [
    { value: 'hukou', label: '我的户口在本地' },
    { value: 'spouseHukou', label: '我不是，丈夫的户口在本地', words: ['丈夫', '老公'] },
    { value: 'livedSixMonths', label: '都不是，但我在本地住了半年以上', words: ['半年'] },
    { value: 'none', label: '都不是' },
  ],
  yes: 'hukou',
  no: ['spouseHukou', 'livedSixMonths', 'none'],
});

describe('a plain 不是 fitting several options: asked once, with the short list', () => {
  it('lists only the options a no means, numbered afresh, and reads her next answer against them', () => {
    const vars: Record<string, unknown> = {};
    const first = readAnswer(residence, '不是', TODAY, vars);
    expect(first).toEqual({ ok: false, error: 'ambiguous', among: ['spouseHukou', 'livedSixMonths', 'none'] });
    expect(askWhich(residence, first, vars, '那是下面哪一种呢？')).toBe(
      '那是下面哪一种呢？\n1. 我不是，丈夫的户口在本地\n2. 都不是，但我在本地住了半年以上\n3. 都不是',
    );
    // 3 is the third line of the short list, not of the whole list
    expect(readAnswer(residence, '3', TODAY, vars)).toEqual({ ok: true, value: 'none' });
    expect(readAnswer(residence, '住了半年了', TODAY, vars)).toEqual({ ok: true, value: 'livedSixMonths' });
    forgetShortList(vars);
    expect(readAnswer(residence, '3', TODAY, vars)).toEqual({ ok: true, value: 'livedSixMonths' });
  });

  it('asks once: a second answer fitting several is an ordinary ambiguous answer', () => {
    const vars: Record<string, unknown> = {};
    askWhich(residence, readAnswer(residence, '不是', TODAY, vars), vars, '那是下面哪一种呢？');
    const second = readAnswer(residence, '不是', TODAY, vars);
    expect(second).toEqual({ ok: false, error: 'ambiguous' });
    expect(askWhich(residence, second, vars, '那是下面哪一种呢？')).toBeUndefined();
    expect(vars).toEqual({});
  });

  it('an answer fitting one option is not narrowed', () => {
    const vars: Record<string, unknown> = {};
    const r = readAnswer(residence, '是的', TODAY, vars);
    expect(r).toEqual({ ok: true, value: 'hukou' });
    expect(askWhich(residence, r, vars, 'x')).toBeUndefined();
  });
});
