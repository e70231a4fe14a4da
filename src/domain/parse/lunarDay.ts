// The lunar (农历) calendar through lunar-typescript, wrapped so that nothing throws: every
// helper returns undefined for a month or day that does not exist.
import { Lunar, LunarMonth, LunarYear, Solar } from 'lunar-typescript';
import type { Ymd } from '../calendarDay.js';

export interface LunarYmd {
  year: number;
  month: number; // 1–12
  day: number; // 1–30
  leap: boolean; // a leap month (闰月)
}

// lunar-typescript computes far beyond these, but dates outside them are never a real answer
export const MIN_LUNAR_YEAR = 1900;
export const MAX_LUNAR_YEAR = 2099;

const inRange = (year: number): boolean => Number.isInteger(year) && year >= MIN_LUNAR_YEAR && year <= MAX_LUNAR_YEAR;

/** The month number of the leap month of a lunar year, 0 when it has none. */
export function leapMonthOf(year: number): number {
  if (!inRange(year)) return 0;
  try {
    return LunarYear.fromYear(year).getLeapMonth();
  } catch {
    return 0;
  }
}

/** Days in a lunar month (29 or 30), undefined when that month does not exist. */
export function lunarMonthDays(year: number, month: number, leap: boolean): number | undefined {
  if (!inRange(year) || !Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (leap && leapMonthOf(year) !== month) return undefined;
  try {
    return LunarMonth.fromYm(year, leap ? -month : month)?.getDayCount();
  } catch {
    return undefined;
  }
}

/** The Gregorian day ('YYYY-MM-DD') of a lunar date, undefined when it does not exist. */
export function lunarToSolar(l: LunarYmd): string | undefined {
  const days = lunarMonthDays(l.year, l.month, l.leap);
  if (days === undefined || !Number.isInteger(l.day) || l.day < 1 || l.day > days) return undefined;
  try {
    return Lunar.fromYmd(l.year, l.leap ? -l.month : l.month, l.day)
      .getSolar()
      .toYmd();
  } catch {
    return undefined;
  }
}

export function solarToLunar(day: Ymd): LunarYmd {
  const lunar = Solar.fromYmd(day.y, day.m, day.d).getLunar();
  const month = lunar.getMonth();
  return { year: lunar.getYear(), month: Math.abs(month), day: lunar.getDay(), leap: month < 0 };
}

/** The lunar month n months (leap months count) after the given one. */
export function shiftLunarMonth(year: number, month: number, leap: boolean, n: number): { year: number; month: number; leap: boolean } | undefined {
  if (lunarMonthDays(year, month, leap) === undefined) return undefined;
  try {
    const next = LunarMonth.fromYm(year, leap ? -month : month)?.next(n);
    if (!next || !inRange(next.getYear())) return undefined;
    return { year: next.getYear(), month: Math.abs(next.getMonth()), leap: next.getMonth() < 0 };
  } catch {
    return undefined;
  }
}

/** Order of months inside a lunar year: a leap month comes right after its namesake. */
export const lunarMonthOrdinal = (month: number, leap: boolean): number => month * 2 + (leap ? 1 : 0);
