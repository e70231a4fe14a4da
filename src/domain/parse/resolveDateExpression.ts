// Turns one DateExpression into a calendar day, given today, the calendar a bare date is read in
// and the direction in which a missing year (or month) is looked for.
import { addDays, dayParts, daysInMonth, formatDay, shiftMonth, type Ymd } from '../calendarDay.js';
import type { DateExpression } from './dateExpression.js';
import {
  MAX_LUNAR_YEAR,
  MIN_LUNAR_YEAR,
  leapMonthOf,
  lunarMonthDays,
  lunarMonthOrdinal,
  lunarToSolar,
  shiftLunarMonth,
  solarToLunar,
  type LunarYmd,
} from './lunarDay.js';
import type { ParsedDate } from './parseDate.js';
import { fail, ok, type ParseResult } from './parseResult.js';

export interface ResolveContext {
  today: string;
  calendar?: 'gregorian' | 'lunar';
  direction?: 'past' | 'future';
  /** widens a two-digit year (80年) to four digits */
  widenYear: (yy: number, todayYear: number) => number;
}

type Precision = ParsedDate['precision'];

// a year outside these is never a real answer to a date question
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const cmp = (a: number[], b: number[]): number => {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A date the woman named completely: it must lie on the side of today the question asks for. */
function checkDirection(order: number, direction: 'past' | 'future'): ParseResult<true> {
  if (direction === 'past' && order > 0) return fail('in_future');
  if (direction === 'future' && order < 0) return fail('out_of_range');
  return ok(true);
}

export function resolveDateExpression(e: DateExpression, ctx: ResolveContext): ParseResult<ParsedDate> {
  const today = dayParts(ctx.today);
  if (!today) return fail('unrecognised');
  const direction = ctx.direction ?? 'past';
  if (e.vague || e.markerConflict) return fail('ambiguous');

  if (e.relDays !== undefined) {
    const date = addDays(ctx.today, e.relDays);
    const checked = checkDirection(e.relDays, direction);
    return checked.ok ? ok({ date, precision: 'day' }) : fail(checked.error);
  }

  let calendar: 'gregorian' | 'lunar';
  if (e.marker === 'gregorian') {
    if (e.lunarWords) return fail('ambiguous'); // 阳历腊月
    calendar = 'gregorian';
  } else if (e.marker === 'lunar' || e.lunarWords) calendar = 'lunar';
  else calendar = ctx.calendar ?? 'gregorian';

  let year: number | undefined;
  if (e.year && 'rel' in e.year) {
    const base = calendar === 'lunar' ? solarToLunar(today).year : today.y;
    year = base + e.year.rel;
  } else if (e.year) {
    year = e.year.twoDigit ? ctx.widenYear(e.year.abs, today.y) : e.year.abs;
  }
  return calendar === 'lunar' ? resolveLunar(e, year, today, direction) : resolveGregorian(e, year, today, direction);
}

function resolveGregorian(e: DateExpression, yearGiven: number | undefined, today: Ymd, direction: 'past' | 'future'): ParseResult<ParsedDate> {
  const past = direction === 'past';
  let y: number;
  let m: number;
  const d = e.day;
  let inferred = false;

  if (e.month && 'rel' in e.month) {
    if (yearGiven !== undefined) return fail('unrecognised'); // 去年上个月
    ({ y, m } = shiftMonth(today.y, today.m, e.month.rel));
  } else if (e.month) {
    m = e.month.abs;
    if (e.month.leap) return fail('unrecognised');
    if (m < 1 || m > 12) return fail('out_of_range');
    if (yearGiven !== undefined) y = yearGiven;
    else {
      // the latest (past) or earliest (future) such month/day counted from today
      const order = d === undefined ? m - today.m : cmp([m, d], [today.m, today.d]);
      const thisYear = past ? order <= 0 : order >= 0;
      y = thisYear ? today.y : today.y + (past ? -1 : 1);
      inferred = true;
    }
  } else if (d !== undefined) {
    if (yearGiven !== undefined) return fail('unrecognised');
    if (d < 1 || d > 31) return fail('out_of_range');
    // a day alone: the nearest month that has that day, on the right side of today
    for (let k = 0; k <= 12; k += 1) {
      const { y: cy, m: cm } = shiftMonth(today.y, today.m, past ? -k : k);
      if (d > daysInMonth(cy, cm)) continue;
      if (k === 0 && (past ? d > today.d : d < today.d)) continue;
      return ok({ date: formatDay(cy, cm, d), precision: 'day' });
    }
    return fail('out_of_range');
  } else if (yearGiven !== undefined) {
    if (yearGiven < MIN_YEAR || yearGiven > MAX_YEAR) return fail('out_of_range');
    const checked = checkDirection(yearGiven - today.y, direction);
    if (!checked.ok) return fail(checked.error);
    return ok({ date: formatDay(yearGiven, 1, 1), precision: 'year' });
  } else {
    return fail('unrecognised');
  }

  if (y < MIN_YEAR || y > MAX_YEAR) return fail('out_of_range');
  const precision: Precision = d === undefined ? 'month' : 'day';
  if (d !== undefined && (d < 1 || d > daysInMonth(y, m))) return fail('out_of_range');
  if (!inferred) {
    const order = precision === 'month' ? cmp([y, m], [today.y, today.m]) : cmp([y, m, d ?? 1], [today.y, today.m, today.d]);
    const checked = checkDirection(order, direction);
    if (!checked.ok) return fail(checked.error);
  }
  return ok({ date: formatDay(y, m, d ?? 1), precision });
}

function resolveLunar(e: DateExpression, yearGiven: number | undefined, todaySolar: Ymd, direction: 'past' | 'future'): ParseResult<ParsedDate> {
  const past = direction === 'past';
  const today = solarToLunar(todaySolar);
  const todayOrd = lunarMonthOrdinal(today.month, today.leap);
  let d = e.day;
  let y: number;
  let m: number;
  let leap: boolean;
  let inferred = false;

  if (d !== undefined && (d < 1 || d > 30)) return fail('out_of_range');

  if (e.month && 'rel' in e.month) {
    if (yearGiven !== undefined) return fail('unrecognised');
    const shifted = shiftLunarMonth(today.year, today.month, today.leap, e.month.rel);
    if (!shifted) return fail('out_of_range');
    ({ year: y, month: m, leap } = shifted);
  } else if (e.month) {
    m = e.month.abs;
    leap = e.month.leap;
    if (m < 1 || m > 12) return fail('out_of_range');
    if (yearGiven !== undefined) y = yearGiven;
    else {
      // infer the lunar year from the order of (month, day) inside a lunar year
      const ord = lunarMonthOrdinal(m, leap);
      const order = d === undefined ? ord - todayOrd : cmp([ord, d], [todayOrd, today.day]);
      const thisYear = past ? order <= 0 : order >= 0;
      y = thisYear ? today.year : today.year + (past ? -1 : 1);
      // a leap month exists only in some years: take the nearest year that has it
      if (leap) {
        while (y >= MIN_LUNAR_YEAR && y <= MAX_LUNAR_YEAR && leapMonthOf(y) !== m) y += past ? -1 : 1;
      }
      inferred = true;
    }
  } else if (d !== undefined) {
    if (yearGiven !== undefined) return fail('unrecognised');
    // a lunar day alone (初八): the nearest lunar month that has it, on the right side of today
    for (let k = 0; k <= 13; k += 1) {
      const month = shiftLunarMonth(today.year, today.month, today.leap, past ? -k : k);
      if (!month) break;
      const days = lunarMonthDays(month.year, month.month, month.leap) ?? 0;
      if (d > days) continue;
      if (k === 0 && (past ? d > today.day : d < today.day)) continue;
      return lunarResult({ ...month, day: d }, 'day');
    }
    return fail('out_of_range');
  } else if (yearGiven !== undefined) {
    const checked = checkDirection(yearGiven - today.year, direction);
    if (!checked.ok) return fail(checked.error);
    return lunarResult({ year: yearGiven, month: 1, day: 1, leap: false }, 'year');
  } else {
    return fail('unrecognised');
  }

  if (y < MIN_LUNAR_YEAR || y > MAX_LUNAR_YEAR) return fail('out_of_range');
  const days = lunarMonthDays(y, m, leap);
  if (days === undefined) return fail('out_of_range'); // 闰六月 in a year without one
  if (e.monthEnd) d = days; // 除夕: 腊月二十九 in a short year
  if (d !== undefined && d > days) return fail('out_of_range'); // 三十 in a 29-day month
  const precision: Precision = d === undefined ? 'month' : 'day';
  const result = lunarResult({ year: y, month: m, day: d ?? 1, leap }, precision);
  if (!result.ok || inferred) return result;
  const todayText = formatDay(todaySolar.y, todaySolar.m, todaySolar.d);
  const order = precision === 'month' ? cmp([y, lunarMonthOrdinal(m, leap)], [today.year, todayOrd]) : compareText(result.value.date, todayText);
  const checked = checkDirection(order, direction);
  return checked.ok ? result : fail(checked.error);
}

function lunarResult(lunar: LunarYmd, precision: Precision): ParseResult<ParsedDate> {
  if (lunar.year < MIN_LUNAR_YEAR || lunar.year > MAX_LUNAR_YEAR) return fail('out_of_range');
  const date = lunarToSolar(lunar);
  if (date === undefined) return fail('out_of_range');
  return ok({ date, precision, lunar: { year: lunar.year, month: lunar.month, day: lunar.day, leap: lunar.leap } });
}
