// Which calendar days (Asia/Shanghai) may be booked, changed or cancelled at an instant: never today,
// tomorrow only before the cut-off hour, and no further than the horizon (tomorrow = day 1).
import { addDays, eachDay, shanghaiDay, shanghaiTime } from '../calendarDay.js';

/** The part of the profile's booking settings these rules read. */
export interface DayRules {
  horizonDays: number;
  cutoffHour: number;
}

/** True once the cut-off hour of today has passed: tomorrow is closed to changes. */
function pastCutoff(now: Date, rules: Pick<DayRules, 'cutoffHour'>): boolean {
  return now.getTime() >= shanghaiTime(shanghaiDay(now), rules.cutoffHour).getTime();
}

/** The first day that may be booked, changed or cancelled now. */
function firstOpenDay(now: Date, rules: Pick<DayRules, 'cutoffHour'>): string {
  return addDays(shanghaiDay(now), pastCutoff(now, rules) ? 2 : 1);
}

/** The last day that may be booked now. */
function lastBookableDay(now: Date, rules: Pick<DayRules, 'horizonDays'>): string {
  return addDays(shanghaiDay(now), rules.horizonDays);
}

/** The days that may be booked now, earliest first (may be empty when the horizon is 1 and the cut-off passed). */
export function bookableDays(now: Date, rules: DayRules): string[] {
  return eachDay(firstOpenDay(now, rules), lastBookableDay(now, rules));
}

/** Whether `day` may be booked now. */
export function isBookableDay(day: string, now: Date, rules: DayRules): boolean {
  return day >= firstOpenDay(now, rules) && day <= lastBookableDay(now, rules);
}

/** Whether a booking on `day` may still be changed or cancelled now (the horizon does not matter). */
export function canChange(day: string, now: Date, rules: Pick<DayRules, 'cutoffHour'>): boolean {
  return day >= firstOpenDay(now, rules);
}
