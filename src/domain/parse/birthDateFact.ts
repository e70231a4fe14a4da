// Her birth date as she gave it, never more precise than that: the day ('YYYY-MM-DD', also from an
// ID number), a month or a year ({ date, precision }: 83年10月, 五九年的), or an age on the day she
// said it ({ age, on }: 我今年52了, 52岁). Every reader goes through here: the range of days she can
// have been born on, and the range of ages that gives on a day. Pure.
//
// An age said without 周岁 or 虚岁 may be either: 虚岁 (counted the traditional way, common among
// older women) is one or two years more than 周岁, so "52岁" is 50 to 52 full years; "52周岁" is 52;
// "虚岁52" 50 or 51. Age rules count full years (周岁).
import { addDays, addYears, dayParts, daysInMonth, formatDay, isCalendarDay } from '../calendarDay.js';
import { ageOn } from './ageOn.js';

export type BirthDatePrecision = 'day' | 'month' | 'year';

export type BirthDateFact = string | { date: string; precision: BirthDatePrecision } | { age: number; on: string; counting?: 'full' | 'nominal' };

const PRECISIONS: readonly string[] = ['day', 'month', 'year'];

/** A stored or parsed birth date value, checked; undefined for anything else. */
export function asBirthDateFact(value: unknown): BirthDateFact | undefined {
  if (isCalendarDay(value)) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (isCalendarDay(v.date) && typeof v.precision === 'string' && PRECISIONS.includes(v.precision)) {
    return v.precision === 'day' ? v.date : { date: v.date, precision: v.precision as BirthDatePrecision };
  }
  if (typeof v.age === 'number' && Number.isInteger(v.age) && v.age >= 0 && isCalendarDay(v.on)) {
    const counting = v.counting === 'full' || v.counting === 'nominal' ? v.counting : undefined;
    return { age: v.age, on: v.on, ...(counting ? { counting } : {}) };
  }
  return undefined;
}

/** The full years (周岁) an age she said can be. */
function fullYears(fact: { age: number; counting?: 'full' | 'nominal' }): { min: number; max: number } {
  if (fact.counting === 'full') return { min: fact.age, max: fact.age };
  if (fact.counting === 'nominal') return { min: Math.max(0, fact.age - 2), max: Math.max(0, fact.age - 1) };
  return { min: Math.max(0, fact.age - 2), max: fact.age };
}

/** The first and the last day she can have been born on. */
export function birthDayRange(fact: BirthDateFact): { earliest: string; latest: string } {
  if (typeof fact === 'string') return { earliest: fact, latest: fact };
  if ('date' in fact) {
    const { y, m } = dayParts(fact.date)!;
    if (fact.precision === 'year') return { earliest: formatDay(y, 1, 1), latest: formatDay(y, 12, 31) };
    if (fact.precision === 'month') return { earliest: formatDay(y, m, 1), latest: formatDay(y, m, daysInMonth(y, m)) };
    return { earliest: fact.date, latest: fact.date };
  }
  // full years `min`..`max` on the day she said it
  const { min, max } = fullYears(fact);
  let latest = addYears(fact.on, -min);
  while (ageOn(latest, fact.on) < min) latest = addDays(latest, -1);
  let earliest = addDays(addYears(fact.on, -(max + 1)), 1);
  while (ageOn(earliest, fact.on) > max) earliest = addDays(earliest, 1);
  return { earliest, latest };
}

/** Her age in full years on `day`: the youngest and the oldest she can be. */
export function ageRangeOn(fact: BirthDateFact, day: string): { min: number; max: number } {
  const { earliest, latest } = birthDayRange(fact);
  return { min: ageOn(latest, day), max: ageOn(earliest, day) };
}

/**
 * How a later answer stands to what she gave before: it narrows it (a month inside the year she
 * gave), says no more than it (the same year again, or less), or something else (a correction).
 */
export function compareBirthDates(before: BirthDateFact, after: BirthDateFact): 'narrower' | 'same' | 'other' {
  const a = birthDayRange(before);
  const b = birthDayRange(after);
  if (b.earliest <= a.earliest && b.latest >= a.latest) return 'same';
  return b.earliest >= a.earliest && b.latest <= a.latest ? 'narrower' : 'other';
}
