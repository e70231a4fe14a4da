// Gestational age and due dates (domain.md §2): EDD = LMP + 280 days; GA = 280 − (EDD − day).
// Pure: days are 'YYYY-MM-DD' strings, the day to compute on is passed in.
import { addDays, daysBetween } from '../calendarDay.js';

/** Gestational age in days on `day` for a pregnancy due on `dueDate`. */
export function gestationalAgeDays(dueDate: string, day: string): number {
  return 280 - daysBetween(day, dueDate);
}

/** '11w0d' → 77 days. */
export function weeksDaysToDays(ga: string): number {
  const m = /^(\d{1,2})w([0-6])d$/.exec(ga);
  if (!m) throw new Error(`not a gestational age like 11w0d: ${ga}`);
  return Number(m[1]) * 7 + Number(m[2]);
}

/** The calendar days on which a screening window (e.g. 11w0d–13w6d) is open for this pregnancy. */
export function windowDays(dueDate: string, window: { opens: string; closes: string }): { from: string; to: string } {
  const lmp = addDays(dueDate, -280);
  return { from: addDays(lmp, weeksDaysToDays(window.opens)), to: addDays(lmp, weeksDaysToDays(window.closes)) };
}

/** '孕12周3天' for messages. */
export function formatGestationalAge(days: number): string {
  const w = Math.floor(days / 7);
  const d = days % 7;
  return d === 0 ? `${w}周` : `${w}周${d}天`;
}
