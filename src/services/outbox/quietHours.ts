// Quiet hours in Asia/Shanghai: pure functions of an instant.
import { addDays, shanghaiDay, shanghaiTime } from '../../domain/calendarDay.js';

export interface QuietHours {
  quietStartHour: number;
  quietEndHour: number;
}

const HOUR_MS = 3_600_000;
const OFFSET_MS = 8 * HOUR_MS;

/** Hours since Shanghai midnight, with fractions. */
function shanghaiHours(t: Date): number {
  const ms = (t.getTime() + OFFSET_MS) % (24 * HOUR_MS);
  return (ms < 0 ? ms + 24 * HOUR_MS : ms) / HOUR_MS;
}

/** True when `t` falls in the quiet hours [start:00, end:00), which may wrap midnight. */
export function isQuiet(t: Date, q: QuietHours): boolean {
  const { quietStartHour: start, quietEndHour: end } = q;
  if (start === end) return false;
  const h = shanghaiHours(t);
  return start < end ? h >= start && h < end : h >= start || h < end;
}

/** `t` itself when sending is allowed at `t`, else the end of the quiet hours it falls in. */
export function outsideQuietHours(t: Date, q: QuietHours): Date {
  if (!isQuiet(t, q)) return t;
  const day = shanghaiDay(t);
  const endToday = shanghaiTime(day, q.quietEndHour);
  return endToday.getTime() > t.getTime() ? endToday : shanghaiTime(addDays(day, 1), q.quietEndHour);
}
