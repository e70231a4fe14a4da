// The first day a repeat screening is allowed, `years` after one done on a day known only to a
// precision (she may remember the month or the year only). Conservative: never earlier than the
// interval allows, whichever day of that month or year it was.
import { addMonths, addYears, dayParts, formatDay } from '../calendarDay.js';
import type { DatePrecision } from '../parse/formatChineseDate.js';

/**
 * day → the same day `years` later (addYears: 29 Feb → 1 Mar in a common year); month → the 1st
 * of the month after that month, `years` later; year → 1 January of (year + years).
 */
export function addYearsWithPrecision(day: string, precision: DatePrecision, years: number): string {
  if (precision === 'day') return addYears(day, years);
  const parts = dayParts(day);
  if (!parts) throw new RangeError(`not a calendar day 'YYYY-MM-DD': ${JSON.stringify(day)}`);
  if (precision === 'month') return addMonths(formatDay(parts.y, parts.m, 1), years * 12 + 1);
  return addYears(formatDay(parts.y, 1, 1), years);
}
