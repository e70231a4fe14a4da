// A calendar date in a reply: Gregorian or lunar (农历), absolute or relative (昨天, 上个月5号),
// with or without a year. See resolveDateExpression for how a missing year is chosen.
import type { ParseResult } from './parseResult.js';
import { readDate } from './readDate.js';

export interface ParsedDate {
  /** YYYY-MM-DD, Gregorian; the 1st of the month / Jan 1 for a coarser precision */
  date: string;
  precision: 'day' | 'month' | 'year';
  /** set when the reply was read as a lunar date (day 1 / month 1 for a coarser precision) */
  lunar?: { year: number; month: number; day: number; leap: boolean };
}

export interface DateContext {
  /** 'YYYY-MM-DD', a calendar day in Asia/Shanghai */
  today: string;
  /** 'lunar': a date without 农历/阴历 (or 公历/阳历) is read as lunar. Default 'gregorian'. */
  calendar?: 'gregorian' | 'lunar';
  /** where a date without a year lies. Default 'past'. */
  direction?: 'past' | 'future';
}

/** Two-digit years (26年3月5号): 20yy unless that is more than 10 years ahead of today. */
const widenYear = (yy: number, todayYear: number): number => (2000 + yy <= todayYear + 10 ? 2000 + yy : 1900 + yy);

export function parseDate(text: string, ctx: DateContext): ParseResult<ParsedDate> {
  return readDate(text, { ...ctx, widenYear });
}
