// Calendar arithmetic on Asia/Shanghai calendar days: leap years, month lengths, weekdays (Sunday
// = 7), adding days, months and years across month and year ends, the 29 February rule (a day the
// target month lacks becomes the 1st of the month after), and the Shanghai day of an instant.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dayParts,
  daysBetween,
  daysInMonth,
  daysYearsBefore,
  eachDay,
  isCalendarDay,
  isLeapYear,
  isoWeekday,
  shanghaiAt,
  shanghaiClockTime,
  shanghaiDay,
  shanghaiTime,
  shiftMonth,
} from '../../src/domain/calendarDay.js';

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2025, false],
    [2028, true],
    [1900, false], // a century not divisible by 400
    [2000, true], // divisible by 400
    [2100, false],
    [2400, true],
  ])('%i → %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2100, 2, 28],
    [2026, 4, 30],
    [2026, 6, 30],
    [2026, 7, 31],
    [2026, 8, 31],
    [2026, 9, 30],
    [2026, 11, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('isCalendarDay / dayParts', () => {
  it.each([
    ['2026-03-02', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-03-00', false],
    ['2026-3-2', false],
    ['20260302', false],
    ['2026-03-02T00:00:00Z', false],
    [' 2026-03-02', false],
    ['', false],
    [20260302, false],
    [undefined, false],
    [null, false],
  ])('%j → %s', (value, ok) => {
    expect(isCalendarDay(value)).toBe(ok);
    expect(dayParts(value) !== undefined).toBe(ok);
  });

  it('splits a day into its numbers', () => {
    expect(dayParts('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
  });
});

describe('isoWeekday', () => {
  it.each([
    ['2026-03-02', 1], // Monday
    ['2026-03-03', 2],
    ['2026-03-04', 3],
    ['2026-03-05', 4],
    ['2026-03-06', 5],
    ['2026-03-07', 6],
    ['2026-03-08', 7], // Sunday is 7, not 0
    ['2025-12-31', 3], // year boundary: Wednesday …
    ['2026-01-01', 4], // … Thursday
    ['2024-02-29', 4], // leap day
    ['2027-01-03', 7],
  ])('%s is weekday %i', (day, weekday) => {
    expect(isoWeekday(day)).toBe(weekday);
  });

  it('refuses something that is not a calendar day', () => {
    expect(() => isoWeekday('2026-02-30')).toThrow(RangeError);
    expect(() => isoWeekday('2026-3-2')).toThrow(RangeError);
  });
});

describe('addDays / daysBetween / eachDay', () => {
  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2100-02-28', 1, '2100-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-02', 30, '2026-04-01'],
    ['2025-05-06', 280, '2026-02-10'], // a pregnancy: last period to due date
    ['2025-01-01', 365, '2026-01-01'],
    // years below 100 are years, not 1900–1999
    ['0050-01-01', 1, '0050-01-02'],
    ['0099-12-31', 1, '0100-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
  ])('%s + %i = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
    expect(daysBetween(expected, day)).toBe(0 - n);
  });

  it('refuses something that is not a calendar day', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-03-01', '2026-3-2')).toThrow(RangeError);
  });

  it('lists every day of a range across the year boundary, both ends included', () => {
    expect(eachDay('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });

  it('a one-day range has one day, a reversed range none', () => {
    expect(eachDay('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    expect(eachDay('2026-03-03', '2026-03-02')).toEqual([]);
  });
});

describe('shiftMonth', () => {
  it.each([
    [2026, 3, 1, { y: 2026, m: 4 }],
    [2026, 12, 1, { y: 2027, m: 1 }],
    [2026, 1, -1, { y: 2025, m: 12 }],
    [2026, 3, -15, { y: 2024, m: 12 }],
    [2026, 3, 24, { y: 2028, m: 3 }],
  ])('%i-%i + %i months', (y, m, n, expected) => {
    expect(shiftMonth(y, m, n)).toEqual(expected);
  });
});

describe('addMonths / addYears: a day the target month lacks becomes the 1st of the month after', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-03-01'], // no 31 Feb
    ['2024-01-31', 1, '2024-03-01'], // no 31 Feb in a leap year either
    ['2024-01-29', 1, '2024-02-29'],
    ['2026-01-29', 1, '2026-03-01'],
    ['2026-03-31', 1, '2026-05-01'], // no 31 Apr
    ['2026-05-31', -1, '2026-05-01'], // backwards too: no 31 Apr
    ['2026-03-31', -1, '2026-03-01'], // no 31 Feb
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-01-31', -1, '2025-12-31'],
    ['2024-02-29', 12, '2025-03-01'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-08-31', 0, '2026-08-31'],
  ])('%s + %i months = %s', (day, n, expected) => {
    expect(addMonths(day, n)).toBe(expected);
  });

  it.each([
    ['2026-03-10', 5, '2031-03-10'],
    ['2026-12-31', 1, '2027-12-31'],
    ['2024-02-29', 1, '2025-03-01'], // common year: 1 Mar, the later day
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', 5, '2029-03-01'],
    ['2024-02-29', -4, '2020-02-29'],
    ['2024-02-29', -1, '2023-03-01'],
    ['1996-02-29', 4, '2000-02-29'], // 2000 is a leap year
    ['2096-02-29', 4, '2100-03-01'], // 2100 is not
    ['1896-02-29', 4, '1900-03-01'], // nor is 1900
    ['2024-02-28', 1, '2025-02-28'],
    ['2025-03-01', -1, '2024-03-01'],
  ])('%s + %i years = %s', (day, n, expected) => {
    expect(addYears(day, n)).toBe(expected);
    expect(addMonths(day, n * 12)).toBe(expected);
  });

  it('refuses a malformed day and a fractional count', () => {
    expect(() => addYears('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-01-31', 1.5)).toThrow(RangeError);
    expect(() => addYears('2026-01-31', 0.5)).toThrow(RangeError);
  });
});

describe('daysYearsBefore: the days addYears takes to a day', () => {
  it.each([
    ['2026-03-10', 5, ['2021-03-10']],
    ['2029-03-01', 5, ['2024-02-29', '2024-03-01']], // 29 Feb rolls over to 1 Mar
    ['2029-02-28', 5, ['2024-02-28']],
    ['2028-02-29', 4, ['2024-02-29']],
    ['2028-02-29', 5, []], // 2023 has no 29 Feb
    ['2028-03-01', 4, ['2024-03-01']], // 29 Feb 2024 + 4 is 29 Feb 2028
    ['2100-03-01', 4, ['2096-02-29', '2096-03-01']],
    ['2004-03-01', 4, ['2000-03-01']],
    ['2026-03-01', 1, ['2025-03-01']],
  ])('%s, %i years → %j', (day, n, expected) => {
    expect(daysYearsBefore(day, n)).toEqual(expected);
    for (const before of expected) expect(addYears(before, n)).toBe(day);
  });
});

describe('Shanghai days and times of an instant (UTC+8)', () => {
  it.each([
    ['2026-03-04T15:59:59.999Z', '2026-03-04', '23:59'], // one millisecond before Shanghai midnight
    ['2026-03-04T16:00:00.000Z', '2026-03-05', '00:00'], // Shanghai midnight, still the 4th in UTC
    ['2025-12-31T16:00:00.000Z', '2026-01-01', '00:00'], // new year in Shanghai first
    ['2024-02-28T16:30:00.000Z', '2024-02-29', '00:30'],
    ['2026-03-05T00:00:00.000Z', '2026-03-05', '08:00'],
  ])('%s is %s %s in Shanghai', (iso, day, clock) => {
    const instant = new Date(iso);
    expect(shanghaiDay(instant)).toBe(day);
    expect(shanghaiClockTime(instant)).toBe(clock);
  });

  it('the instant of a Shanghai clock time on a day', () => {
    expect(shanghaiTime('2026-03-05', 0).toISOString()).toBe('2026-03-04T16:00:00.000Z');
    expect(shanghaiTime('2026-03-05', 10, 30).toISOString()).toBe('2026-03-05T02:30:00.000Z');
    expect(shanghaiAt('2026-01-01', '07:45').toISOString()).toBe('2025-12-31T23:45:00.000Z');
    expect(shanghaiDay(shanghaiTime('2026-03-05', 23, 59))).toBe('2026-03-05');
  });

  it('refuses a malformed day or clock time', () => {
    expect(() => shanghaiTime('2026-02-30', 10)).toThrow(RangeError);
    expect(() => shanghaiAt('2026-03-05', '7:45')).toThrow();
  });
});
