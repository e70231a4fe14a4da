// Working days in China: Monday to Friday, except the public holidays (放假) of the State Council's
// yearly notice, plus the weekend days that notice makes working days (调休上班). The calendar is data
// (profiles/calendar/workdays.yaml, src/profiles/loadWorkdays.ts); a year it does not hold counts
// Monday to Friday, and whoever runs the service is told (missingYears). Pure: no clock, no I/O.
import { addDays, isoWeekday, shanghaiDay } from '../calendarDay.js';

/** One year's notice: its holidays and its working weekend days, as 'YYYY-MM-DD'. */
export interface WorkdayYear {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** The years whose schedule is known, by year. */
export interface WorkdayCalendar {
  years: ReadonlyMap<number, WorkdayYear>;
}

export const EMPTY_CALENDAR: WorkdayCalendar = { years: new Map() };

/** The most calendar days a count walks (a year's holidays never come near). */
const MAX_STEPS = 3660;

/** Whether `day` is a working day: by its year's notice, else Monday to Friday. */
export function isWorkingDay(day: string, calendar: WorkdayCalendar): boolean {
  const year = calendar.years.get(Number(day.slice(0, 4)));
  if (year?.workdays.has(day)) return true;
  if (year?.holidays.has(day)) return false;
  return isoWeekday(day) <= 5;
}

/**
 * The `n`th working day after `day` (`day` itself not counted, whatever it is); `day` for n = 0.
 * Thursday 2026-02-12, 3: Friday 13th, Saturday 14th (调休上班), then the Spring Festival 15th–23rd,
 * Tuesday 24th.
 */
export function addWorkingDays(day: string, n: number, calendar: WorkdayCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number from 0, got ${n}`);
  let d = day;
  for (let counted = 0, steps = 0; counted < n; steps++) {
    if (steps > MAX_STEPS) throw new RangeError(`no ${n} working days within ten years of ${day}`);
    d = addDays(d, 1);
    if (isWorkingDay(d, calendar)) counted++;
  }
  return d;
}

/**
 * The years the count may reach from `now` (this year, and the next one once it is within `ahead`
 * days) that the calendar does not hold: they count Monday to Friday until their notice is added.
 */
export function missingYears(now: Date, calendar: WorkdayCalendar, ahead = 31): number[] {
  const today = shanghaiDay(now);
  const years = [...new Set([Number(today.slice(0, 4)), Number(addDays(today, ahead).slice(0, 4))])];
  return years.filter((y) => !calendar.years.has(y));
}

/** What whoever runs the service is told when a year has no calendar (start-up log, /readyz). */
export function missingYearsWarning(years: readonly number[]): string | undefined {
  return years.length > 0 ? `no calendar for ${years.join(', ')}: counting Monday to Friday` : undefined;
}
