// Which calendar days (Asia/Shanghai) may be booked or changed at an instant: never today, tomorrow
// only before the cut-off hour, and no further than the horizon (tomorrow = day 1). A booking may be
// given back until its session ends; a seat freed after the cut-off may still be offered to the
// waitlist with a hold that ends before its session starts.
import { addDays, eachDay, shanghaiAt, shanghaiDay, shanghaiTime } from '../calendarDay.js';

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

/** Whether a booking on `day` may still be changed now (the horizon does not matter). */
export function canChange(day: string, now: Date, rules: Pick<DayRules, 'cutoffHour'>): boolean {
  return day >= firstOpenDay(now, rules);
}

/** The start and end ('HH:mm', Asia/Shanghai) of each session. */
export type SessionHours = Record<'am' | 'pm', { starts: string; ends: string }>;

const MINUTE_MS = 60_000;
/** A last-minute hold ends this long before the session starts (time to get there). */
export const LAST_MINUTE_LEAD_MINUTES = 60;
/** A last-minute offer shorter than this is not made: the seat goes back to the pool. */
export const LAST_MINUTE_MIN_HOLD_MINUTES = 30;

function sessionOf(hours: SessionHours, session: string): { starts: string; ends: string } {
  return session === 'pm' ? hours.pm : hours.am;
}

/**
 * Whether a confirmed booking on `day` and `session` may still be given back now: the cut-off does
 * not matter (she cannot come; the seat goes to someone waiting), only a session already over.
 */
export function canCancel(day: string, session: string, now: Date, rules: { sessionHours: SessionHours }): boolean {
  const today = shanghaiDay(now);
  if (day !== today) return day > today;
  return now.getTime() < shanghaiAt(day, sessionOf(rules.sessionHours, session).ends).getTime();
}

/**
 * Until when a seat on `day`/`session` freed at `now` is held for a woman on the waitlist whose
 * offer can first reach her at `offerStart` (after the quiet hours); undefined when it cannot be
 * offered (the seat goes back to the pool). A bookable day gets the full hold; today, or tomorrow
 * after the cut-off, a hold ending LAST_MINUTE_LEAD_MINUTES before the session starts, if at least
 * LAST_MINUTE_MIN_HOLD_MINUTES long.
 */
export function offerHoldEnd(
  seat: { day: string; session: string },
  now: Date,
  offerStart: Date,
  rules: DayRules & { offerHoldMinutes: number; sessionHours: SessionHours },
): Date | undefined {
  const full = new Date(offerStart.getTime() + rules.offerHoldMinutes * MINUTE_MS);
  if (isBookableDay(seat.day, now, rules)) return full;
  if (seat.day < shanghaiDay(now) || seat.day > lastBookableDay(now, rules)) return undefined;
  const latest = shanghaiAt(seat.day, sessionOf(rules.sessionHours, seat.session).starts).getTime() - LAST_MINUTE_LEAD_MINUTES * MINUTE_MS;
  const end = Math.min(full.getTime(), latest);
  return end - offerStart.getTime() >= LAST_MINUTE_MIN_HOLD_MINUTES * MINUTE_MS ? new Date(end) : undefined;
}
