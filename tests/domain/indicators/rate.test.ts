// A rate is its exact fraction and a percentage rounded half up to 2 decimals; null, never NaN, when
// nothing is counted.
import { describe, expect, it } from 'vitest';
import { rate } from '../../../src/domain/indicators/rate.js';

describe('rate', () => {
  it('gives the fraction and the percentage to 2 decimals (domain.md §5: Yongzhou 2019)', () => {
    expect(rate(82_353, 98_200)).toEqual({ numerator: 82_353, denominator: 98_200, percent: 83.86 });
    expect(rate(25_859, 38_000)).toEqual({ numerator: 25_859, denominator: 38_000, percent: 68.05 });
    expect(rate(3_275, 4_493)).toEqual({ numerator: 3_275, denominator: 4_493, percent: 72.89 });
  });

  it('rounds half up, exactly (no float drift)', () => {
    // 1/8 = 12.5 %, 1/16 = 6.25 %, 1/32 = 3.125 % → 3.13, 1/3 = 33.333… → 33.33, 2/3 = 66.666… → 66.67
    expect(rate(1, 32).percent).toBe(3.13);
    expect(rate(1, 3).percent).toBe(33.33);
    expect(rate(2, 3).percent).toBe(66.67);
    expect(rate(1, 16).percent).toBe(6.25);
    // 1.005 % (floats put 1.005 below itself: Math.round(1.005 * 100) / 100 = 1)
    expect(rate(201, 20_000).percent).toBe(1.01);
    // 1/200000 = 0.0005 % → 0.00; 1/20000 = 0.005 % → 0.01
    expect(rate(1, 200_000).percent).toBe(0);
    expect(rate(1, 20_000).percent).toBe(0.01);
  });

  it('all, none, and more than all', () => {
    expect(rate(7, 7).percent).toBe(100);
    expect(rate(0, 7).percent).toBe(0);
    expect(rate(9, 6).percent).toBe(150);
  });

  it('is null when the denominator is 0, never NaN', () => {
    expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, percent: null });
    expect(JSON.stringify(rate(0, 0))).toBe('{"numerator":0,"denominator":0,"percent":null}');
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(() => rate(-1, 3)).toThrow('numerator must be a whole number ≥ 0, got -1');
    expect(() => rate(1, 2.5)).toThrow('denominator must be a whole number ≥ 0, got 2.5');
    expect(() => rate(Number.NaN, 3)).toThrow('numerator');
  });
});
