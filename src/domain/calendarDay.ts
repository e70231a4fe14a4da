// Calendar days in Asia/Shanghai (UTC+8, no daylight saving): the day a woman lives in, written
// 'YYYY-MM-DD'. A calendar day has no time zone of its own, so day arithmetic runs on UTC midnights.
// The one home of day arithmetic: every layer calls these.
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar day ('YYYY-MM-DD') of an instant. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at `hour:minute` Asia/Shanghai on a calendar day. */
export function shanghaiTime(day: string, hour: number, minute = 0): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS + (hour * 60 + minute) * 60_000);
}

/** 'HH:mm' Asia/Shanghai of an instant. */
export function shanghaiClockTime(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** True for a real calendar day written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isCalendarDay(value: string): boolean {
  const m = DAY_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toUtcMs(day: string): number {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day 'YYYY-MM-DD': ${JSON.stringify(day)}`);
  return Date.parse(`${day}T00:00:00Z`);
}

/** The ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): Weekday {
  const js = new Date(toUtcMs(day)).getUTCDay(); // 0 = Sunday
  return (js === 0 ? 7 : js) as Weekday;
}

/** The calendar day `n` days after (or before, when negative) `day`. */
export function addDays(day: string, n: number): string {
  return new Date(toUtcMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** Every calendar day from `from` to `to`, both included; empty when `to` is before `from`. */
export function eachDay(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  const out: string[] = [];
  for (let i = 0; i <= n; i++) out.push(addDays(from, i));
  return out;
}

/** The instant of a 'HH:MM' clock time (Asia/Shanghai) on a day. */
export function shanghaiAt(day: string, clockTime: string): Date {
  const m = /^(\d{2}):(\d{2})$/.exec(clockTime);
  if (!m) throw new Error(`not a clock time like 10:00: ${clockTime}`);
  return shanghaiTime(day, Number(m[1]), Number(m[2]));
}
