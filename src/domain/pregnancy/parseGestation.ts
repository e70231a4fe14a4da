// Reads how far along she is, in the forms women write: "孕12周", "12周3天", "怀孕十二周", "8个星期",
// "孕8" / "8周多" (多 is ignored), "12w3d" / "12+3w" (latinWeeks.ts), days of pregnancy ("怀孕50天", "五十多天了"), a due date ("预产期9月1号", any
// date in the future), or the first day of her last period ("末次月经3月1号", any date in the past;
// lunar dates too). Implausible answers are refused by the one rule the pregnancy service applies
// too (plausibleDueDate: due at most 43 weeks ahead and at most two weeks past), and a due date she
// writes must lie ahead. Refused on purpose:
// - months ("怀孕三个月了", "两个多月"): 'months', too coarse for windows three weeks wide;
// - a date without a year and without a word saying which it is ("10月12日", "农历三月初五") that reads
//   both as a last period in the past and as a due date in the future: 'ambiguous' (the conversation
//   asks which with both days: bareDateReadings, src/flows/datingWhich.ts); one that fits a pregnancy
//   going on today only one way is read that way.
// - a count of days that may be her cycle ("三十天左右", "35天来一回": 20 to 60 days) without words tying it
//   to the pregnancy (怀孕, 孕, 了): 'unrecognised'; no one says a pregnancy is 30 days but with them.
// A count of days or weeks followed by 前/后 ("3天前", "两个星期前") is a date, read by parseDate.
// She may correct herself in the answer ("十周了 哦不对 十一周零两天", "末次月经3月10号 不对 是3月1号"):
// the value after the marker is read (selfCorrection.ts); a due date 9 days off otherwise.
import { parseChineseNumber } from '../parse/chineseNumber.js';
import { findDateExpressions, type DateExpression } from '../parse/dateExpression.js';
import { latinWeeks } from '../parse/latinWeeks.js';
import { normalizeText } from '../parse/normalizeText.js';
import { parseDate, type ParsedDate } from '../parse/parseDate.js';
import { fail, ok, type ParseResult } from '../parse/parseResult.js';
import { addDays, daysBetween } from '../calendarDay.js';
import { plausibleDueDate } from './plausibleDueDate.js';
import { selfCorrection } from '../parse/selfCorrection.js';
import { monthWithoutDay, type MonthWithoutDay } from '../parse/monthWithoutDay.js';

export interface Gestation {
  dueDate: string;
  /** What she gave: weeks (or days), a due date, or her last period. */
  from: 'weeks' | 'dueDate' | 'lastPeriod';
  /** Her last period as the end of a month (冬月底): the day it was taken as, said back in the confirmation. */
  assumed?: MonthEnd;
}

/** The end of a month she named for her last period (冬月底), taken as its last day. */
export interface MonthEnd {
  /** what she said: 冬月底, 上个月底 */
  said: string;
  /** the last day of that month, YYYY-MM-DD */
  date: string;
  /** the day in the lunar calendar when she named a lunar month: 冬月三十 */
  lunarWords?: string;
}

const NUMERAL = '[0-9零一二两三四五六七八九十百]';
const NUM = '([0-9]{1,2}|[一二两三四五六七八九十]{1,3})';
/** a count of days: up to 301 (三百零一, 二百八十) */
const DAY_NUM = '([0-9]{1,3}|[零一二两三四五六七八九十百]{1,6})';
/** not a count from today (3天前, 两个星期以后); 8周前后 is about 8 weeks */
const NOT_FROM_TODAY = '(?!\\s*(?:以|之)?\\s*[前后](?!后))';
// 13周2天, 13周+2, 13周零2天 (with a 零/又/加/+ the 天 may be left out)
const WEEKS = new RegExp(
  `${NUM}\\s*(?:多\\s*)?(?:个\\s*(?:多\\s*)?)?(?:周|星期|礼拜)(?:\\s*(?:零|又|加|\\+)\\s*${NUM}(?:\\s*天)?|\\s*${NUM}\\s*天)?${NOT_FROM_TODAY}`,
  'u',
);
const WEEKS_PLUS = /([0-9]{1,2})\s*\+\s*([0-6])/u;
/** 50天, 五十多天 */
const DAYS = new RegExp(`(?<!${NUMERAL})${DAY_NUM}\\s*(?:多|来)?\\s*天${NOT_FROM_TODAY}`, 'u');
/** 孕8, 怀孕八多了: weeks without the word; not 孕2产1 (pregnancies and births), 孕3月, 孕8+3 */
const PREGNANT_BARE = new RegExp(`孕\\s*(?:第\\s*)?${NUM}(?!\\s*(?:${NUMERAL}|[个月天日号年周星礼产次胎+./-]))`, 'u');
/** 三个月, 两个多月, 三个半月, 孕3月 */
const MONTHS = new RegExp(`${NUM}\\s*(?:多\\s*)?个\\s*(?:多|半)?\\s*月|孕\\s*${NUM}\\s*多?\\s*月(?!\\s*(?:${NUMERAL}|份|初|中|底|末|上旬|下旬))`, 'u');
/** Words that tie a count of days to the pregnancy (怀孕50天, 孕五十天, 五十多天了, 有了40天). */
const DAYS_OF_PREGNANCY = /怀|孕|了/u;
/** The longest cycle she may give (flows/pregnancy.yaml, cycle): a longer count of days alone is her gestation. */
const LONGEST_CYCLE_DAYS = 60;
/** words that make a number of days or weeks something other than her gestational age */
const NOT_GESTATION = /月经|例假|大姨妈|预产期|推迟/u;
/** Words that call a date her due date; not the 生 of 过生儿, 生日, 医生, 卫生院 (上回来是冬月三十 那天俺娘过生儿). */
const DUE_WORDS = /预产期|出生|到期|(?<![过医卫先学])生(?![日气病儿])/u;
/** Words that call a date her last period's, said of it or as the day it came (腊月初一那天来的; not 8号来的这: she came here). */
const LMP_WORDS =
  /月经|例假|大姨妈|来事|(?:[号日\d一二三四五六七八九十]|初[一二三四五六七八九十]|廿[一二三四五六七八九])(?:那天|那日|那会儿?)?来的(?![这那]|项|打工|时候)/u;
/** Whether her words say which date of her pregnancy they give: her last period's (腊月初八来的) or her due date. */
export const saysWhichDate = (text: string): boolean => LMP_WORDS.test(text) || DUE_WORDS.test(text);

/** The day she tested (今儿黑刚测出来两道杠, 3号验出来的): no date of her pregnancy's own. */
const TESTED = /测出|测了|测的|测到|验出|验了|验的|试纸|[两俩][道条]杠|[两俩][道条]线|查出/u;

const MIN_GA_DAYS = 2 * 7;

/** A pregnancy this far along (by her weeks or her last period) can be going on today: its due date is plausible. */
const plausibleGestation = (ga: number, today: string): boolean => ga >= MIN_GA_DAYS && plausibleDueDate(addDays(today, 280 - ga), today);

const fromGestationalAge = (ga: number, today: string): ParseResult<Gestation> =>
  plausibleGestation(ga, today) ? ok({ dueDate: addDays(today, 280 - ga), from: 'weeks' }) : fail('out_of_range');

/** 今天 / 今年 / 这个月 alone name no day ("今天50天了"). */
const isToday = (e: DateExpression): boolean =>
  (e.relDays === 0 || e.relDays === undefined) &&
  e.day === undefined &&
  (e.month === undefined || ('rel' in e.month && e.month.rel === 0)) &&
  (e.year === undefined || ('rel' in e.year && e.year.rel === 0));

/**
 * The date she wrote has no year and is not relative (10月12日, 农历九月初一, 15号): it could lie
 * before or after today. Relative dates (昨天, 上个月5号, 3天前) lie where their words put them.
 */
function withoutYear(text: string): boolean {
  const found = findDateExpressions(text).filter((e) => !isToday(e));
  return found.length > 0 && found.every((e) => e.relDays === undefined && e.year === undefined && !(e.month !== undefined && 'rel' in e.month));
}

const dayOf = (r: ParseResult<ParsedDate>): string | undefined => (r.ok && r.value.precision === 'day' ? r.value.date : undefined);

/**
 * A date written alone, without a year and without a word saying which it is (10月12日, 农历三月初五):
 * the day it is as a last period (the latest such day before today) and as a due date (the next one),
 * each only when it can belong to a pregnancy going on today. Undefined when her words say which, or
 * give a year or weeks.
 */
export function bareDateReadings(text: string, today: string): { lastPeriod?: { date: string; dueDate: string }; dueDate?: string } | undefined {
  const t = normalizeText(text);
  if (!t || DUE_WORDS.test(t) || LMP_WORDS.test(t) || !withoutYear(text)) return undefined;
  if (!NOT_GESTATION.test(t) && (WEEKS.test(t) || WEEKS_PLUS.test(t))) return undefined;
  const asLmp = dayOf(parseDate(text, { today, direction: 'past' }));
  const asDue = dayOf(parseDate(text, { today, direction: 'future' }));
  const lmpPlausible = asLmp !== undefined && daysBetween(asLmp, today) >= 0 && plausibleDueDate(addDays(asLmp, 280), today);
  const duePlausible = asDue !== undefined && plausibleDueDate(asDue, today);
  return {
    ...(lmpPlausible ? { lastPeriod: { date: asLmp, dueDate: addDays(asLmp, 280) } } : {}),
    ...(duePlausible ? { dueDate: asDue } : {}),
  };
}

export function parseGestation(written: string, today: string): ParseResult<Gestation> {
  // 12w3d, 12+3w: as an ultrasound report writes weeks (latinWeeks.ts)
  const text = latinWeeks(written);
  const corrected = selfCorrection(text);
  if (corrected) {
    // the words she took back may say which kind of date she corrects (末次月经3月10号 不对 3月1号)
    const kind = LMP_WORDS.exec(corrected.before)?.[0] ?? DUE_WORDS.exec(corrected.before)?.[0];
    const after = kind && !LMP_WORDS.test(corrected.after) && !DUE_WORDS.test(corrected.after) ? `${kind}${corrected.after}` : corrected.after;
    const r = readGestation(after, today);
    if (r.ok) return r;
  }
  return readGestation(text, today);
}

/** A difference, not her weeks: 比原来算的小了一个多礼拜, 差了3天, 大了两周. */
const DIFFERENCE = new RegExp(`(?:小|大|差|早|晚|少|多|提前|推后)了?\\s*${NUM}\\s*(?:个\\s*)?(?:多\\s*)?(?:周|星期|礼拜|天)多?`, 'gu');

function readGestation(text: string, today: string): ParseResult<Gestation> {
  const t = normalizeText(text).replace(DIFFERENCE, ' ');
  if (!t) return fail('empty');
  const months = MONTHS.test(t);
  if (!NOT_GESTATION.test(t)) {
    const weeks = WEEKS.exec(t) ?? WEEKS_PLUS.exec(t);
    // two counts of weeks without a word saying which she means (十三周 十四周): asked again (not
    // 'ambiguous', whose re-prompt asks which kind of date a date is)
    const counts = new Set([...t.matchAll(new RegExp(WEEKS.source, 'gu'))].map((m) => m[0].replace(/\s/gu, '')));
    if (counts.size > 1) return fail('unrecognised');
    if (weeks) {
      const w = parseChineseNumber(weeks[1]);
      const dayCount = weeks[2] ?? weeks[3];
      const d = dayCount ? parseChineseNumber(dayCount) : 0;
      if (w === undefined || d === undefined || d > 6) return fail('unrecognised');
      return fromGestationalAge(w * 7 + d, today);
    }
    // "3个月20天" is months, not 20 days
    if (!months && !findDateExpressions(text).some((e) => !isToday(e))) {
      const days = DAYS.exec(t);
      const ga = days ? parseChineseNumber(days[1]) : undefined;
      if (days && ga === undefined) return fail('unrecognised');
      // (三十天左右 alone may be her cycle: not read as her gestation)
      if (ga !== undefined) return DAYS_OF_PREGNANCY.test(t) || ga > LONGEST_CYCLE_DAYS ? fromGestationalAge(ga, today) : fail('unrecognised');
      const bare = PREGNANT_BARE.exec(t);
      const w = bare ? parseChineseNumber(bare[1]) : undefined;
      if (w !== undefined) return fromGestationalAge(w * 7, today);
    }
  }
  const isDue = DUE_WORDS.test(t);
  const isLmp = LMP_WORDS.test(t);
  if (!isDue && !isLmp && TESTED.test(t)) {
    // (the day of her last period in another clause is still hers: 昨天测出来两道杠 上回是1月20号来的)
    const rest = t
      .split(/[\s,，。;；!！]+/u)
      .filter((c) => c && !TESTED.test(c))
      .join(' ');
    return rest ? readGestation(rest, today) : fail('unrecognised');
  }
  // her last period as a month without the day: its end (例假是冬月底来的) taken as the month's last day,
  // said back in the confirmation; another part of it (腊月中旬, 3月初): which day, naming what she said
  const part = isLmp && !isDue ? monthWithoutDay(text) : undefined;
  if (part) {
    const end = monthEnd(part, today);
    const read = end && fromLastPeriod(end.date, today, end);
    return read?.ok ? read : fail('part_of_month');
  }
  // no word says which, no year (农历三月初五): take the reading that is plausible, ask when both are
  const readings = bareDateReadings(text, today);
  if (readings?.lastPeriod && readings.dueDate) return fail('ambiguous');
  if (readings?.dueDate) return ok({ dueDate: readings.dueDate, from: 'dueDate' });
  const date = parseDate(text, { today, direction: isDue ? 'future' : 'past' });
  const asFuture = !isLmp && !date.ok ? parseDate(text, { today, direction: 'future' }) : undefined;
  const read = date.ok ? date : asFuture?.ok ? asFuture : date;
  if (!read.ok) return months && (read.error === 'unrecognised' || read.error === 'incomplete') ? fail('months') : read;
  const day = read.value.date;
  if (read.value.precision !== 'day') return months ? fail('months') : fail('incomplete');
  if (!isLmp && (isDue || day > today)) {
    // a due date she writes must lie ahead (the rule's two weeks past are for one reckoned from her weeks)
    if (day < today || !plausibleDueDate(day, today)) return fail('out_of_range');
    return ok({ dueDate: day, from: 'dueDate' });
  }
  return fromLastPeriod(day, today);
}

function fromLastPeriod(day: string, today: string, assumed?: MonthEnd): ParseResult<Gestation> {
  if (daysBetween(day, today) < 0) return fail('in_future');
  if (!plausibleDueDate(addDays(day, 280), today)) return fail('out_of_range');
  return ok({ dueDate: addDays(day, 280), from: 'lastPeriod', ...(assumed ? { assumed } : {}) });
}

/** the end of a month (冬月底, 3月末): not 月初, 中旬, 下旬 */
const MONTH_END = /[底末]$/u;
/** the last day of a month, the longest first: 31 days for a month of the year, 30 or 29 for a lunar one */
const LAST_DAYS = ['31号', '三十', '二十九', '28号'];

/** The last day of the month she named the end of, when it is not after today. */
function monthEnd(part: MonthWithoutDay, today: string): MonthEnd | undefined {
  if (!MONTH_END.test(part.said)) return undefined;
  for (const last of LAST_DAYS) {
    const r = parseDate(`${part.month}${last}`, { today, direction: 'past' });
    if (!r.ok || r.value.precision !== 'day') continue;
    if (r.value.date > today) return undefined;
    const lunar = r.value.lunar ? { lunarWords: `${part.month}${last}` } : {};
    return { said: part.said, date: r.value.date, ...lunar };
  }
  return undefined;
}
