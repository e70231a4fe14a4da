// A birth date: an 18-digit ID number (checked; its errors are returned as they are), a Gregorian
// or lunar date in the past, 1930 or later, or her age. Kept as precise as she gave it
// (birthDateFact.ts): "1980年5月6日" is the day, "83年10月" a month, "1976年" / "七六年" / "五九年的" a
// year, "我今年52了" / "52岁" an age on today. Two-digit years: 30–99 → 19xx, otherwise 20xx (so a
// year after this one is 'in_future'). A date without a year ("5月6号") is 'incomplete'. 今天 / 昨天
// are accepted (a newborn).
//
// With what she gave before (`known`: asked again because it left an age limit undecided), an
// answer without a year is read in the year she gave ("3月5号", or "3" for the month after a year,
// "5" for the day after a month); an answer that says no more than `known` is 'incomplete'.
//
// She may correct herself ("1968年11月20 不对不对 是12月20"): the date after the marker wins, in the
// year she gave before it when it names none (selfCorrection.ts).
import { TAG_QUESTION } from './tagQuestion.js';
import { YEAR_THEN_MONTH } from './carriedClauses.js';
import { type BirthDateFact, compareBirthDates } from './birthDateFact.js';
import { dayParts } from '../calendarDay.js';
import { parseChineseNumber } from './chineseNumber.js';
import { normalizeText } from './normalizeText.js';
import { parseIdNumber } from './parseIdNumber.js';
import { fail, ok, type ParseResult } from './parseResult.js';
import { readDate } from './readDate.js';
import { replaceChineseNumerals } from './replaceChineseNumerals.js';
import { selfCorrection } from './selfCorrection.js';

export interface BirthDateValue {
  birthDate: BirthDateFact;
  fromIdNumber: boolean;
}

const OLDEST = '1930-01-01';
const OLDEST_AGE = 110;

const widenYear = (yy: number): number => (yy >= 30 ? 1900 + yy : 2000 + yy);

/** 52岁, 52周岁, 虚岁52, 我今年52了, 今年五十二: an age, and how she counted it when she said. */
const AGE_PATTERNS: [RegExp, 'full' | 'nominal' | undefined][] = [
  [/(?<!\d)(\d{1,3})周岁/u, 'full'],
  // 满62了, 满了66岁: completed years
  [/满了?(\d{1,3})(?![\d个周天年月号日])/u, 'full'],
  [/(?<!\d)(\d{1,3})虚岁/u, 'nominal'],
  [/周岁(\d{1,3})(?!\d)/u, 'full'],
  [/虚岁(\d{1,3})(?!\d)/u, 'nominal'],
  [/(?<!\d)(\d{1,3})岁/u, undefined],
  [/(?:今年|现在)(?:已经|都)?(\d{1,3})(?:了|啦)?(?![\d年月日号./-])/u, undefined],
  // a number alone with 了: 六十三了, 都52了; or after other words (属猴的 五十八了)
  [/^(?:我)?(?:已经|都)?(\d{1,3})(?:了|啦)$/u, undefined],
  [/(?<![\d年月日号./-])(\d{2,3})(?:了|啦)$/u, undefined],
];

function readAge(text: string, today: string): BirthDateFact | undefined {
  const plain = replaceChineseNumerals(normalizeText(text))
    .replace(/[\s,.!?~]+/gu, '')
    // (whether she may still, asked after her age: 俺都六十七了 还中不中)
    .replace(TAG_QUESTION, '');
  for (const [pattern, counting] of AGE_PATTERNS) {
    const m = pattern.exec(plain);
    if (!m) continue;
    const age = Number(m[1]);
    if (age < 1 || age > OLDEST_AGE) return undefined;
    return { age, on: today, ...(counting ? { counting } : {}) };
  }
  return undefined;
}

/** Her words state her age (我今天满35了, 52岁, 今年五十八了): they answer no other date question. */
export function statesAge(text: string): boolean {
  return readAge(text, '2000-01-01') !== undefined || /生日/u.test(text);
}

/** A date answer, as precise as she gave it. */
function readBirth(said: string, today: string): ParseResult<BirthDateFact> {
  // (俺是七九年嘞 三月十六: one date)
  const text = said.replace(YEAR_THEN_MONTH, '年');
  const read = readDate(text, { today, calendar: 'gregorian', direction: 'past', widenYear, requireYear: true });
  if (!read.ok) {
    // a year far in the past is "too old", not "out of range"
    const year = /(?<!\d)(1[0-9]{3})(?!\d)/u.exec(normalizeText(text));
    if (read.error === 'out_of_range' && year && Number(year[1]) < 1930) return fail('too_old');
    return fail(read.error);
  }
  const { date, precision } = read.value;
  if ((precision === 'year' ? `${date.slice(0, 4)}-12-31` : precision === 'month' ? `${date.slice(0, 7)}-31` : date) < OLDEST) return fail('too_old');
  return ok(precision === 'day' ? date : { date, precision });
}

/** An answer without a year, read in the year (and month) she gave before. */
function readInKnown(text: string, known: BirthDateFact, today: string): ParseResult<BirthDateFact> | undefined {
  if (typeof known === 'string' || !('date' in known)) return undefined;
  const { y, m } = dayParts(known.date)!;
  const plain = normalizeText(text).replace(/[\s吧的啊呀了]+/gu, '');
  const n = /^\d{1,2}$/u.test(plain) ? Number(plain) : parseChineseNumber(plain);
  if (n !== undefined && Number.isInteger(n)) {
    // "3" after a year is the month; "5" after a month is the day
    if (known.precision === 'year') return n >= 1 && n <= 12 ? readBirth(`${y}年${n}月`, today) : fail('out_of_range');
    return readBirth(`${y}年${m}月${n}日`, today);
  }
  const withYear = known.precision === 'month' && !/月/u.test(plain) ? `${y}年${m}月${plain}` : `${y}年${plain}`;
  return readBirth(withYear, today);
}

/** The date after her correction, in the year of the one she took back when it names none (是12月20). */
function readCorrected(text: string, today: string, known: BirthDateFact | undefined): ParseResult<BirthDateValue> | undefined {
  const c = selfCorrection(text);
  if (!c) return undefined;
  const later = readAnswer(c.after, today, known);
  const earlier = readBirth(c.before, today);
  // only the year taken back (1968年11月23 不对 是69年): the month and day she gave stay
  if (later.ok && earlier.ok) {
    const kept = inYearOf(earlier.value, later.value.birthDate, today);
    if (kept) return ok({ birthDate: kept, fromIdNumber: false });
  }
  if (later.ok) return later;
  if (!earlier.ok) return undefined;
  const year = (typeof earlier.value === 'string' ? earlier.value : 'date' in earlier.value ? earlier.value.date : '').slice(0, 4);
  if (!year) return undefined;
  // the first of her later words that makes a date in that year (是12月20 身份证上是12月: 12月20)
  for (const words of c.after.split(' ')) {
    const r = readBirth(`${year}年${words.replace(/^是/u, '')}`, today);
    if (r.ok) return ok({ birthDate: r.value, fromIdNumber: false });
  }
  return undefined;
}

/** `earlier` (with a month, or a month and day) moved to the year of `later` (a year only), when that is a date. */
function inYearOf(earlier: BirthDateFact, later: BirthDateFact, today: string): BirthDateFact | undefined {
  if (typeof later === 'string' || !('date' in later) || later.precision !== 'year') return undefined;
  const monthDay = typeof earlier === 'string' ? earlier.slice(4) : 'date' in earlier && earlier.precision === 'month' ? earlier.date.slice(4, 7) : '';
  if (!monthDay) return undefined;
  const [m, d] = monthDay.slice(1).split('-').map(Number);
  const r = readBirth(`${later.date.slice(0, 4)}年${m}月${d ? `${d}日` : ''}`, today);
  return r.ok ? r.value : undefined;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A year, month and day parted by commas or 、 (1973，5，9): read as parted by spaces (1973 5 9). */
const COMMA_PARTED = /^\s*(\d{4})\s*[，,、]\s*(\d{1,2})\s*[，,、]\s*(\d{1,2})\s*[号日]?\s*$/u;

export function parseBirthDate(text: string, today: string, known?: BirthDateFact): ParseResult<BirthDateValue> {
  const parted = COMMA_PARTED.exec(text);
  const answer = parted ? `${parted[1]} ${parted[2]} ${parted[3]}` : text;
  return readCorrected(answer, today, known) ?? readAnswer(answer, today, known);
}

function readAnswer(text: string, today: string, known?: BirthDateFact): ParseResult<BirthDateValue> {
  const normalized = normalizeText(text);
  if (normalized === '') return fail('empty');

  // a long digit string is an ID number (or a mistyped one)
  const compact = normalized.replace(/(?<=[\dx])[\s-]+(?=[\dx])/gu, '');
  if (/\d{10,}/u.test(compact)) {
    const id = parseIdNumber(text, today);
    if (!id.ok) return fail(id.error);
    if (id.value.birthDate < OLDEST) return fail('too_old');
    return ok({ birthDate: id.value.birthDate, fromIdNumber: true });
  }

  // 我今天满35了, 今天35岁生日: her birthday is today, N years back (not a birth today)
  const birthdayToday = /今天|今儿/u.test(normalized) && /满|生日/u.test(normalized) && !/\d{2,4}年/u.test(replaceChineseNumerals(normalized));
  const birthday = birthdayToday ? readAge(text.replace(/今天|今儿/gu, '今年'), today) : undefined;
  if (birthday && typeof birthday !== 'string' && 'age' in birthday) {
    const years = Number(today.slice(0, 4)) - birthday.age;
    const day = `${years}${today.slice(4)}`;
    // (born on 29 February: the 28th in a year without one)
    return ok({ birthDate: day.endsWith('-02-29') && !isLeapYear(years) ? `${years}-02-28` : day, fromIdNumber: false });
  }
  // 我今年都62了: her age, not a birth in this year (今年 is a year only for a newborn's date, 今年3月5号)
  const givesYear = /\d{2,4}年/u.test(replaceChineseNumerals(normalized));
  const age = /今年|现在|已经/u.test(normalized) && !givesYear ? readAge(text, today) : undefined;
  if (age) return ok({ birthDate: age, fromIdNumber: false });
  let read = readBirth(text, today);
  if (!read.ok && known) read = readInKnown(text, known, today) ?? read;
  const birthDate = read.ok ? read.value : readAge(text, today);
  if (birthDate === undefined) return fail(read.ok ? 'unrecognised' : read.error);
  // asked again for more: the same again is not an answer to that
  if (known && compareBirthDates(known, birthDate) === 'same') return fail('incomplete');
  return ok({ birthDate, fromIdNumber: false });
}
