// Her age on the due date from a birth date she may have given as a year, a month or an age; the
// Henan prenatal screenings (free 唐筛 up to 34, prenatal diagnosis from 35, 32 with twins).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageDecidesScreenings, keptAgeOnDueDate } from '../../../src/domain/pregnancy/ageOnDueDate.js';
import { loadProfiles } from '../../../src/profiles/loadProfiles.js';
import { prenatalAlertScreenings } from '../../../src/services/reminders/reminderConfig.js';

const henan = prenatalAlertScreenings(loadProfiles(path.resolve('profiles')).get('henan')!);
const DUE = '2026-09-10';

describe('keptAgeOnDueDate', () => {
  it('is her age on the due date, or the younger of the ages a year, a month or an age leaves', () => {
    expect(keptAgeOnDueDate('1991-03-05', DUE)).toBe(35);
    expect(keptAgeOnDueDate('1991-09-11', DUE)).toBe(34);
    expect(keptAgeOnDueDate({ date: '1990-01-01', precision: 'year' }, DUE)).toBe(35);
    expect(keptAgeOnDueDate({ date: '1990-03-01', precision: 'month' }, DUE)).toBe(36);
  });
});

describe('ageDecidesScreenings', () => {
  it('tells when the ages she can be lead to different screenings', () => {
    // 35 or 36: the same screenings
    expect(ageDecidesScreenings(henan, { min: 35, max: 36 }, false)).toBe(false);
    expect(ageDecidesScreenings(henan, { min: 25, max: 26 }, false)).toBe(false);
    // 34 or 35: free 唐筛 or prenatal diagnosis
    expect(ageDecidesScreenings(henan, { min: 34, max: 35 }, false)).toBe(true);
    expect(ageDecidesScreenings(henan, { min: 33, max: 35 }, false)).toBe(true);
    // with twins 32 is the limit for prenatal diagnosis
    expect(ageDecidesScreenings(henan, { min: 31, max: 32 }, true)).toBe(true);
    expect(ageDecidesScreenings(henan, { min: 31, max: 32 }, false)).toBe(false);
    // one age: nothing to decide
    expect(ageDecidesScreenings(henan, { min: 34, max: 34 }, false)).toBe(false);
  });
});
