import { describe, expect, it } from 'vitest';
import { parseInteger } from '../../../src/domain/parse/parseInteger.js';
import type { ParseErrorCode } from '../../../src/domain/parse/parseResult.js';

const age = { min: 18, max: 100 };
const ok = (value: number) => ({ ok: true, value });
const err = (error: ParseErrorCode) => ({ ok: false, error });

const cases: [input: string, range: { min: number; max: number }, expected: object][] = [
  ['45', age, ok(45)],
  // once (一回, 一次) is not a second number
  ['三十天来一回', age, ok(30)],
  ['28天一次', { min: 20, max: 60 }, ok(28)],
  ['４５', age, ok(45)],
  ['45岁', age, ok(45)],
  ['四十五', age, ok(45)],
  ['四十五岁', age, ok(45)],
  ['大概45', age, ok(45)],
  ['大概45岁吧', age, ok(45)],
  ['45左右', age, ok(45)],
  ['我今年四十五了', age, ok(45)],
  ['六十', age, ok(60)],
  ['三十五周岁', age, ok(35)],
  ['虚岁46', age, ok(46)],
  ['45，45', age, ok(45)],
  ['一共3次', { min: 0, max: 20 }, ok(3)],
  ['两次', { min: 0, max: 20 }, ok(2)],
  ['零', { min: 0, max: 20 }, ok(0)],
  ['十', { min: 0, max: 20 }, ok(10)],
  ['18', age, ok(18)],
  ['100', age, ok(100)],
  ['17', age, err('out_of_range')],
  ['101', age, err('out_of_range')],
  ['一百零五', age, err('out_of_range')],
  ['13812345678', age, err('out_of_range')],
  ['45还是46', age, err('ambiguous')],
  ['45-50', age, err('ambiguous')],
  ['四五十岁', age, err('ambiguous')],
  ['45.5', age, err('unrecognised')],
  ['不知道', age, err('unrecognised')],
  ['岁', age, err('unrecognised')],
  ['', age, err('empty')],
  ['  ', age, err('empty')],
];

describe('parseInteger', () => {
  it.each(cases)('%j %j → %j', (input, range, expected) => {
    expect(parseInteger(input, range)).toEqual(expected);
  });
});

describe('parseInteger with units', () => {
  const cycle = { min: 20, max: 60 };
  const weeks = { 星期: 7, 礼拜: 7, 周: 7 };
  it.each([
    ['差不多四个礼拜来一回', ok(28)],
    ['五个星期', ok(35)],
    ['4周', ok(28)],
    ['大概三十天', ok(30)],
    // monthly, and the days beside it: the days
    ['一个月一回 差不多三十天', ok(30)],
    ['一个多月来一次 35天左右', ok(35)],
    // a unit she did not use leaves the number as it is
    ['四个月', err('out_of_range')],
    // 四五个 is read as 45 (315 days): asked again
    ['四五个礼拜', err('out_of_range')],
  ])('%s → %j', (input, expected) => {
    expect(parseInteger(input, cycle, weeks)).toEqual(expected);
  });

  it('without units a count of weeks is the bare number', () => {
    expect(parseInteger('四个礼拜', cycle)).toEqual(err('out_of_range'));
  });
});
