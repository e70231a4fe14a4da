// The first day a repeat screening is allowed after one known to a day, a month or a year.
// Leap days and month lengths are tested in calendarDay.test.ts.
import { describe, expect, it } from 'vitest';
import { addYearsWithPrecision } from '../../../src/domain/eligibility/addYearsWithPrecision.js';

describe('addYearsWithPrecision', () => {
  it.each([
    ['2023-05-06', 'day', 3, '2026-05-06'],
    ['2024-02-29', 'day', 5, '2029-03-01'], // no 29 Feb in 2029: the later day
    ['2024-02-29', 'day', 4, '2028-02-29'],
    ['2023-05-01', 'month', 3, '2026-06-01'],
    ['2023-05-31', 'month', 3, '2026-06-01'],
    ['2023-12-01', 'month', 3, '2027-01-01'],
    ['2024-02-01', 'month', 5, '2029-03-01'],
    ['2023-01-01', 'year', 3, '2026-01-01'],
    ['2023-07-15', 'year', 3, '2026-01-01'],
  ] as const)('addYearsWithPrecision(%s, %s, %i) = %s', (day, precision, years, want) => {
    expect(addYearsWithPrecision(day, precision, years)).toBe(want);
  });

  it('refuses something that is not a calendar day', () => {
    expect(() => addYearsWithPrecision('2023-02-30', 'month', 3)).toThrow(RangeError);
  });
});
