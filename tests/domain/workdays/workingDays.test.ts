// Working days: Monday to Friday, except the holidays of the year's notice, plus its 调休 weekend
// days; a year the calendar does not hold counts Monday to Friday, and says so.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, missingYears, missingYearsWarning, type WorkdayCalendar } from '../../../src/domain/workdays/workingDays.js';
import { loadWorkdays, WORKDAYS_FILE } from '../../../src/profiles/loadWorkdays.js';

// the shipped calendar: 2026 from the State Council's notice of 4 November 2025
const calendar = loadWorkdays(path.resolve('profiles', WORKDAYS_FILE));
const sh = (s: string) => new Date(`${s}+08:00`);

describe('isWorkingDay', () => {
  it('weekdays work, weekends rest, in a year with nothing special', () => {
    // Monday 9 March to Sunday 15 March 2026
    const week = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'];
    expect(week.map((d) => isWorkingDay(d, calendar))).toEqual([true, true, true, true, true, false, false]);
  });

  it('the holidays rest, weekday or not; the 调休 Saturdays and Sundays work', () => {
    expect(
      ['2026-01-01', '2026-01-02', '2026-02-16', '2026-02-23', '2026-05-04', '2026-05-05', '2026-10-08'].map((d) => [d, isWorkingDay(d, calendar)]),
    ).toEqual([
      ['2026-01-01', false], // 元旦, Thursday
      ['2026-01-02', false], // Friday, 元旦 放假调休
      ['2026-02-16', false], // 春节, Monday
      ['2026-02-23', false], // 春节 until 正月初七, Monday
      ['2026-05-04', false], // 劳动节, Monday
      ['2026-05-05', false], // 劳动节, Tuesday
      ['2026-10-08', true], // the Thursday after 国庆节
    ]);
    expect(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'].every((d) => isWorkingDay(d, calendar))).toBe(true);
  });

  it('a year without a calendar: Monday to Friday, holidays or not', () => {
    // 1 January 2027 is a Friday
    expect(isWorkingDay('2027-01-01', calendar)).toBe(true);
    expect(isWorkingDay('2027-01-02', calendar)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  it('over a weekend: Thursday + 3 is Tuesday', () => {
    expect(addWorkingDays('2026-03-12', 3, calendar)).toBe('2026-03-17');
    // held on a Saturday: Monday is the first
    expect(addWorkingDays('2026-03-14', 1, calendar)).toBe('2026-03-16');
    expect(addWorkingDays('2026-03-14', 0, calendar)).toBe('2026-03-14');
  });

  it('the Thursday before the Spring Festival: Friday, the 调休 Saturday, then nine days off', () => {
    expect([1, 2, 3].map((n) => addWorkingDays('2026-02-12', n, calendar))).toEqual(['2026-02-13', '2026-02-14', '2026-02-24']);
  });

  it('the 调休 Sunday before National Day and the 调休 Saturday after it', () => {
    // Thursday 17 September: Friday 18th, Sunday 20th (调休上班), Monday 21st
    expect(addWorkingDays('2026-09-17', 3, calendar)).toBe('2026-09-21');
    // Wednesday 30 September: 国庆 1–7 October, Thursday 8th, Friday 9th, Saturday 10th (调休上班)
    expect(addWorkingDays('2026-09-30', 3, calendar)).toBe('2026-10-10');
  });

  it('across the year end, from the known year into one the calendar lacks', () => {
    // Wednesday 30 December 2026: Thursday 31st, then 2027 counted Monday to Friday (1 January too)
    expect(addWorkingDays('2026-12-30', 3, calendar)).toBe('2027-01-04');
    // and into 2026 from 2025 (not held either): 元旦 2026 rests, the 调休 Sunday 4 January works
    expect(addWorkingDays('2025-12-31', 1, calendar)).toBe('2026-01-04');
  });

  it('an empty calendar counts Monday to Friday; a count must be a whole number from 0', () => {
    const none: WorkdayCalendar = { years: new Map() };
    expect(addWorkingDays('2026-02-12', 3, none)).toBe('2026-02-17');
    expect(() => addWorkingDays('2026-02-12', -1, none)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-12', 1.5, none)).toThrow(RangeError);
  });
});

describe('the years without a calendar', () => {
  it('this year, and the next one from a month before it', () => {
    expect(missingYears(sh('2026-03-02T09:00'), calendar)).toEqual([]);
    expect(missingYears(sh('2026-11-30T09:00'), calendar)).toEqual([]);
    expect(missingYears(sh('2026-12-01T09:00'), calendar)).toEqual([2027]);
    expect(missingYears(sh('2027-03-01T09:00'), calendar)).toEqual([2027]);
    expect(missingYearsWarning([2027])).toBe('no calendar for 2027: counting Monday to Friday');
    expect(missingYearsWarning([])).toBeUndefined();
  });
});
