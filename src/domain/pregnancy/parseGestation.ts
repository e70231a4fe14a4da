// Reads how far along she is, in the forms women write: "孕12周", "12周3天", "怀孕十二周",
// a due date ("预产期9月1号", any date in the future), or the first day of her last period
// ("末次月经3月1号", any date in the past; lunar dates too). Implausible answers are refused:
// a due date more than 43 weeks ahead, a last period more than 44 weeks ago (domain.md §2).
import { parseChineseNumber } from '../parse/chineseNumber.js';
import { normalizeText } from '../parse/normalizeText.js';
import { parseDate } from '../parse/parseDate.js';
import { fail, ok, type ParseResult } from '../parse/parseResult.js';
import { addDays, daysBetween } from '../calendarDay.js';

export interface Gestation {
  dueDate: string;
  /** What she gave: weeks, a due date, or her last period. */
  from: 'weeks' | 'dueDate' | 'lastPeriod';
}

const NUM = '([0-9]{1,2}|[一二两三四五六七八九十]{1,3})';
const WEEKS = new RegExp(`${NUM}\\s*(?:周|星期|礼拜)(?:\\s*(?:零|又|加|\\+)?\\s*${NUM}\\s*天)?`, 'u');
const WEEKS_PLUS = /([0-9]{1,2})\s*\+\s*([0-6])/u;

export function parseGestation(text: string, today: string): ParseResult<Gestation> {
  const t = normalizeText(text);
  if (!t) return fail('empty');
  const weeks = WEEKS.exec(t) ?? WEEKS_PLUS.exec(t);
  if (weeks && !/月经|预产期/u.test(t)) {
    const w = parseChineseNumber(weeks[1]);
    const d = weeks[2] ? parseChineseNumber(weeks[2]) : 0;
    if (w === undefined || d === undefined || d > 6) return fail('unrecognised');
    const ga = w * 7 + d;
    if (ga < 2 * 7 || ga > 43 * 7) return fail('out_of_range');
    return ok({ dueDate: addDays(today, 280 - ga), from: 'weeks' });
  }
  const isDue = /预产期|生|出生|到期/u.test(t);
  const isLmp = /月经|例假|大姨妈|来事/u.test(t);
  const direction = isDue ? 'future' : 'past';
  const date = parseDate(text, { today, direction });
  const asFuture = !isLmp && !date.ok ? parseDate(text, { today, direction: 'future' }) : undefined;
  const read = date.ok ? date : asFuture?.ok ? asFuture : date;
  if (!read.ok) return read;
  const day = read.value.date;
  if (read.value.precision !== 'day') return fail('incomplete');
  if (!isLmp && (isDue || day > today)) {
    const ahead = daysBetween(today, day);
    if (ahead < 0 || ahead > 43 * 7) return fail('out_of_range');
    return ok({ dueDate: day, from: 'dueDate' });
  }
  const ago = daysBetween(day, today);
  if (ago < 0) return fail('in_future');
  if (ago > 44 * 7) return fail('out_of_range');
  return ok({ dueDate: addDays(day, 280), from: 'lastPeriod' });
}
