import { describe, expect, it } from 'vitest';
import { parseGestation } from '../../../src/domain/pregnancy/parseGestation.js';
import { formatGestationalAge, gestationalAgeDays, windowDays } from '../../../src/domain/pregnancy/gestation.js';

const TODAY = '2026-03-02';

describe('parseGestation', () => {
  it.each([
    ['孕12周', { dueDate: '2026-09-14', from: 'weeks' }],
    ['12周', { dueDate: '2026-09-14', from: 'weeks' }],
    ['怀孕十二周', { dueDate: '2026-09-14', from: 'weeks' }],
    ['12周3天', { dueDate: '2026-09-11', from: 'weeks' }],
    ['12+3', { dueDate: '2026-09-11', from: 'weeks' }],
    // the days after 周 with a 零/又/加/+ and no 天 (13周+2 was read as 13周 and stored a due date 2 days late)
    ['12周+3', { dueDate: '2026-09-11', from: 'weeks' }],
    ['12周加3 周五去', { dueDate: '2026-09-11', from: 'weeks' }],
    ['十二周零三', { dueDate: '2026-09-11', from: 'weeks' }],
    // as an ultrasound report writes them (latinWeeks.ts)
    ['12w3d', { dueDate: '2026-09-11', from: 'weeks' }],
    ['12W+3D', { dueDate: '2026-09-11', from: 'weeks' }],
    ['12+3w', { dueDate: '2026-09-11', from: 'weeks' }],
    ['孕12w', { dueDate: '2026-09-14', from: 'weeks' }],
    ['G12w', { dueDate: '2026-09-14', from: 'weeks' }],
    ['１２ｗ＋３', { dueDate: '2026-09-11', from: 'weeks' }],
    ['预产期9月14号', { dueDate: '2026-09-14', from: 'dueDate' }],
    ['2026年9月14日', { dueDate: '2026-09-14', from: 'dueDate' }],
    ['末次月经12月8号', { dueDate: '2026-09-14', from: 'lastPeriod' }],
    ['上次来月经是2025年12月8日', { dueDate: '2026-09-14', from: 'lastPeriod' }],
    ['农历十月十九来的月经', { dueDate: '2026-09-14', from: 'lastPeriod' }],
    // a difference beside her weeks is not a second count of weeks (it was, and today was read as her last period)
    ['今天做了B超 单子上写的孕周是12周 比原来算的小了一个多礼拜 要不要改', { dueDate: '2026-09-14', from: 'weeks' }],
    ['B超说差了3天 现在12周', { dueDate: '2026-09-14', from: 'weeks' }],
    ['比原来大了两周 B超上是12周3天', { dueDate: '2026-09-11', from: 'weeks' }],
  ])('%s → %o', (text, want) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: true, value: want });
  });

  // 8 weeks on 2026-03-02: due 2026-10-12
  it.each([
    ['8个星期', { dueDate: '2026-10-12', from: 'weeks' }],
    ['八个礼拜', { dueDate: '2026-10-12', from: 'weeks' }],
    ['怀孕8个星期了', { dueDate: '2026-10-12', from: 'weeks' }],
    ['8个周', { dueDate: '2026-10-12', from: 'weeks' }],
    ['8 星期', { dueDate: '2026-10-12', from: 'weeks' }],
    ['孕8', { dueDate: '2026-10-12', from: 'weeks' }],
    ['孕8周多', { dueDate: '2026-10-12', from: 'weeks' }],
    ['8周多了', { dueDate: '2026-10-12', from: 'weeks' }],
    ['怀孕八周多', { dueDate: '2026-10-12', from: 'weeks' }],
    ['怀孕八', { dueDate: '2026-10-12', from: 'weeks' }],
    ['孕8了', { dueDate: '2026-10-12', from: 'weeks' }],
    ['孕十二', { dueDate: '2026-09-14', from: 'weeks' }],
    ['医生说12周', { dueDate: '2026-09-14', from: 'weeks' }],
    ['孕8个多星期', { dueDate: '2026-10-12', from: 'weeks' }],
    ['孕8周前后', { dueDate: '2026-10-12', from: 'weeks' }],
  ])('weeks: %s → %o', (text, want) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: true, value: want });
  });

  // 50 days = 7 weeks 1 day: due today + 230 days
  it.each([
    ['怀孕50天', { dueDate: '2026-10-18', from: 'weeks' }],
    ['50天了', { dueDate: '2026-10-18', from: 'weeks' }],
    ['孕五十天', { dueDate: '2026-10-18', from: 'weeks' }],
    ['五十多天了', { dueDate: '2026-10-18', from: 'weeks' }],
    ['有了50天', { dueDate: '2026-10-18', from: 'weeks' }],
    ['今天怀孕50天', { dueDate: '2026-10-18', from: 'weeks' }],
    // alone, longer than any cycle (60 days)
    ['一百天', { dueDate: '2026-08-29', from: 'weeks' }],
    ['怀孕14天', { dueDate: '2026-11-23', from: 'weeks' }],
    // 42 weeks: due two weeks ago, the latest plausibleDueDate allows
    ['294天', { dueDate: '2026-02-16', from: 'weeks' }],
  ])('days: %s → %o', (text, want) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: true, value: want });
  });

  it('a yearless date whose last-period reading is too long ago (43 weeks) is her due date', () => {
    // 2025-05-01 would put her 43 weeks along on 2 Mar: not a pregnancy going on today
    expect(parseGestation('5月1日', TODAY)).toEqual({ ok: true, value: { dueDate: '2026-05-01', from: 'dueDate' } });
  });

  // a count of days or weeks before or after today is a date, not her gestational age
  it.each([
    ['3天前', { dueDate: '2026-12-04', from: 'lastPeriod' }],
    ['50天前', { dueDate: '2026-10-18', from: 'lastPeriod' }],
    ['50天以前', { dueDate: '2026-10-18', from: 'lastPeriod' }],
    ['两个星期前', { dueDate: '2026-11-23', from: 'lastPeriod' }],
    ['3周前', { dueDate: '2026-11-16', from: 'lastPeriod' }],
    ['50天后', { dueDate: '2026-04-21', from: 'dueDate' }],
    ['昨天', { dueDate: '2026-12-06', from: 'lastPeriod' }],
    ['上个月5号', { dueDate: '2026-11-12', from: 'lastPeriod' }],
    ['3月1号50天', { dueDate: '2026-12-06', from: 'lastPeriod' }],
    ['今天', { dueDate: '2026-12-07', from: 'lastPeriod' }],
  ])('dates: %s → %o', (text, want) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: true, value: want });
  });

  // a date without a year and without 预产期/月经: the one reading that is plausible
  it.each([
    // 2025-03-05 would be a last period 52 weeks ago: the due date in 3 days
    ['3月5日', { dueDate: '2026-03-05', from: 'dueDate' }],
    // 2027-02-20 would be a due date 51 weeks ahead: the last period 10 days ago
    ['2月20日', { dueDate: '2026-11-27', from: 'lastPeriod' }],
    // 2027-01-05 would be a due date 309 days ahead
    ['1月5号', { dueDate: '2026-10-12', from: 'lastPeriod' }],
    ['1.5', { dueDate: '2026-10-12', from: 'lastPeriod' }],
    // with a year, or a word saying which, nothing is ambiguous
    ['2025年10月12日', { dueDate: '2026-07-19', from: 'lastPeriod' }],
    ['2026年10月12日', { dueDate: '2026-10-12', from: 'dueDate' }],
    ['预产期10月12日', { dueDate: '2026-10-12', from: 'dueDate' }],
    ['10月12号生', { dueDate: '2026-10-12', from: 'dueDate' }],
    ['末次月经10月12日', { dueDate: '2026-07-19', from: 'lastPeriod' }],
    ['例假10月12号来的', { dueDate: '2026-07-19', from: 'lastPeriod' }],
    // a number of weeks or months with a date: the date
    ['怀孕三个月了，预产期9月14号', { dueDate: '2026-09-14', from: 'dueDate' }],
  ])('no year: %s → %o', (text, want) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['', 'empty'],
    ['不知道', 'unrecognised'],
    ['孕50周', 'out_of_range'],
    ['预产期2028年1月1日', 'out_of_range'],
    ['末次月经2024年1月1日', 'out_of_range'],
    ['12周9天', 'unrecognised'],
    // months are too coarse for windows three weeks wide
    ['怀孕三个月了', 'months'],
    ['两个多月', 'months'],
    ['3个月', 'months'],
    ['四个月了', 'months'],
    ['三个半月', 'months'],
    ['一个多月', 'months'],
    ['孕3月', 'months'],
    ['怀孕4个月20天', 'months'],
    ['3个月前来的月经', 'months'],
    // a date without a year that reads as a last period and as a due date
    // 2025-10-12 (a last period 20 weeks ago) or 2026-10-12 (a due date)
    ['10月12日', 'ambiguous'],
    ['12月8号', 'ambiguous'],
    ['10月12号', 'ambiguous'],
    ['十月十二', 'ambiguous'],
    ['10-12', 'ambiguous'],
    ['农历九月初一', 'ambiguous'],
    ['6月1日', 'ambiguous'],
    ['15号', 'ambiguous'],
    // today itself: a due date today or a last period today
    ['3月2日', 'ambiguous'],
    // days of gestation: 14 to 294 (a due date at most two weeks past: plausibleDueDate, the rule the
    // pregnancy service applies too)
    ['怀孕10天', 'out_of_range'],
    ['295天', 'out_of_range'],
    ['301天', 'out_of_range'],
    ['孕43周', 'out_of_range'],
    // days or weeks that are not her gestational age
    ['月经推迟了10天', 'unrecognised'],
    // a count of days alone that may be her cycle (20 to 60 days): not her gestation
    ['三十天左右', 'unrecognised'],
    ['30天', 'unrecognised'],
    ['五十多天', 'unrecognised'],
    ['三十天来一回', 'unrecognised'],
    ['俺一般35天才来一回', 'unrecognised'],
    ['28天 挺准的', 'unrecognised'],
    ['14天', 'unrecognised'],
    ['大姨妈推迟两个星期', 'unrecognised'],
    ['孕2产1', 'unrecognised'],
  ])('%s → %s', (text, error) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: false, error });
  });
});

describe('gestational age and windows', () => {
  it('computes GA from the due date', () => {
    expect(gestationalAgeDays('2026-09-14', '2026-03-02')).toBe(84);
    expect(formatGestationalAge(84)).toBe('12周');
    expect(formatGestationalAge(87)).toBe('12周3天');
  });
  it('gives the calendar days of a window (NT 11w0d–13w6d)', () => {
    expect(windowDays('2026-09-14', { opens: '11w0d', closes: '13w6d' })).toEqual({ from: '2026-02-23', to: '2026-03-15' });
  });
});

describe('parseGestation: she corrects herself, the later value wins', () => {
  it.each([
    // 11w2d on 2026-03-02: due 280 - 79 days later
    ['十周了 哦不对 昨天检查说是十一周零两天', { dueDate: '2026-09-19', from: 'weeks' }],
    ['孕13周 说错了 是14周', { dueDate: '2026-08-31', from: 'weeks' }],
    ['十三周 是十四周才对', { dueDate: '2026-08-31', from: 'weeks' }],
    // the kind of date she corrects is the one she took back
    ['末次月经2月10号 不对 是2月1号', { dueDate: '2026-11-08', from: 'lastPeriod' }],
    ['预产期9月23 不对不对 应该是9月25', { dueDate: '2026-09-25', from: 'dueDate' }],
  ] as const)('%j → %j', (text, value) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: true, value });
  });

  it('two counts of weeks without a marker are not read', () => {
    expect(parseGestation('十三周 十四周', TODAY).ok).toBe(false);
  });
});

describe('parseGestation: the 生 of a birthday is no due date', () => {
  it('上回来是冬月三十 那天俺娘过生儿: a last period or a due date, asked which (not a due date on 过生儿)', () => {
    expect(parseGestation('上回来是冬月底 冬月三十那天 记得清 那天俺娘过生儿', '2026-03-16')).toEqual({ ok: false, error: 'ambiguous' });
  });
  it('预计10月12号生 is a due date', () => {
    expect(parseGestation('预计10月12号生', '2026-03-16')).toEqual({ ok: true, value: { dueDate: '2026-10-12', from: 'dueDate' } });
  });
});

describe('parseGestation: the day she tested is no date of her pregnancy', () => {
  it.each(['今儿黑刚测出来两道杠 想登记下', '3月1号验出来的 两条杠', '前天用试纸测的'])('%s: not read', (text) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: false, error: 'unrecognised' });
  });
  it('her weeks or her last period beside it are still read', () => {
    expect(parseGestation('昨天测出来两道杠 上回是1月20号来的', TODAY)).toMatchObject({ ok: true, value: { from: 'lastPeriod' } });
    expect(parseGestation('测出来两道杠 末次月经2月1号', TODAY)).toMatchObject({ ok: true, value: { from: 'lastPeriod' } });
    expect(parseGestation('测出来快6周了', TODAY)).toMatchObject({ ok: true, value: { from: 'weeks' } });
  });
});

describe('parseGestation: a date she says came (那天来的) is her last period', () => {
  it.each(['农历12月初1那天来的', '腊月初一来的', '2月3号来的'])('%s: her last period, not a due date to ask about', (text) => {
    expect(parseGestation(text, '2026-04-13')).toMatchObject({ ok: true, value: { from: 'lastPeriod' } });
  });
  it('a due date with 来的 said of something else is still the due date', () => {
    expect(parseGestation('预产期12月1号 我是从老家来的', '2026-04-13')).toEqual({ ok: true, value: { dueDate: '2026-12-01', from: 'dueDate' } });
  });
});
