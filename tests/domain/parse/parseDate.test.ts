import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../../src/domain/parse/formatChineseDate.js';
import { parseDate, type DateContext, type ParsedDate } from '../../../src/domain/parse/parseDate.js';
import type { ParseErrorCode } from '../../../src/domain/parse/parseResult.js';

// Lunar dates below were checked against lunar-typescript and public calendars: 2025 has a leap
// sixth month (闰六月, 2025-07-25 … 2025-08-22); 春节 2025-01-29, 2026-02-17, 2027-02-06;
// 腊八 2026-01-26; 中秋 2025-10-06, 2026-09-25; 2026-03-10 is 正月廿二 of lunar 2026.
const T = '2026-03-10';
type Ctx = Partial<DateContext>;
const day = (date: string): ParsedDate => ({ date, precision: 'day' });
const month = (date: string): ParsedDate => ({ date, precision: 'month' });
const year = (date: string): ParsedDate => ({ date, precision: 'year' });
const lunar = (date: string, y: number, m: number, d: number, leap = false, precision: ParsedDate['precision'] = 'day'): ParsedDate => ({
  date,
  precision,
  lunar: { year: y, month: m, day: d, leap },
});
const E = (error: ParseErrorCode) => ({ error });
const past: Ctx = {};
const future: Ctx = { direction: 'future' };
const lunarCal: Ctx = { calendar: 'lunar' };

const cases: [input: string, ctx: Ctx, expected: ParsedDate | { error: ParseErrorCode }][] = [
  // full Gregorian dates
  ['2026年3月5日', past, day('2026-03-05')],
  ['2026年3月5号', past, day('2026-03-05')],
  ['2026年3月5', past, day('2026-03-05')],
  ['2026-03-05', past, day('2026-03-05')],
  ['2026/3/5', past, day('2026-03-05')],
  ['2026.3.5', past, day('2026-03-05')],
  ['2026。3。5', past, day('2026-03-05')],
  ['２０２６－０３－０５', past, day('2026-03-05')],
  ['20260305', past, day('2026-03-05')],
  ['2026 3 5', past, day('2026-03-05')],
  ['2026 年 3 月 5 日', past, day('2026-03-05')],
  ['2024年2月29日', past, day('2024-02-29')],
  ['26年3月5号', past, day('2026-03-05')],
  ['98年3月5号', past, day('1998-03-05')],
  // month and day, year inferred
  ['2.5号', past, day('2026-02-05')],
  ['3月5日', past, day('2026-03-05')],
  ['3月5', past, day('2026-03-05')],
  ['3.5', past, day('2026-03-05')],
  // (the day of a dotted date with 号: the dotted date's, not the 5th of this month)
  ['2.5号', past, day('2026-02-05')],
  ['3-5', past, day('2026-03-05')],
  ['3/5', past, day('2026-03-05')],
  ['3月10号', past, day('2026-03-10')],
  ['3月11号', past, day('2025-03-11')],
  ['3月11号', future, day('2026-03-11')],
  ['3月10号', future, day('2026-03-10')],
  ['3月9号', future, day('2027-03-09')],
  ['10月1号', past, day('2025-10-01')],
  // relative days
  ['今天', past, day('2026-03-10')],
  ['昨天', past, day('2026-03-09')],
  ['前天', past, day('2026-03-08')],
  ['大前天', past, day('2026-03-07')],
  ['明天', future, day('2026-03-11')],
  ['后天', future, day('2026-03-12')],
  ['今天', future, day('2026-03-10')],
  ['明天', past, E('in_future')],
  ['昨天', future, E('out_of_range')],
  // days or weeks from today
  ['3天前', past, day('2026-03-07')],
  ['三天前', past, day('2026-03-07')],
  ['大概两天前吧', past, day('2026-03-08')],
  ['10天以前', past, day('2026-02-28')],
  ['两个星期前', past, day('2026-02-24')],
  ['一周前', past, day('2026-03-03')],
  ['3天后', future, day('2026-03-13')],
  ['3天后', past, E('in_future')],
  ['3月3日前', past, day('2026-03-03')],
  // relative months and years
  ['上个月5号', past, day('2026-02-05')],
  ['上月28号', past, day('2026-02-28')],
  ['这个月5号', past, day('2026-03-05')],
  ['这个月15号', past, E('in_future')],
  ['下个月5号', future, day('2026-04-05')],
  ['下个月5号', past, E('in_future')],
  ['上个月30号', past, E('out_of_range')],
  ['去年3月5号', past, day('2025-03-05')],
  ['今年3月5号', past, day('2026-03-05')],
  ['前年10月1号', past, day('2024-10-01')],
  ['明年3月5号', future, day('2027-03-05')],
  ['明年3月5号', past, E('in_future')],
  ['今年5月1号', future, day('2026-05-01')],
  // coarser precision
  ['2024年3月', past, month('2024-03-01')],
  ['2024-3', past, month('2024-03-01')],
  ['2026年3月', past, month('2026-03-01')],
  ['2026年3月', future, month('2026-03-01')],
  ['2026年4月', past, E('in_future')],
  ['3月份', past, month('2026-03-01')],
  ['5月', past, month('2025-05-01')],
  ['5月', future, month('2026-05-01')],
  ['2月', future, month('2027-02-01')],
  ['上个月', past, month('2026-02-01')],
  ['2024年', past, year('2024-01-01')],
  ['2024', past, year('2024-01-01')],
  ['去年', past, year('2025-01-01')],
  ['前年', past, year('2024-01-01')],
  // years back from this one (not 10年 read as 2010)
  ['十年前', past, year('2016-01-01')],
  ['3年以前', past, year('2023-01-01')],
  ['十年前查过一次 2016年', past, year('2016-01-01')],
  // (23年前后: about 2023; 24年以前: before 2024)
  ['23年前后查过一次', past, year('2023-01-01')],
  ['今年', past, year('2026-01-01')],
  ['明年', past, E('in_future')],
  ['2025年', future, E('out_of_range')],
  // Chinese numerals
  ['三月五号', past, day('2026-03-05')],
  ['二〇二六年三月五日', past, day('2026-03-05')],
  ['二零二六年三月五号', past, day('2026-03-05')],
  ['两千零二十六年三月五号', past, day('2026-03-05')],
  ['十二月三十一号', past, day('2025-12-31')],
  ['九月二十号', past, day('2025-09-20')],
  ['一九九八年十月一日', past, day('1998-10-01')],
  // lunar, marked
  ['农历八月初一', past, lunar('2025-09-22', 2025, 8, 1)],
  ['阴历八月初一', past, lunar('2025-09-22', 2025, 8, 1)],
  ['农历八月十五', past, lunar('2025-10-06', 2025, 8, 15)],
  ['农历8月15', past, lunar('2025-10-06', 2025, 8, 15)],
  ['农历2025年八月初一', past, lunar('2025-09-22', 2025, 8, 1)],
  ['2025年农历八月初一', past, lunar('2025-09-22', 2025, 8, 1)],
  ['农历2026年八月初一', future, lunar('2026-09-11', 2026, 8, 1)],
  ['农历2026年八月初一', past, E('in_future')],
  ['农历二〇二六年八月初一', future, lunar('2026-09-11', 2026, 8, 1)],
  ['农历八月初一', future, lunar('2026-09-11', 2026, 8, 1)],
  ['农历十一月', past, lunar('2025-12-20', 2025, 11, 1, false, 'month')],
  ['农历初八', past, lunar('2026-02-24', 2026, 1, 8)],
  ['八月初一（农历）', past, lunar('2025-09-22', 2025, 8, 1)],
  // lunar month names and 初/闰 imply lunar
  ['腊月初八', past, lunar('2026-01-26', 2025, 12, 8)],
  ['腊月廿三', past, lunar('2026-02-10', 2025, 12, 23)],
  ['正月十五', past, lunar('2026-03-03', 2026, 1, 15)],
  ['正月十五', future, lunar('2027-02-20', 2027, 1, 15)],
  ['正月初一', past, lunar('2026-02-17', 2026, 1, 1)],
  ['冬月', past, lunar('2025-12-20', 2025, 11, 1, false, 'month')],
  ['八月初一', past, lunar('2025-09-22', 2025, 8, 1)],
  ['初八', past, lunar('2026-02-24', 2026, 1, 8)],
  ['去年腊月初八', past, lunar('2026-01-26', 2025, 12, 8)],
  ['上个月初五', past, lunar('2026-01-23', 2025, 12, 5)],
  ['农历上个月十五', past, lunar('2026-02-02', 2025, 12, 15)],
  ['农历这个月初一', past, lunar('2026-02-17', 2026, 1, 1)],
  ['农历这个月廿五', past, E('in_future')],
  // leap months
  ['农历闰六月十五', past, lunar('2025-08-08', 2025, 6, 15, true)],
  ['闰六月十五', past, lunar('2025-08-08', 2025, 6, 15, true)],
  ['农历2025年闰六月十五', past, lunar('2025-08-08', 2025, 6, 15, true)],
  ['农历2025年闰6月1号', past, lunar('2025-07-25', 2025, 6, 1, true)],
  ['农历2025年六月十五', past, lunar('2025-07-09', 2025, 6, 15)],
  ['农历2026年闰六月十五', future, E('out_of_range')],
  ['农历2025年闰五月初一', past, E('out_of_range')],
  ['农历闰六月十五', future, lunar('2036-08-06', 2036, 6, 15, true)], // the next 闰六月
  // impossible days
  ['农历2026年二月三十', past, E('out_of_range')],
  ['农历2025年腊月三十', past, E('out_of_range')],
  ['农历2023年腊月三十', past, lunar('2024-02-09', 2023, 12, 30)],
  ['2月30号', past, E('out_of_range')],
  ['2026年2月29日', past, E('out_of_range')],
  ['2月29号', past, E('out_of_range')],
  ['13月5号', past, E('out_of_range')],
  ['3月32号', past, E('out_of_range')],
  ['32号', past, E('out_of_range')],
  ['1899年3月5日', past, E('out_of_range')],
  // the calendar setting
  ['8月1号', past, day('2025-08-01')],
  ['8月1号', lunarCal, lunar('2025-09-22', 2025, 8, 1)],
  ['2026-08-01', { calendar: 'lunar', direction: 'future' }, lunar('2026-09-11', 2026, 8, 1)],
  ['阳历8月1号', lunarCal, day('2025-08-01')],
  ['公历2026年3月5号', lunarCal, day('2026-03-05')],
  ['今天', lunarCal, day('2026-03-10')],
  ['阳历腊月初八', past, E('ambiguous')],
  // fully specified dates on the wrong side of today
  ['2027年3月5日', past, E('in_future')],
  ['2026年3月11日', past, E('in_future')],
  ['2026年3月10日', past, day('2026-03-10')],
  ['2025年3月5日', future, E('out_of_range')],
  // a day alone
  ['5号', past, day('2026-03-05')],
  ['15号', past, day('2026-02-15')],
  ['31号', past, day('2026-01-31')],
  ['15号', future, day('2026-03-15')],
  ['5号', future, day('2026-04-05')],
  // dates inside a sentence
  ['大概是3月5号吧', past, day('2026-03-05')],
  ['我是农历八月初一来的', past, lunar('2025-09-22', 2025, 8, 1)],
  ['末次月经是2月14号', past, day('2026-02-14')],
  ['预产期大概10月1号', future, day('2026-10-01')],
  ['我今天去的，3月5号', past, day('2026-03-05')],
  ['2026年3月5日，就是3月5号', past, day('2026-03-05')],
  ['好像是3月5号左右', past, day('2026-03-05')],
  ['我35岁，3月5号来的', past, day('2026-03-05')],
  // a month or a year, then a day of it in other words: one date
  ['明年三月份 单子上写的3月9号', future, day('2027-03-09')],
  ['三月份 好像是9号', past, day('2026-03-09')],
  ['24年 8月3号', past, day('2024-08-03')],
  ['三月份 4月2号', past, E('ambiguous')],
  // ambiguous
  ['3月5号还是6号', past, E('ambiguous')],
  ['3月5号或者3月6号', past, E('ambiguous')],
  ['3月底', past, E('ambiguous')],
  ['三月中旬', past, E('ambiguous')],
  ['3月初', past, E('ambiguous')],
  ['阳历3月5号农历正月十五', past, E('ambiguous')],
  // lunar festivals are lunar days; 除夕 / 大年三十 is the last day of 腊月, 29 in lunar 2025
  ['最后一次来月经是腊八那天', past, lunar('2026-01-26', 2025, 12, 8)],
  ['腊八节', future, lunar('2027-01-15', 2026, 12, 8)],
  ['小年那天', past, lunar('2026-02-10', 2025, 12, 23)],
  ['除夕', past, lunar('2026-02-16', 2025, 12, 29)],
  ['大年三十晚上', past, lunar('2026-02-16', 2025, 12, 29)],
  ['年三十', future, lunar('2027-02-05', 2026, 12, 29)],
  ['2022年除夕', past, lunar('2023-01-21', 2022, 12, 30)],
  ['大年初一', past, lunar('2026-02-17', 2026, 1, 1)],
  ['元宵节', past, lunar('2026-03-03', 2026, 1, 15)],
  ['端午', future, lunar('2026-06-19', 2026, 5, 5)],
  ['七夕那天', past, lunar('2025-08-29', 2025, 7, 7)],
  ['中秋节', past, lunar('2025-10-06', 2025, 8, 15)],
  ['重阳节', future, lunar('2026-10-18', 2026, 9, 9)],
  // the month and day said with the festival they are: its lunar day, one date
  ['八月十五中秋节那天', future, lunar('2026-09-25', 2026, 8, 15)],
  ['正月十五元宵节', past, lunar('2026-03-03', 2026, 1, 15)],
  ['阳历腊八', past, E('ambiguous')],
  ['小年轻', past, E('unrecognised')],
  ['元宵节生哩', past, E('unrecognised')], // a birthday: every year's 元宵
  ['腊八那天出生的', past, E('unrecognised')],
  // nothing
  ['', past, E('empty')],
  ['   ', past, E('empty')],
  ['hello', past, E('unrecognised')],
  ['不记得了', past, E('unrecognised')],
  ['35', past, E('unrecognised')],
  ['怀孕3个月', past, E('unrecognised')],
  ['星期三', past, E('unrecognised')],
  ['2024年5号', past, E('unrecognised')],
];

// today is the first field: year boundaries and 腊月 around the Gregorian new year
const boundaries: [today: string, input: string, ctx: Ctx, expected: ParsedDate | { error: ParseErrorCode }][] = [
  ['2026-01-03', '12月30号', past, day('2025-12-30')],
  ['2026-01-03', '1月5号', past, day('2025-01-05')],
  ['2026-01-03', '1月3号', past, day('2026-01-03')],
  ['2026-01-01', '12月31号', past, day('2025-12-31')],
  ['2026-01-03', '上个月5号', past, day('2025-12-05')],
  ['2026-01-03', '去年', past, year('2025-01-01')],
  ['2026-01-03', '28号', past, day('2025-12-28')],
  ['2026-12-30', '1月2号', future, day('2027-01-02')],
  ['2026-12-30', '12月31号', future, day('2026-12-31')],
  ['2026-12-30', '下个月5号', future, day('2027-01-05')],
  ['2026-12-30', '2号', future, day('2027-01-02')],
  ['2024-03-10', '2月29号', past, day('2024-02-29')],
  // 2026-01-03 is 冬月十五 of lunar 2025
  ['2026-01-03', '腊月初八', past, lunar('2025-01-07', 2024, 12, 8)],
  ['2026-01-03', '腊月初八', future, lunar('2026-01-26', 2025, 12, 8)],
  ['2026-01-03', '正月初一', future, lunar('2026-02-17', 2026, 1, 1)],
  ['2026-01-03', '今年腊月初八', past, E('in_future')],
  // 2026-02-10 is 腊月廿三 of lunar 2025: Gregorian 2026 but still lunar 2025
  ['2026-02-10', '腊月初八', past, lunar('2026-01-26', 2025, 12, 8)],
  ['2026-02-10', '腊月廿三', past, lunar('2026-02-10', 2025, 12, 23)],
  ['2026-02-10', '正月初一', past, lunar('2025-01-29', 2025, 1, 1)],
  ['2026-02-10', '正月初一', future, lunar('2026-02-17', 2026, 1, 1)],
  ['2026-02-10', '腊月三十', past, E('out_of_range')],
  // 2026-12-30 is 冬月廿二 of lunar 2026
  ['2026-12-30', '腊月初八', future, lunar('2027-01-15', 2026, 12, 8)],
  ['2026-12-30', '腊月二十', future, lunar('2027-01-27', 2026, 12, 20)],
  ['2026-12-30', '农历八月十五', past, lunar('2026-09-25', 2026, 8, 15)],
];

const check = (result: ReturnType<typeof parseDate>, expected: ParsedDate | { error: ParseErrorCode }): void => {
  if ('error' in expected) expect(result).toEqual({ ok: false, error: expected.error });
  else expect(result).toEqual({ ok: true, value: expected });
};

describe('parseDate (today 2026-03-10)', () => {
  it.each(cases)('%j %j', (input, ctx, expected) => {
    check(parseDate(input, { today: T, ...ctx }), expected);
  });
});

describe('parseDate around year boundaries', () => {
  it.each(boundaries)('today %s: %j %j', (today, input, ctx, expected) => {
    check(parseDate(input, { today, ...ctx }), expected);
  });
});

describe('formatChineseDate', () => {
  it.each([
    ['2026-03-05', '2026年3月5日'],
    ['2025-12-31', '2025年12月31日'],
    ['1980-10-01', '1980年10月1日'],
    ['not a date', 'not a date'],
    ['2026-02-30', '2026-02-30'],
  ])('%s → %s', (input, expected) => {
    expect(formatChineseDate(input)).toBe(expected);
  });

  it('writes a month or a year alone for a coarser precision', () => {
    expect(formatChineseDate('2026-03-05', 'month')).toBe('2026年3月');
    expect(formatChineseDate('2026-03-05', 'year')).toBe('2026年');
  });
});
