import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendarDay.js';
import { ageOn } from '../../../src/domain/parse/ageOn.js';
import { birthdayOfAge } from '../../../src/domain/parse/birthdayOfAge.js';

const ages: [birthDate: string, day: string, expected: number][] = [
  ['1980-05-06', '2025-05-05', 44], // the day before the birthday
  ['1980-05-06', '2025-05-06', 45], // the birthday
  ['1980-05-06', '2025-05-07', 45], // the day after
  ['1980-05-06', '1980-05-06', 0],
  ['1980-05-06', '2025-12-31', 45],
  ['1980-05-06', '2026-01-01', 45],
  ['1990-12-31', '2025-12-30', 34],
  ['1990-12-31', '2025-12-31', 35],
  ['1961-03-10', '2026-03-09', 64],
  ['1961-03-10', '2026-03-10', 65],
  // Feb 29: in a non-leap year the birthday is reached on Mar 1
  ['2000-02-29', '2023-02-28', 22],
  ['2000-02-29', '2023-03-01', 23],
  ['2000-02-29', '2024-02-28', 23],
  ['2000-02-29', '2024-02-29', 24],
  ['2000-02-29', '2024-03-01', 24],
  ['1999-03-01', '2023-02-28', 23],
  ['1999-03-01', '2023-03-01', 24],
];

describe('ageOn', () => {
  it.each(ages)('born %s, on %s → %i', (birthDate, day, expected) => {
    expect(ageOn(birthDate, day)).toBe(expected);
  });

  it.each([
    ['1980-5-6', '2025-05-06'],
    ['1980-05-06', 'today'],
    ['1980-02-30', '2025-05-06'],
  ])('%j, %j → NaN', (birthDate, day) => {
    expect(ageOn(birthDate, day)).toBeNaN();
  });
});

const birthdays: [birthDate: string, age: number, expected: string][] = [
  ['1980-05-06', 35, '2015-05-06'],
  ['1980-05-06', 0, '1980-05-06'],
  ['1980-05-06', 65, '2045-05-06'],
  ['2000-02-29', 23, '2023-03-01'],
  ['2000-02-29', 24, '2024-02-29'],
  ['2000-02-29', 100, '2100-03-01'], // 2100 is not a leap year
  ['1980-5-6', 35, ''],
  ['1980-05-06', 35.5, ''],
];

describe('birthdayOfAge', () => {
  it.each(birthdays)('born %s, turns %i on %j', (birthDate, age, expected) => {
    expect(birthdayOfAge(birthDate, age)).toBe(expected);
  });

  it.each(['1980-05-06', '2000-02-29', '1961-12-31', '1964-01-01'])('born %s: ageOn agrees with birthdayOfAge on the day and the day before', (birthDate) => {
    for (const age of [1, 35, 36, 64, 65]) {
      const day = birthdayOfAge(birthDate, age);
      expect(ageOn(birthDate, day)).toBe(age);
      expect(ageOn(birthDate, addDays(day, -1))).toBe(age - 1);
    }
  });
});
