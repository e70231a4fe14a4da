// The deadline of a held result (domain.md §4: a result that waits for a person is released or told
// in person within a few working days, else escalated to the county): the end of the Nth working day
// after the Asia/Shanghai day it was held, N from the profile (results.holdDeadline.workingDays),
// counted with the holiday and 调休 calendar. Pure: the time is passed in.
import { addDays, shanghaiDay, shanghaiTime } from '../calendarDay.js';
import { addWorkingDays, type WorkdayCalendar } from '../workdays/workingDays.js';

export interface HoldDeadline {
  workingDays: number;
  calendar: WorkdayCalendar;
}

/** The last day ('YYYY-MM-DD') a result held at `heldAt` may wait: it is overdue from the next midnight. */
export function holdDeadlineDay(heldAt: Date, d: HoldDeadline): string {
  return addWorkingDays(shanghaiDay(heldAt), d.workingDays, d.calendar);
}

/** Whether a result held at `heldAt` is past its deadline at `now` (from midnight after its last day). */
export function isPastHoldDeadline(heldAt: Date, now: Date, d: HoldDeadline): boolean {
  return holdDeadlineDay(heldAt, d) < shanghaiDay(now);
}

/**
 * The instant before which a result must have been held to be past its deadline at `now`: the
 * midnight after the latest day whose deadline is over (a later day's deadline is never earlier).
 */
export function heldBeforeIsOverdue(now: Date, d: HoldDeadline): Date {
  const today = shanghaiDay(now);
  let day = addDays(today, -1);
  while (addWorkingDays(day, d.workingDays, d.calendar) >= today) day = addDays(day, -1);
  return shanghaiTime(addDays(day, 1), 0);
}
