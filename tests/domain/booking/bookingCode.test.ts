// Booking codes: short, uppercase, unambiguous, from an injected random source.
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateBookingCode, normalizeBookingCode, visitCodeOf, visitCodes } from '../../../src/domain/booking/bookingCode.js';

/** A small repeatable PRNG (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('generateBookingCode', () => {
  it('uses no look-alikes (0 O 1 I) and only uppercase letters and digits', () => {
    for (const ch of ['0', 'O', '1', 'I']) expect(CODE_ALPHABET).not.toContain(ch);
    expect(CODE_ALPHABET).toMatch(/^[A-Z2-9]+$/);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it.each([
    [() => 0, 'AAAAAA'],
    [() => 0.999999, '999999'],
    [() => 1, '999999'], // an out-of-range source never reads past the alphabet
    [() => -0.5, 'AAAAAA'],
  ])('maps the random source onto the alphabet (%#)', (random, expected) => {
    expect(generateBookingCode(random)).toBe(expected);
  });

  it('is repeatable from the same seed and spreads over the alphabet', () => {
    const r1 = seeded(7);
    const r2 = seeded(7);
    const a = Array.from({ length: 5 }, () => generateBookingCode(r1));
    expect(Array.from({ length: 5 }, () => generateBookingCode(r2))).toEqual(a);
    const random = seeded(42);
    const codes = new Set(Array.from({ length: 10_000 }, () => generateBookingCode(random)));
    expect(codes.size).toBeGreaterThan(9_990); // 32^6 ≈ 10^9 codes
    expect(new Set([...codes].join('')).size).toBe(CODE_ALPHABET.length);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  });
});

describe('visit codes', () => {
  it.each([
    ['XC7K3P', 1, ['XC7K3P']],
    ['XC7K3P', 3, ['XC7K3P', 'XC7K3P-2', 'XC7K3P-3']],
  ])('visitCodes(%s, %i)', (base, n, expected) => {
    expect(visitCodes(base, n)).toEqual(expected);
    for (const c of expected) expect(visitCodeOf(c)).toBe(base);
  });
});

describe('normalizeBookingCode', () => {
  it.each([
    ['XC7K3P', 'XC7K3P'],
    ['xc7k3p', 'XC7K3P'],
    [' XC7 K3P ', 'XC7K3P'],
    ['ＸＣ７Ｋ３Ｐ', 'XC7K3P'], // full-width, as typed on a Chinese keyboard
    ['XC7K3P-2', 'XC7K3P-2'],
    ['xc7k3p－2', 'XC7K3P-2'],
    ['XC7K3', undefined],
    ['XC7K3PP', undefined],
    ['XC0K3P', undefined],
    ['XCOK3P', undefined],
    ['', undefined],
    ['预约号', undefined],
  ])('%j → %j', (input, expected) => {
    expect(normalizeBookingCode(input)).toBe(expected);
  });
});
