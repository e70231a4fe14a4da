// A programme rate (domain.md §5) as staff report it: the exact fraction and its percentage, rounded
// half up to 2 decimals (82,353 / 98,200 = 83.86 %). No denominator, no percentage: null, never NaN.

export interface Rate {
  numerator: number;
  denominator: number;
  /** 100 × numerator ÷ denominator, rounded half up to 2 decimals; null when the denominator is 0. */
  percent: number | null;
}

export function rate(numerator: number, denominator: number): Rate {
  for (const [name, v] of [
    ['numerator', numerator],
    ['denominator', denominator],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`rate: ${name} must be a whole number ≥ 0, got ${v}`);
  }
  if (denominator === 0) return { numerator, denominator, percent: null };
  // hundredths of a percent, rounded half up, in integers (no float drift):
  // floor((10⁴·n + d/2) / d) = floor((2·10⁴·n + d) / 2d)
  const a = 20_000 * numerator + denominator;
  const b = 2 * denominator;
  const hundredths = (a - (a % b)) / b;
  return { numerator, denominator, percent: hundredths / 100 };
}
