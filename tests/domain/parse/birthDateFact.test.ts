import { describe, expect, it } from 'vitest';
import { ageRangeOn, asBirthDateFact, birthDayRange, compareBirthDates, type BirthDateFact } from '../../../src/domain/parse/birthDateFact.js';
import { ageOn } from '../../../src/domain/parse/ageOn.js';

describe('asBirthDateFact', () => {
  it.each<[unknown, BirthDateFact | undefined]>([
    ['1980-05-06', '1980-05-06'],
    [{ date: '1980-05-06', precision: 'day' }, '1980-05-06'],
    [
      { date: '1980-05-01', precision: 'month' },
      { date: '1980-05-01', precision: 'month' },
    ],
    [
      { date: '1980-01-01', precision: 'year' },
      { date: '1980-01-01', precision: 'year' },
    ],
    [
      { age: 52, on: '2026-03-02' },
      { age: 52, on: '2026-03-02' },
    ],
    [
      { age: 52, on: '2026-03-02', counting: 'full' },
      { age: 52, on: '2026-03-02', counting: 'full' },
    ],
    [
      { age: 52, on: '2026-03-02', counting: 'other' },
      { age: 52, on: '2026-03-02' },
    ],
    ['1980-02-30', undefined],
    [{ date: '1980-05-01', precision: 'week' }, undefined],
    [{ age: 5.5, on: '2026-03-02' }, undefined],
    [null, undefined],
    [42, undefined],
  ])('%j → %j', (value, fact) => {
    expect(asBirthDateFact(value)).toEqual(fact);
  });
});

describe('birthDayRange', () => {
  it('a day, a month, a year', () => {
    expect(birthDayRange('1980-05-06')).toEqual({ earliest: '1980-05-06', latest: '1980-05-06' });
    expect(birthDayRange({ date: '1980-02-01', precision: 'month' })).toEqual({ earliest: '1980-02-01', latest: '1980-02-29' });
    expect(birthDayRange({ date: '1981-02-01', precision: 'month' })).toEqual({ earliest: '1981-02-01', latest: '1981-02-28' });
    expect(birthDayRange({ date: '1959-01-01', precision: 'year' })).toEqual({ earliest: '1959-01-01', latest: '1959-12-31' });
  });

  it('an age said plainly may be 周岁 or 虚岁: 52 is 50 to 52 full years on the day she said it', () => {
    const r = birthDayRange({ age: 52, on: '2026-03-02' });
    expect(r).toEqual({ earliest: '1973-03-03', latest: '1976-03-02' });
    expect(ageOn(r.earliest, '2026-03-02')).toBe(52);
    expect(ageOn(r.latest, '2026-03-02')).toBe(50);
    expect(ageOn('1973-03-02', '2026-03-02')).toBe(53);
  });

  it('52周岁 is 52 full years; 虚岁52 is 50 or 51', () => {
    expect(birthDayRange({ age: 52, on: '2026-03-02', counting: 'full' })).toEqual({ earliest: '1973-03-03', latest: '1974-03-02' });
    expect(birthDayRange({ age: 52, on: '2026-03-02', counting: 'nominal' })).toEqual({ earliest: '1974-03-03', latest: '1976-03-02' });
  });

  it('an age said on 29 February', () => {
    const r = birthDayRange({ age: 30, on: '2024-02-29', counting: 'full' });
    expect(ageOn(r.earliest, '2024-02-29')).toBe(30);
    expect(ageOn(r.latest, '2024-02-29')).toBe(30);
  });
});

describe('ageRangeOn', () => {
  it('gives one age for a day, two for a year that crosses the birthday', () => {
    expect(ageRangeOn('1991-03-05', '2026-03-05')).toEqual({ min: 35, max: 35 });
    expect(ageRangeOn({ date: '1991-01-01', precision: 'year' }, '2026-03-02')).toEqual({ min: 34, max: 35 });
    expect(ageRangeOn({ date: '1991-01-01', precision: 'year' }, '2026-12-31')).toEqual({ min: 35, max: 35 });
    expect(ageRangeOn({ date: '1991-10-01', precision: 'month' }, '2026-03-02')).toEqual({ min: 34, max: 34 });
  });

  it('an age grows with the days since she said it', () => {
    expect(ageRangeOn({ age: 52, on: '2026-03-02' }, '2026-03-02')).toEqual({ min: 50, max: 52 });
    expect(ageRangeOn({ age: 52, on: '2026-03-02' }, '2027-03-02')).toEqual({ min: 51, max: 53 });
  });
});

describe('compareBirthDates', () => {
  const y: BirthDateFact = { date: '1991-01-01', precision: 'year' };
  it.each<[BirthDateFact, BirthDateFact, string]>([
    [y, { date: '1991-03-01', precision: 'month' }, 'narrower'],
    [y, '1991-03-05', 'narrower'],
    [y, y, 'same'],
    [{ date: '1991-03-01', precision: 'month' }, y, 'same'],
    [y, '1990-03-05', 'other'],
    [{ age: 35, on: '2026-03-02' }, '1991-03-05', 'narrower'],
  ])('%j then %j: %s', (before, after, how) => {
    expect(compareBirthDates(before, after)).toBe(how);
  });
});
