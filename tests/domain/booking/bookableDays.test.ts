// Cut-off and horizon: which days may be booked, changed or cancelled at an instant (Asia/Shanghai).
import { describe, expect, it } from 'vitest';
import { bookableDays, canChange, isBookableDay } from '../../../src/domain/booking/bookableDays.js';
import { addDays } from '../../../src/domain/calendarDay.js';

const rules = { horizonDays: 14, cutoffHour: 16 };
const at = (local: string) => new Date(`${local}+08:00`);

describe('addDays', () => {
  it.each([
    ['2026-03-02', 1, '2026-03-03'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-02', 0, '2026-03-02'],
  ])('%s + %i = %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });
});

describe('bookableDays', () => {
  it.each([
    // [now (Shanghai), rules, first, last, count]
    ['2026-03-02T09:00', rules, '2026-03-03', '2026-03-16', 14],
    ['2026-03-02T15:59', rules, '2026-03-03', '2026-03-16', 14],
    ['2026-03-02T16:00', rules, '2026-03-04', '2026-03-16', 13],
    ['2026-03-02T23:59', rules, '2026-03-04', '2026-03-16', 13],
    ['2026-03-03T00:01', rules, '2026-03-04', '2026-03-17', 14],
    ['2026-03-02T09:00', { horizonDays: 3, cutoffHour: 16 }, '2026-03-03', '2026-03-05', 3],
    ['2026-03-02T09:00', { horizonDays: 14, cutoffHour: 0 }, '2026-03-04', '2026-03-16', 13],
    ['2026-03-02T09:00', { horizonDays: 14, cutoffHour: 23 }, '2026-03-03', '2026-03-16', 14],
    ['2026-02-27T10:00', { horizonDays: 3, cutoffHour: 16 }, '2026-02-28', '2026-03-02', 3],
  ] as const)('at %s with %o: %s … %s (%i days)', (now, r, first, last, count) => {
    const days = bookableDays(at(now), r);
    expect(days[0]).toBe(first);
    expect(days.at(-1)).toBe(last);
    expect(days).toHaveLength(count);
  });

  it('is empty when the horizon is one day and the cut-off has passed', () => {
    expect(bookableDays(at('2026-03-02T17:00'), { horizonDays: 1, cutoffHour: 16 })).toEqual([]);
  });

  it('uses the Shanghai day, not the UTC day (01:00 in Shanghai is still the previous UTC day)', () => {
    expect(bookableDays(new Date('2026-03-02T17:00:00Z'), rules)[0]).toBe('2026-03-04');
  });
});

describe('isBookableDay', () => {
  it.each([
    ['2026-03-02T09:00', '2026-03-02', false], // today: never
    ['2026-03-02T09:00', '2026-03-01', false], // the past
    ['2026-03-02T09:00', '2026-03-03', true], // tomorrow before the cut-off
    ['2026-03-02T16:00', '2026-03-03', false], // tomorrow after the cut-off
    ['2026-03-02T16:00', '2026-03-04', true],
    ['2026-03-02T09:00', '2026-03-16', true], // the horizon's last day
    ['2026-03-02T09:00', '2026-03-17', false], // beyond the horizon
  ])('at %s, %s → %s', (now, day, expected) => {
    expect(isBookableDay(day, at(now), rules)).toBe(expected);
  });
});

describe('canChange', () => {
  it.each([
    ['2026-03-02T09:00', '2026-03-02', false],
    ['2026-03-02T09:00', '2026-03-01', false],
    ['2026-03-02T09:00', '2026-03-03', true],
    ['2026-03-02T15:59', '2026-03-03', true],
    ['2026-03-02T16:00', '2026-03-03', false],
    ['2026-03-02T16:00', '2026-03-04', true],
    ['2026-03-02T09:00', '2026-05-01', true], // beyond the horizon: a booking there may still be cancelled
  ])('at %s, a booking on %s → %s', (now, day, expected) => {
    expect(canChange(day, at(now), rules)).toBe(expected);
  });
});
