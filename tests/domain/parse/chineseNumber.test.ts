import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../../src/domain/parse/chineseNumber.js';
import { replaceChineseNumerals } from '../../../src/domain/parse/replaceChineseNumerals.js';

const cases: [input: string, expected: number | undefined][] = [
  ['零', 0],
  ['一', 1],
  ['两', 2],
  ['九', 9],
  ['十', 10],
  ['十五', 15],
  ['二十', 20],
  ['三十五', 35],
  ['六十四', 64],
  ['一百', 100],
  ['两百', 200],
  ['一百零五', 105],
  ['一百一十', 110],
  ['一百五', 150],
  ['三千二', 3200],
  ['一千零五十', 1050],
  ['两千零二十六', 2026],
  ['九千九百九十九', 9999],
  ['廿三', 23],
  ['卅', 30],
  ['二〇二六', 2026],
  ['一九八〇', 1980],
  ['二零零八', 2008],
  ['八〇', 80],
  ['肆拾伍', 45],
  ['45', 45],
  ['007', 7],
  ['', undefined],
  ['百', undefined],
  ['二三十', undefined],
  ['十百', undefined],
  ['四十五岁', undefined],
  ['abc', undefined],
  ['1234567890123456', undefined],
];

describe('parseChineseNumber', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    expect(parseChineseNumber(input)).toBe(expected);
  });
});

const replaced: [input: string, expected: string][] = [
  ['三月五号', '3月5号'],
  ['二〇二六年三月五日', '2026年3月5日'],
  ['〇八年', '08年'],
  ['八月初十', '8月初10'],
  ['十二月三十一号', '12月31号'],
  ['腊月廿三', '腊月23'],
  ['四五十岁', '四五十岁'],
  ['今天', '今天'],
];

describe('replaceChineseNumerals', () => {
  it.each(replaced)('%j → %j', (input, expected) => {
    expect(replaceChineseNumerals(input)).toBe(expected);
  });
});
