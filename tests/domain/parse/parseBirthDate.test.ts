import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../../src/domain/parse/parseBirthDate.js';
import type { ParseErrorCode } from '../../../src/domain/parse/parseResult.js';
import type { BirthDateFact } from '../../../src/domain/parse/birthDateFact.js';
import { withCheckChar, withWrongCheckChar } from './idTestHelpers.js';

const T = '2026-03-10';
const typed = (birthDate: BirthDateFact) => ({ birthDate, fromIdNumber: false });
const year = (y: number) => typed({ date: `${y}-01-01`, precision: 'year' });
const month = (y: number, m: number) => typed({ date: `${y}-${String(m).padStart(2, '0')}-01`, precision: 'month' });
const age = (n: number, counting?: 'full' | 'nominal') => typed({ age: n, on: T, ...(counting ? { counting } : {}) });
const fromId = (birthDate: string) => ({ birthDate, fromIdNumber: true });
const E = (error: ParseErrorCode) => ({ error });

const cases: [input: string, expected: { birthDate: BirthDateFact; fromIdNumber: boolean } | { error: ParseErrorCode }][] = [
  // a year, month and day parted by commas or 、
  ['1973，5，9', typed('1973-05-09')],
  ['1973、5、9号', typed('1973-05-09')],
  // she takes back only the year: the month and day she gave stay (a month alone too)
  ['1968年11月23 不对不对 是69年 俺属鸡嘞', typed('1969-11-23')],
  ['72年3月5号 说错了 是73年的', typed('1973-03-05')],
  ['1968年11月 不对 是69年', month(1969, 11)],
  ['1968年 不对 是69年', year(1969)],
  ['1968年2月29 不对 是69年', year(1969)],
  ['1968年11月23 不对 是1969年1月', month(1969, 1)],
  // a month given two ways, lunar and as her ID card says it: the card's month (or the day named)
  ['俺是83年腊月的 身份证上写的84年1月', month(1984, 1)],
  ['身份证上是84年1月 其实是83年腊月', month(1984, 1)],
  ['83年腊月 身份证上是1月', month(1984, 1)],
  ['阴历八三年腊月十五 身份证是84年1月', typed('1984-01-17')],
  ['83年腊月 1984年1月10号', typed('1984-01-10')],
  ['83年腊月 身份证上是84年5月', E('ambiguous')],
  ['83年腊月 1984年3月10号', E('ambiguous')],
  // Gregorian dates
  ['1980年5月6日', typed('1980-05-06')],
  ['1980年5月6号', typed('1980-05-06')],
  ['1980-05-06', typed('1980-05-06')],
  ['1980.5.6', typed('1980-05-06')],
  ['19800506', typed('1980-05-06')],
  ['我是1980年5月6号出生的', typed('1980-05-06')],
  ['一九八〇年五月六号', typed('1980-05-06')],
  ['一九八零年五月六日', typed('1980-05-06')],
  // two-digit years: 30–99 → 19xx, 00–26 → 20xx
  ['80年5月6号', typed('1980-05-06')],
  ['八〇年五月六号', typed('1980-05-06')],
  ['80.5.6', typed('1980-05-06')],
  ['30年1月1号', typed('1930-01-01')],
  ['99年12月31号', typed('1999-12-31')],
  ['05年3月1号', typed('2005-03-01')],
  ['00年1月1号', typed('2000-01-01')],
  ['26年1月1号', typed('2026-01-01')],
  ['27年1月1号', E('in_future')],
  ['29年1月1号', E('in_future')],
  // lunar
  ['农历1980年四月初二', typed('1980-05-15')],
  ['阴历80年四月初二', typed('1980-05-15')],
  ['1980年农历四月初二', typed('1980-05-15')],
  // a month or a year alone: kept as precise as she gave it (the age rules decide whether it is enough)
  ['1980年5月', month(1980, 5)],
  ['83年10月', month(1983, 10)],
  ['1980年', year(1980)],
  ['1980', year(1980)],
  ['80年', year(1980)],
  ['1976年', year(1976)],
  ['七六年', year(1976)],
  ['五九年的', year(1959)],
  ['我是76年的', year(1976)],
  ['1929年', E('too_old')],
  // her age on today: as she counted it, when she says (周岁 full years, 虚岁 the traditional count)
  ['我今年52了', age(52)],
  ['今年五十二', age(52)],
  ['52岁', age(52)],
  ['五十二岁了', age(52)],
  ['52周岁', age(52, 'full')],
  ['虚岁52', age(52, 'nominal')],
  ['52虚岁', age(52, 'nominal')],
  ['六十三了', age(63)],
  ['都52了', age(52)],
  // 今年 with her age is not a birth this year (a wrong refusal as 'too young' before)
  ['我今年都62了 还能查不', age(62)],
  // whether she may still, asked after her age
  ['俺都六十七了 还中不中', age(67)],
  ['六十五了 能查不', age(65)],
  ['我现在54', age(54)],
  ['属猴的 五十八了', age(58)],
  ['满62了', age(62, 'full')],
  // her birthday is today: the day, N years back
  ['我今天满35哒 两癌可以做了么', typed('1991-03-10')],
  ['今天35岁生日', typed('1991-03-10')],
  ['满了66岁咯', age(66, 'full')],
  ['52', E('unrecognised')],
  ['200岁', E('unrecognised')],
  // a year and an age: the year
  ['80年的，今年46岁', year(1980)],
  // a year, then the day in other words
  ['83年的 十月初五', typed('1983-11-09')],
  ['1975年 生日是3月2号', typed('1975-03-02')],

  ['5月6号', E('incomplete')],
  ['农历四月初二', E('incomplete')],
  // limits
  ['1930年1月1日', typed('1930-01-01')],
  ['1929年12月31日', E('too_old')],
  ['1850年1月1日', E('too_old')],
  ['2026年3月10日', typed('2026-03-10')],
  ['2026年3月11日', E('in_future')],
  ['2027年1月1日', E('in_future')],
  ['今天', typed('2026-03-10')],
  ['昨天', typed('2026-03-09')],
  ['去年3月5号', typed('2025-03-05')],
  ['1980年2月30日', E('out_of_range')],
  // ID numbers
  ['11010519491231002X', fromId('1949-12-31')],
  ['110105 19491231 002x', fromId('1949-12-31')],
  [withCheckChar('41010219800506124'), fromId('1980-05-06')],
  [withWrongCheckChar('41010219800506124'), E('checksum')],
  ['11010519491231002', E('bad_length')],
  ['13812345678', E('bad_length')],
  [withCheckChar('41010220300101124'), E('bad_birth_date')],
  [withCheckChar('41010219250101124'), E('too_old')],
  // nothing
  ['', E('empty')],
  ['hello', E('unrecognised')],
  ['不知道', E('unrecognised')],
];

describe('parseBirthDate (today 2026-03-10)', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    const result = parseBirthDate(input, T);
    if ('error' in expected) expect(result).toEqual({ ok: false, error: expected.error });
    else expect(result).toEqual({ ok: true, value: expected });
  });
});

describe('parseBirthDate asked again for more (she gave a year, a month or an age)', () => {
  const inYear: BirthDateFact = { date: '1991-01-01', precision: 'year' };
  const inMonth: BirthDateFact = { date: '1991-03-01', precision: 'month' };
  const anAge: BirthDateFact = { age: 35, on: '2026-03-01' };
  const more: [input: string, known: BirthDateFact, expected: { birthDate: BirthDateFact; fromIdNumber: boolean } | { error: ParseErrorCode }][] = [
    // without a year: in the year she gave
    ['3月5号', inYear, typed('1991-03-05')],
    ['三月五号', inYear, typed('1991-03-05')],
    ['十月', inYear, month(1991, 10)],
    ['3', inYear, month(1991, 3)],
    ['13', inYear, E('out_of_range')],
    ['5号', inMonth, typed('1991-03-05')],
    ['5', inMonth, typed('1991-03-05')],
    ['3月5号', inMonth, typed('1991-03-05')],
    // a whole date, or an ID number, as usual (a correction too)
    ['1991年3月5日', inYear, typed('1991-03-05')],
    ['1990年12月1日', inYear, typed('1990-12-01')],
    [withCheckChar('41010219910305124'), inYear, fromId('1991-03-05')],
    // no more than she said: not an answer
    ['1991年', inYear, E('incomplete')],
    ['1991年3月', inMonth, E('incomplete')],
    ['91年的', inMonth, E('incomplete')],
    // an age gives no year to read a day in
    ['3月5号', anAge, E('incomplete')],
    ['1991年3月5号', anAge, typed('1991-03-05')],
  ];
  it.each(more)('%j after %j → %j', (input, known, expected) => {
    const result = parseBirthDate(input, T, known);
    if ('error' in expected) expect(result).toEqual({ ok: false, error: expected.error });
    else expect(result).toEqual({ ok: true, value: expected });
  });
});

describe('parseBirthDate: corrected, or given two ways', () => {
  const today = '2026-03-10';
  it.each([
    ['1968年11月20 不對不對 是12月20 身份證上是12月', '1968-12-20'],
    ['1975年3月8号 打错了 是3月18号', '1975-03-18'],
    // the same day, lunar and Gregorian
    ['俺是九九年腊月二十的 阳历是2000年1月26号', '2000-01-26'],
    ['1961年农历冬月初三 身份证上是12月10号', '1961-12-10'],
  ])('%j → %s', (text, date) => {
    expect(parseBirthDate(text, today)).toEqual({ ok: true, value: { birthDate: date, fromIdNumber: false } });
  });

  it('a lunar day after the year she gave, and the Gregorian day of it', () => {
    expect(parseBirthDate('农历冬月初三 身份证上是12月10号', today, { date: '1961-01-01', precision: 'year' })).toEqual({
      ok: true,
      value: { birthDate: '1961-12-10', fromIdNumber: false },
    });
  });

  it('two ways that are not the same day are ambiguous', () => {
    expect(parseBirthDate('九九年腊月二十的 阳历是2000年1月27号', today)).toEqual({ ok: false, error: 'ambiguous' });
    expect(parseBirthDate('1961年农历冬月初三 身份证上是12月11号', today)).toEqual({ ok: false, error: 'ambiguous' });
  });
});
