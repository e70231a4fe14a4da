import { describe, expect, it } from 'vitest';
import { latinWeeks } from '../../../src/domain/parse/latinWeeks.js';

describe('latinWeeks', () => {
  it.each([
    ['给俺登记下 12w3d', '给俺登记下 12周3天'],
    ['我12w3d哒 想约NT 礼拜五', '我12周3天哒 想约NT 礼拜五'],
    ['12W+3D', '12周+3天'],
    ['12w+3', '12周+3天'],
    ['12w 3d', '12周3天'],
    ['12周+3d', '12周+3天'],
    ['12周3d', '12周3天'],
    ['12+3w', '12周+3天'],
    ['12+3周', '12周+3天'],
    ['孕12w', '孕12周'],
    ['12w', '12周'],
    ['G12w', '孕12周'],
    ['12wk', '12周'],
    ['１２ｗ３ｄ', '12周3天'],
    ['Ｇ１２Ｗ＋３', '孕12周+3天'],
    ['b超 11w6d', 'b超 11周6天'],
  ])('%s reads as %s', (text, expected) => {
    expect(latinWeeks(text)).toBe(expected);
  });

  it.each([
    // money (w: 万), a phone number, a code, days that are not days of a week, a date after the weeks
    '月薪1w',
    '花了2w',
    '3w块',
    '要交5w多块钱',
    '13812345678w',
    'G2P1',
    'www',
    'abc12w',
    '12w7d',
    '50w',
    '1w',
    '12+3',
  ])('%s is left as written', (text) => {
    expect(latinWeeks(text)).toBe(text);
  });

  it('leaves a day of the month after the weeks alone (12w 3号去)', () => {
    expect(latinWeeks('12w 3号去')).toBe('12周 3号去');
  });
});
