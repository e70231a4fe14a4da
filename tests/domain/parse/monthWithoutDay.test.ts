import { describe, expect, it } from 'vitest';
import { monthWithoutDay } from '../../../src/domain/parse/monthWithoutDay.js';
import { parseGestation } from '../../../src/domain/pregnancy/parseGestation.js';

describe('monthWithoutDay', () => {
  it.each([
    ['末次月经是冬月底', '冬月底', '冬月'],
    ['幫俺登記一下懷孕 末次月經是冬月底', '冬月底', '冬月'],
    ['腊月中旬', '腊月中旬', '腊月'],
    ['末次月经3月初', '3月初', '3月'],
    ['正月初', '正月初', '正月'],
    ['末次月经农历腊月', '腊月', '腊月'],
    ['末次月经上个月底', '上个月底', '上个月'],
    ['十二月下旬来的', '12月下旬', '12月'],
    ['末次月经农历十月底', '农历10月底', '农历10月'],
    ['末次月经2月份', '2月', '2月'],
  ])('%s: %s', (text, said, month) => {
    expect(monthWithoutDay(text)).toEqual({ said, month });
  });

  it.each(['冬月三十', '大年三十', '末次月经冬月底 或者腊月初三', '孕8周', '昨天'])('%s: none', (text) => {
    expect(monthWithoutDay(text)).toBeUndefined();
  });
});

describe('parseGestation: a last period without the day', () => {
  it.each(['末次月经腊月中旬', '大姨妈3月初来的', '末次月经农历腊月', '末次月经12月下旬', '末次月经这个月底', '末次月经3月底'])('%s: part_of_month', (text) => {
    expect(parseGestation(text, '2026-03-16')).toEqual({ ok: false, error: 'part_of_month' });
  });

  // the end of a month is its last day, said back to her: 冬月 of 2025 has 30 days, 腊月 29
  it.each([
    ['末次月经是冬月底', '2026-10-25', { said: '冬月底', date: '2026-01-18', lunarWords: '冬月三十' }],
    ['例假是冬月底来的', '2026-10-25', { said: '冬月底', date: '2026-01-18', lunarWords: '冬月三十' }],
    ['末次月经阴历腊月底', '2026-11-23', { said: '腊月底', date: '2026-02-16', lunarWords: '腊月二十九' }],
    ['末次月经上个月底', '2026-12-05', { said: '上个月底', date: '2026-02-28' }],
    ['大姨妈1月末来的', '2026-11-07', { said: '1月末', date: '2026-01-31' }],
  ])('%s: the last day of the month', (text, dueDate, assumed) => {
    expect(parseGestation(text, '2026-03-16')).toEqual({ ok: true, value: { dueDate, from: 'lastPeriod', assumed } });
  });

  it('a day is still read', () => {
    expect(parseGestation('末次月经冬月廿八', '2026-03-16')).toEqual({ ok: true, value: { dueDate: '2026-10-23', from: 'lastPeriod' } });
  });
});
