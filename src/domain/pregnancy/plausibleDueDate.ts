// Which due dates can belong to a pregnancy going on today (domain.md §2): at most 43 weeks ahead
// (a pregnancy that has only just begun is due 40 weeks on; the margin covers a late last period
// and a long cycle) and at most 2 weeks past (a pregnancy overdue and not yet delivered). One rule
// for the parser (what she writes) and the pregnancy service (what is registered or re-dated).
// Pure: days are 'YYYY-MM-DD' strings, today is passed in.
import { daysBetween } from '../calendarDay.js';

/** The latest plausible due date, in days after today. */
export const MAX_DUE_DATE_AHEAD_DAYS = 43 * 7;
/** The earliest plausible due date, in days before today. */
const MAX_DUE_DATE_OVERDUE_DAYS = 2 * 7;

/** Whether a pregnancy due on `dueDate` can be going on `today`. */
export function plausibleDueDate(dueDate: string, today: string): boolean {
  const ahead = daysBetween(today, dueDate);
  return ahead <= MAX_DUE_DATE_AHEAD_DAYS && ahead >= -MAX_DUE_DATE_OVERDUE_DAYS;
}
