// Calendar arithmetic on Asia/Shanghai calendar days: weekdays (Sunday = 7), ranges across month
// and year boundaries, leap days.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, eachDay, isCalendarDay, isoWeekday } from '../../src/domain/calendarDay.js';

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

describe('isCalendarDay', () => {
  it.each([
    ['2026-03-02', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-3-2', false],
    ['20260302', false],
    ['2026-03-02T00:00:00Z', false],
    ['', false],
  ])('%j → %s', (value, ok) => {
    expect(isCalendarDay(value)).toBe(ok);
  });
});

describe('addDays / daysBetween / eachDay', () => {
  it.each([
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-03-02', 0, '2026-03-02'],
    ['2026-03-02', 30, '2026-04-01'],
  ])('%s + %i = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
  });

  it('lists every day of a range across the year boundary, both ends included', () => {
    expect(eachDay('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  });

  it('a one-day range has one day, a reversed range none', () => {
    expect(eachDay('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
    expect(eachDay('2026-03-03', '2026-03-02')).toEqual([]);
  });
});
