// Shared by parseDate and parseBirthDate: finds the date expressions in a reply and resolves the
// one the woman meant. Several different dates ("3月5号还是6号") are 'ambiguous'; a bare 今天 /
// 今年 / 这个月 next to a concrete date ("今天去的，3月5号") is context and is ignored, and a month
// that holds the day she names is that day's month ("明年三月份 单子上写的3月9号": 9 March next year).
// A day given two ways, lunar and Gregorian, one with a year ("1961年农历冬月初三 身份证上是12月10号"),
// is that day when the other, in a year next to it, is the same day; otherwise 'ambiguous'.
import { findDateExpressions, prepareDateText, type DateExpression } from './dateExpression.js';
import { normalizeText } from './normalizeText.js';
import { addDays } from '../calendarDay.js';
import type { ParsedDate } from './parseDate.js';
import { fail, type ParseResult } from './parseResult.js';
import { resolveDateExpression, type ResolveContext } from './resolveDateExpression.js';

export interface ReadDateContext extends ResolveContext {
  /** a date without a year (3月5号) is 'incomplete' (she is asked for the whole date) instead of being placed near today */
  requireYear?: boolean;
}

const isConcrete = (e: DateExpression): boolean =>
  e.day !== undefined || (e.month !== undefined && 'abs' in e.month) || (e.year !== undefined && 'abs' in e.year);

/** A reply that is only a year, "1980" or "大概2024吧". */
function bareYear(text: string): DateExpression | undefined {
  const prepared = prepareDateText(text);
  const match = /^(\D{0,4}?)((?:19|20)\d{2})(\D{0,4})$/u.exec(prepared);
  if (!match) return undefined;
  return { year: { abs: Number(match[2]), twoDigit: false }, lunarWords: false, vague: false, start: 0, end: prepared.length };
}

/**
 * A month or a year (明年三月份, 83年的) and, in other words, a day of it without a year (3月9号,
 * 9号, 十月初五): one date, the day in the month's or the year's year. Other pairs are left as they are.
 */
function mergeYearAndDay(found: DateExpression[]): DateExpression[] {
  if (found.length !== 2) return found;
  const coarse = found.find(
    (e) =>
      e.day === undefined &&
      e.relDays === undefined &&
      ((e.month !== undefined && 'abs' in e.month) || (e.month === undefined && e.year !== undefined && 'abs' in e.year)),
  );
  const fine = found.find((e) => e !== coarse && e.day !== undefined && e.year === undefined && e.relDays === undefined);
  if (!coarse || !fine) return found;
  const cm = coarse.month;
  const fm = fine.month;
  const fits = cm === undefined ? fm !== undefined && 'abs' in fm : fm === undefined || ('abs' in fm && 'abs' in cm && fm.abs === cm.abs);
  if (!fits) return found;
  const marker = fine.marker ?? coarse.marker;
  return [{ ...fine, ...(marker ? { marker } : {}), year: coarse.year, month: fm ?? cm, lunarWords: fine.lunarWords || coarse.lunarWords }];
}

const isLunar = (e: DateExpression): boolean => e.marker === 'lunar' || (e.marker === undefined && e.lunarWords);

/** Two days, one with a year and one without, that are the same day in a year next to it. */
function sameDayTwoWays(found: DateExpression[], ctx: ReadDateContext): ParseResult<ParsedDate> | undefined {
  if (found.length !== 2) return undefined;
  const full = found.find((e) => e.year !== undefined && 'abs' in e.year && e.day !== undefined && e.month !== undefined);
  const other = found.find((e) => e !== full && e.year === undefined && e.relDays === undefined && e.day !== undefined && e.month !== undefined);
  if (!full || !other) return undefined;
  const read = resolveDateExpression(full, ctx);
  if (!read.ok || read.value.precision !== 'day') return undefined;
  const y = Number(read.value.date.slice(0, 4));
  for (const abs of [y, y - 1, y + 1]) {
    const r = resolveDateExpression({ ...other, year: { abs, twoDigit: false } }, ctx);
    if (r.ok && r.value.date === read.value.date) return read;
  }
  // a lunar and a Gregorian day that differ: which she means is not for us to pick
  return isLunar(full) !== isLunar(other) ? fail('ambiguous') : undefined;
}

/**
 * A month given two ways (83年腊月 身份证上写的84年1月): a lunar month with a year and a Gregorian month
 * (with a year, or in a year next to it) that overlap: the Gregorian month, as her papers say it; with
 * a day in the other's month (腊月十五 身份证是84年1月, 83年腊月 1984年1月10号), that day.
 */
function sameMonthTwoWays(found: DateExpression[], ctx: ReadDateContext): ParseResult<ParsedDate> | undefined {
  if (found.length !== 2 || found.some((e) => e.relDays !== undefined || e.month === undefined || !('abs' in e.month))) return undefined;
  const lunar = found.find(isLunar);
  const solar = found.find((e) => e !== lunar && !isLunar(e));
  if (!lunar || !solar || (lunar.day !== undefined && solar.day !== undefined) || lunar.year === undefined || !('abs' in lunar.year)) return undefined;
  const l = resolveDateExpression(lunar, ctx);
  if (!l.ok || l.value.precision === 'year') return undefined;
  // the lunar month's days: from its first, 29 or 30 days (a day: that day only)
  const lStart = l.value.date;
  const lEnd = l.value.precision === 'day' ? lStart : addDays(lStart, 29);
  const y = Number(lStart.slice(0, 4));
  const years = solar.year !== undefined ? [undefined] : [y, y + 1];
  for (const abs of years) {
    const r = resolveDateExpression(abs === undefined ? solar : { ...solar, year: { abs, twoDigit: false } }, ctx);
    if (!r.ok || r.value.precision === 'year') continue;
    const gEnd = r.value.precision === 'day' ? r.value.date : `${r.value.date.slice(0, 8)}31`;
    if (r.value.date <= lEnd && lStart <= gEnd) return l.value.precision === 'day' ? l : r;
  }
  return undefined;
}

export function readDate(text: string, ctx: ReadDateContext): ParseResult<ParsedDate> {
  if (normalizeText(text) === '') return fail('empty');
  let found = findDateExpressions(text);
  if (found.length === 0) {
    const year = bareYear(text);
    if (!year) return fail('unrecognised');
    found = [year];
  }
  found = mergeYearAndDay(found);
  const concrete = found.filter(isConcrete);
  const chosen = concrete.length > 0 ? concrete : found;
  const twoWays = sameDayTwoWays(chosen, ctx) ?? sameMonthTwoWays(chosen, ctx);
  if (twoWays) return twoWays;
  if (ctx.requireYear && chosen.some((e) => e.relDays === undefined && e.year === undefined)) {
    return fail('incomplete');
  }
  const results = chosen.map((e) => resolveDateExpression(e, ctx));
  const [first] = results;
  if (results.length === 1) return first;
  const same = results.every((r) => r.ok && first.ok && r.value.date === first.value.date && r.value.precision === first.value.precision);
  return same ? first : fail('ambiguous');
}
