// Calendar days in Asia/Shanghai (UTC+8, no daylight saving): the day a woman lives in, written
// 'YYYY-MM-DD'. A calendar day has no time zone of its own, so day arithmetic runs on UTC midnights.
// The one home of calendar arithmetic (leap years, month lengths, adding days, months and years):
// every layer calls these. Pure: no clock, no I/O.
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day split into its numbers: year, month 1–12, day of the month 1–31. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The Asia/Shanghai calendar day ('YYYY-MM-DD') of an instant. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at `hour:minute` Asia/Shanghai on a calendar day. */
export function shanghaiTime(day: string, hour: number, minute = 0): Date {
  return new Date(toUtcMs(day) - OFFSET_MS + (hour * 60 + minute) * 60_000);
}

/** 'HH:mm' Asia/Shanghai of an instant. */
export function shanghaiClockTime(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** The instant of a 'HH:MM' clock time (Asia/Shanghai) on a day. */
export function shanghaiAt(day: string, clockTime: string): Date {
  const m = /^(\d{2}):(\d{2})$/.exec(clockTime);
  if (!m) throw new Error(`not a clock time like 10:00: ${clockTime}`);
  return shanghaiTime(day, Number(m[1]), Number(m[2]));
}

/** Gregorian leap year: every 4th year, except centuries not divisible by 400 (1900, 2100). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12) of a year: 28–31. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** 'YYYY-MM-DD' of the given numbers, not checked (see isCalendarDay). */
export function formatDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The numbers of a real calendar day written 'YYYY-MM-DD'; undefined for anything else. */
export function dayParts(value: unknown): Ymd | undefined {
  const match = typeof value === 'string' ? DAY_RE.exec(value) : null;
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { y, m, d } : undefined;
}

/** True for a real calendar day written 'YYYY-MM-DD' (2026-02-30 is not one). */
export function isCalendarDay(value: unknown): value is string {
  return dayParts(value) !== undefined;
}

function partsOf(day: string): Ymd {
  const parts = dayParts(day);
  if (!parts) throw new RangeError(`not a calendar day 'YYYY-MM-DD': ${JSON.stringify(day)}`);
  return parts;
}

function toUtcMs(day: string): number {
  const { y, m, d } = partsOf(day);
  // (setUTCFullYear: Date.UTC would read the years 0–99 as 1900–1999)
  return new Date(0).setUTCFullYear(y, m - 1, d);
}

function wholeNumber(n: number, what: string): number {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
  return n;
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

/** The month `n` months after (before, when negative) month `m` of year `y`. */
export function shiftMonth(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + wholeNumber(n, 'months');
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/**
 * The same day of the month `n` months later (earlier, when negative). THE rule for a day the
 * target month lacks (29 Feb in a common year, 31 Apr): the 1st of the month after, the later day.
 * So someone born 29 Feb turns a year older on 1 Mar in a common year (on 28 Feb she is still the
 * younger age), and a repeat allowed years after 29 Feb is allowed from 1 Mar: conservative for both.
 */
export function addMonths(day: string, n: number): string {
  const { y, m, d } = partsOf(day);
  const target = shiftMonth(y, m, n);
  if (d <= daysInMonth(target.y, target.m)) return formatDay(target.y, target.m, d);
  const after = shiftMonth(target.y, target.m, 1);
  return formatDay(after.y, after.m, 1);
}

/** The same day `n` years later (earlier, when negative); 29 Feb follows addMonths' rule. */
export function addYears(day: string, n: number): string {
  return addMonths(day, wholeNumber(n, 'years') * 12);
}

/**
 * The days that addYears(…, n) takes to `day`, oldest first: usually one; two on a 1 Mar reached
 * from 29 Feb as well; none on a 29 Feb whose year `n` before has none.
 */
export function daysYearsBefore(day: string, n: number): string[] {
  const { y, m, d } = partsOf(day);
  const year = y - wholeNumber(n, 'years');
  // a rolled-over day lands on the 1st, coming from the end of the month before
  const before = shiftMonth(year, m, -1);
  const candidates = d === 1 ? [29, 30, 31].map((last) => formatDay(before.y, before.m, last)) : [];
  candidates.push(formatDay(year, m, d));
  return candidates.filter((c) => isCalendarDay(c) && addYears(c, n) === day);
}
