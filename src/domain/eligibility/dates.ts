// Small pure calendar helpers on 'YYYY-MM-DD' strings (Asia/Shanghai calendar days, no clock).
// ISO day strings compare correctly as strings. Ages and date formatting live in src/domain/parse.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

import type { DatePrecision } from '../parse/formatChineseDate.js';

export type { DatePrecision };

function parts(day: string): [number, number, number] {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True for a real calendar day written 'YYYY-MM-DD'. */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DAY.test(value)) return false;
  const [y, m, d] = parts(value);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * The same day `years` later. 29 February in a non-leap year becomes 1 March (the later day:
 * conservative for waiting periods, and when someone born on 29 Feb counts as a year older).
 */
export function addYears(day: string, years: number): string {
  const [y, m, d] = parts(day);
  const year = y + years;
  if (m === 2 && d === 29 && !isLeap(year)) return iso(year, 3, 1);
  return iso(year, m, d);
}

/**
 * First day a repeat is allowed after something done on `day` known only to `precision`,
 * `years` later (conservative): day → same day `years` later; month → the first day of the month
 * after that month `years` later; year → 1 January of (year + years).
 */
export function addYearsWithPrecision(day: string, precision: DatePrecision, years: number): string {
  const [y, m] = parts(day);
  if (precision === 'day') return addYears(day, years);
  if (precision === 'month') return m === 12 ? iso(y + years + 1, 1, 1) : iso(y + years, m + 1, 1);
  return iso(y + years, 1, 1);
}
