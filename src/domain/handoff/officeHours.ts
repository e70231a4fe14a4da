// When staff answer a hand-off request (the profile's `handoff.officeHours`): whether the office is
// open at an instant, when it next opens, and the instant by which a request has waited a number of
// office minutes (its escalation). Days are Asia/Shanghai; with `followWorkdays` a public holiday is
// closed and a weekend day made a working day (调休上班) keeps Monday's hours. Pure: time passed in.
import { addDays, isoWeekday, shanghaiClockTime, shanghaiDay, shanghaiTime } from '../calendarDay.js';
import { WEEKDAY_KEYS, type HandoffSettings, type OfficeSpan } from '../profile/handoffSchema.js';
import type { WorkdayCalendar } from '../workdays/workingDays.js';

export type OfficeHours = Pick<HandoffSettings, 'officeHours' | 'followWorkdays'>;

/** How far ahead an opening is looked for (a long holiday never comes near). */
const MAX_DAYS = 30;

/** The office spans of a calendar day. */
export function spansOf(day: string, hours: OfficeHours, calendar: WorkdayCalendar): readonly OfficeSpan[] {
  const weekday = isoWeekday(day);
  const own = hours.officeHours[WEEKDAY_KEYS[weekday - 1]];
  if (!hours.followWorkdays) return own;
  const year = calendar.years.get(Number(day.slice(0, 4)));
  if (year?.holidays.has(day)) return [];
  // a weekend day made a working day (调休上班): a working day's hours
  return weekday >= 6 && year?.workdays.has(day) ? hours.officeHours.mon : own;
}

const minuteOfDay = (instant: Date) => {
  const [h, m] = shanghaiClockTime(instant).split(':').map(Number);
  return h * 60 + m;
};
const at = (day: string, minute: number) => shanghaiTime(day, Math.floor(minute / 60), minute % 60);

/** Whether staff answer at `now`. */
export function isOpen(now: Date, hours: OfficeHours, calendar: WorkdayCalendar): boolean {
  const m = minuteOfDay(now);
  return spansOf(shanghaiDay(now), hours, calendar).some((s) => s.from <= m && m < s.to);
}

/** When the office next opens after `now` (undefined while it is open, or when it never opens within 30 days). */
export function nextOpening(now: Date, hours: OfficeHours, calendar: WorkdayCalendar): Date | undefined {
  if (isOpen(now, hours, calendar)) return undefined;
  const today = shanghaiDay(now);
  const m = minuteOfDay(now);
  for (let i = 0; i <= MAX_DAYS; i++) {
    const day = addDays(today, i);
    const span = spansOf(day, hours, calendar).find((s) => i > 0 || s.from > m);
    if (span) return at(day, span.from);
  }
  return undefined;
}

/**
 * The instant at which `minutes` of office time have passed since `from` (a request opened out of
 * hours starts counting when the office opens); undefined when the office does not open within 30 days.
 */
export function officeDeadline(from: Date, minutes: number, hours: OfficeHours, calendar: WorkdayCalendar): Date | undefined {
  const first = shanghaiDay(from);
  const startMinute = minuteOfDay(from);
  let left = minutes;
  for (let i = 0; i <= MAX_DAYS; i++) {
    const day = addDays(first, i);
    for (const s of spansOf(day, hours, calendar)) {
      const begin = i === 0 ? Math.max(s.from, startMinute) : s.from;
      if (begin >= s.to) continue;
      if (s.to - begin >= left) return at(day, begin + left);
      left -= s.to - begin;
    }
  }
  return undefined;
}
