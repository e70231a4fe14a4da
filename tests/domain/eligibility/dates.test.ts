import { describe, expect, it } from 'vitest';
import { addYears, addYearsWithPrecision, isIsoDay } from '../../../src/domain/eligibility/dates.js';
import { ageOn } from '../../../src/domain/parse/ageOn.js';
import { birthdayOfAge } from '../../../src/domain/parse/birthdayOfAge.js';
import { formatChineseDate } from '../../../src/domain/parse/formatChineseDate.js';

describe('eligibility date helpers', () => {
  it.each([
    ['2026-03-05', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-3-5', false],
    [20260305, false],
  ])('isIsoDay(%s) = %s', (value, want) => expect(isIsoDay(value)).toBe(want));

  it.each([
    ['1980-05-06', '2026-05-05', 45],
    ['1980-05-06', '2026-05-06', 46],
    ['1992-02-29', '2027-02-28', 34],
    ['1992-02-29', '2027-03-01', 35],
    ['1992-02-29', '2028-02-29', 36],
  ])('ageOn(%s, %s) = %i', (birth, day, age) => expect(ageOn(birth, day)).toBe(age));

  it('birthdayOfAge and addYears move 29 February to 1 March in common years', () => {
    expect(birthdayOfAge('1991-03-06', 35)).toBe('2026-03-06');
    expect(birthdayOfAge('1992-02-29', 35)).toBe('2027-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it.each([
    ['2023-05-06', 'day', 3, '2026-05-06'],
    ['2023-05-01', 'month', 3, '2026-06-01'],
    ['2023-12-01', 'month', 3, '2027-01-01'],
    ['2023-01-01', 'year', 3, '2026-01-01'],
  ] as const)('addYearsWithPrecision(%s, %s, %i) = %s', (day, precision, years, want) => {
    expect(addYearsWithPrecision(day, precision, years)).toBe(want);
  });

  it('formats dates the Chinese way', () => {
    expect(formatChineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(formatChineseDate('2026-03-05', 'month')).toBe('2026年3月');
    expect(formatChineseDate('2026-03-05', 'year')).toBe('2026年');
  });
});
