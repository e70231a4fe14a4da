// Finds the date expressions inside a reply ("大概是3月5号吧", "我是农历八月初一来的") without
// deciding which calendar day they mean: that is resolveDateExpression's job.
import { normalizeText } from './normalizeText.js';
import { replaceChineseNumerals } from './replaceChineseNumerals.js';

export interface DateExpression {
  /** an explicit 农历/阴历 (lunar) or 公历/阳历 (gregorian) marker */
  marker?: 'gregorian' | 'lunar';
  /** both a lunar and a Gregorian marker point at this expression */
  markerConflict?: boolean;
  /** words that only exist in the lunar calendar: 正月, 冬月, 腊月, 初一…初十, 闰 */
  lunarWords: boolean;
  /** 今天 = 0, 昨天 = -1, 明天 = 1 … (nothing else is set then) */
  relDays?: number;
  /** twoDigit: written 80年, to be widened by the caller's rule */
  year?: { abs: number; twoDigit: boolean } | { rel: number };
  month?: { abs: number; leap: boolean } | { rel: number };
  day?: number;
  /** the last day of the month, 29 or 30 by the year (除夕, 大年三十); day is 30 then */
  monthEnd?: boolean;
  /** 月初, 月底, 中旬 …: a part of a month, not a day */
  vague: boolean;
  start: number;
  end: number;
}

// (Henan: 今儿个 / 今个, 明儿个 / 明个 / 赶明儿, 后儿个, 大后儿个, 昨儿个 / 夜儿个, 前儿个;
// Hunan and the south: 后日, 前日, 大后日, as in 后日去得不)
const REL_DAYS: Record<string, number> = {
  大前天: -3,
  大前儿个: -3,
  大前日: -3,
  前天: -2,
  前日: -2,
  前儿个: -2,
  前儿: -2,
  昨天: -1,
  昨日: -1,
  昨儿: -1,
  昨儿个: -1,
  昨个: -1,
  夜儿个: -1,
  今天: 0,
  今日: 0,
  今儿: 0,
  今儿个: 0,
  今个: 0,
  明天: 1,
  明日: 1,
  明儿: 1,
  明儿个: 1,
  明个: 1,
  赶明儿: 1,
  后天: 2,
  后日: 2,
  后儿个: 2,
  后儿: 2,
  大后天: 3,
  大后日: 3,
  大后儿个: 3,
  大后儿: 3,
};
const REL_YEARS: Record<string, number> = {
  大前年: -3,
  前年: -2,
  去年: -1,
  今年: 0,
  明年: 1,
  后年: 2,
  大后年: 3,
};
const REL_MONTHS: Record<string, number> = {
  上上个月: -2,
  上上月: -2,
  上个月: -1,
  上月: -1,
  这个月: 0,
  本月: 0,
  这月: 0,
  下个月: 1,
  下月: 1,
  下下个月: 2,
  下下月: 2,
};
const MONTH_NAMES: Record<string, { month: number; lunar: boolean }> = {
  正: { month: 1, lunar: true },
  元: { month: 1, lunar: false }, // 元月 is used for January too
  冬: { month: 11, lunar: true },
  腊: { month: 12, lunar: true },
};

// Lunar festivals she dates things by (末次月经是腊八那天). Matched on prepared text, so with
// digits: 腊八 is 腊8. 小年 is 腊月二十三 as in the north (much of the south keeps 二十四); 除夕 and
// 大年三十 are the last day of 腊月, 29 or 30 by the year. 春节 is left out: 春节前后, 过完春节
// are weeks, not a day.
const FESTIVALS: Record<string, { month: number; day: number; monthEnd?: boolean }> = {
  腊8节: { month: 12, day: 8 },
  腊8: { month: 12, day: 8 },
  小年: { month: 12, day: 23 },
  除夕: { month: 12, day: 30, monthEnd: true },
  大年30: { month: 12, day: 30, monthEnd: true },
  年30: { month: 12, day: 30, monthEnd: true },
  大年初1: { month: 1, day: 1 },
  元宵节: { month: 1, day: 15 },
  元宵: { month: 1, day: 15 },
  端午节: { month: 5, day: 5 },
  端午: { month: 5, day: 5 },
  端阳节: { month: 5, day: 5 },
  端阳: { month: 5, day: 5 },
  '7夕节': { month: 7, day: 7 },
  '7夕': { month: 7, day: 7 },
  中秋节: { month: 8, day: 15 },
  中秋: { month: 8, day: 15 },
  重阳节: { month: 9, day: 9 },
  重阳: { month: 9, day: 9 },
};

const alt = (words: Record<string, unknown>): string =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');

const SEP = '[-/.]';
const NUM_END = String.raw`(?!\d|[-/.]\d)`;
const NUM_START = String.raw`(?<![\d.\/-])`;
const DAY_SUFFIX = '(?:日|号)?';

// Patterns in priority order; a later pattern never matches inside an earlier match. (A day after a
// month and a dot is the dotted date's: 预产期11.3号 is 11月3日, not the 3rd.)
const YMD = new RegExp(`${NUM_START}(?<y>(?:19|20|21)\\d{2})(?:${SEP}|\\s)(?<m>\\d{1,2})(?:${SEP}|\\s)(?<d>\\d{1,2})${NUM_END}${DAY_SUFFIX}`, 'gu');
const COMPACT_YMD = /(?<!\d)(?<y>(?:19|20|21)\d{2})(?<m>\d{2})(?<d>\d{2})(?!\d)/gu;
const YY_MD = new RegExp(`${NUM_START}(?<yy>\\d{2})${SEP}(?<m>\\d{1,2})${SEP}(?<d>\\d{1,2})${NUM_END}${DAY_SUFFIX}`, 'gu');
const CHINESE = new RegExp(
  [
    `(?:(?<!\\d)(?<yNum>\\d{4}|\\d{2})年|(?<yRel>${alt(REL_YEARS)}))?`,
    `(?:(?<leap>闰)?(?:(?<!\\d)(?<mNum>\\d{1,2})月份?|(?<mName>[正元冬腊])月)|(?<mRel>${alt(REL_MONTHS)}))?`,
    `(?:初(?<dChu>\\d{1,2})(?!\\d)|(?<!\\d|\\d[-/.])(?<dNum>\\d{1,2})(?!\\d)(?<dSuf>日|号)?|(?<vague>上旬|中旬|下旬|初|中|底|末))?`,
  ].join(''),
  'gu',
);
const YM = new RegExp(`${NUM_START}(?<y>(?:19|20|21)\\d{2})${SEP}(?<m>\\d{1,2})${NUM_END}`, 'gu');
const MD = new RegExp(`${NUM_START}(?<m>\\d{1,2})${SEP}(?<d>\\d{1,2})${NUM_END}${DAY_SUFFIX}`, 'gu');
// not the 后 / 前 of 以后, 最后, 然后, 之前 (以后日子, 最后日期, 然后天天)
const REL_DAY = new RegExp(`(?<![以最然之往])(?:${alt(REL_DAYS)})`, 'gu');
// 3天前, 两个星期前, 5天以后 (a count of days or weeks from today)
const DAYS_AWAY = /(?<!\d)(?<n>\d{1,3})个?(?<unit>天|星期|礼拜|周)(?:以|之)?(?<dir>前|后)/gu;
// 十年前, 3年以前 (a count of years back from this year: its year, not 2010); not 23年前后 (about 2023),
// nor more than twenty (24年以前: before 2024)
const YEARS_AGO = /(?<!\d)(?<n>[1-9]|1\d|20)年(?:以|之)?前(?!后)/gu;
// not 2026年30号, not 小年轻. Not a birthday (元宵节生的, 腊八那天出生): a day of every year, not a
// calendar day (1972年农历正月十五 元宵节生哩 is not born this 元宵)
// (a festival's name may follow its day: 8月15中秋节; one that starts with a digit or 年 not after a digit)
const afterDigitOk = (w: string): boolean => !/^[\d年]/u.test(w);
const FESTIVAL = new RegExp(
  `(?:${alt(Object.fromEntries(Object.entries(FESTIVALS).filter(([w]) => afterDigitOk(w))))}|(?<!\\d)(?:${alt(Object.fromEntries(Object.entries(FESTIVALS).filter(([w]) => !afterDigitOk(w))))}))(?!轻|节?(?:那天|那日|当天|那1天)?出?生)`,
  'gu',
);
const MARKER = /(?<lunar>农历|阴历|旧历|老历)|(?<gregorian>阳历|公历|新历)/gu;

type Groups = Record<string, string | undefined>;
type Builder = (g: Groups) => Omit<DateExpression, 'start' | 'end' | 'marker'> | undefined;

const numeric: Builder = (g) => ({
  lunarWords: false,
  vague: false,
  year: g.y ? { abs: Number(g.y), twoDigit: false } : g.yy ? { abs: Number(g.yy), twoDigit: true } : undefined,
  month: { abs: Number(g.m), leap: false },
  day: g.d === undefined ? undefined : Number(g.d),
});

const chinese: Builder = (g) => {
  const hasYear = g.yNum !== undefined || g.yRel !== undefined;
  const hasMonth = g.mNum !== undefined || g.mName !== undefined || g.mRel !== undefined;
  const dayText = g.dChu ?? g.dNum;
  if (!hasYear && !hasMonth && dayText === undefined) return undefined;
  // a bare number is a day only after a month, or with 日/号 or 初
  if (g.dNum !== undefined && !hasMonth && g.dSuf === undefined) {
    return undefined;
  }
  if (hasYear && !hasMonth && dayText !== undefined) return undefined; // 2024年5号
  const monthName = g.mName ? MONTH_NAMES[g.mName] : undefined;
  let month: DateExpression['month'];
  if (g.mNum !== undefined) month = { abs: Number(g.mNum), leap: g.leap !== undefined };
  else if (monthName) month = { abs: monthName.month, leap: g.leap !== undefined };
  else if (g.mRel !== undefined) month = { rel: REL_MONTHS[g.mRel] };
  let year: DateExpression['year'];
  if (g.yNum !== undefined) year = { abs: Number(g.yNum), twoDigit: g.yNum.length === 2 };
  else if (g.yRel !== undefined) year = { rel: REL_YEARS[g.yRel] };
  return {
    year,
    month,
    day: dayText === undefined ? undefined : Number(dayText),
    lunarWords: g.dChu !== undefined || g.leap !== undefined || monthName?.lunar === true,
    vague: g.vague !== undefined && hasMonth,
  };
};

const relDay: Builder = (g) => ({ relDays: REL_DAYS[g.all ?? ''], lunarWords: false, vague: false });

const yearsAgo: Builder = (g) => ({ year: { rel: -Number(g.n) }, lunarWords: false, vague: false });

const daysAway: Builder = (g) => {
  const days = Number(g.n) * (g.unit === '天' ? 1 : 7);
  return { relDays: g.dir === '前' ? -days : days, lunarWords: false, vague: false };
};

const festival: Builder = (g) => {
  const f = FESTIVALS[g.all ?? ''];
  if (!f) return undefined;
  return { month: { abs: f.month, leap: false }, day: f.day, monthEnd: f.monthEnd, lunarWords: true, vague: false };
};

const PATTERNS: [RegExp, Builder][] = [
  [FESTIVAL, festival],
  [DAYS_AWAY, daysAway],
  [YEARS_AGO, yearsAgo],
  [YMD, numeric],
  [COMPACT_YMD, numeric],
  [YY_MD, numeric],
  [CHINESE, chinese],
  [YM, numeric],
  [MD, numeric],
  [REL_DAY, relDay],
];

/**
 * Cleans a reply for date matching: normalised, Chinese numerals as digits, 的 and spaces
 * dropped (a space is kept only between two digits: "2026 3 5").
 */
export function prepareDateText(text: string): string {
  return replaceChineseNumerals(normalizeText(text))
    .replace(/的/gu, '')
    .replace(/(?<!\d) | (?!\d)/gu, '');
}

const sameMonthDay = (a: DateExpression, b: DateExpression): boolean =>
  a.day === b.day && !!a.month && !!b.month && 'abs' in a.month && 'abs' in b.month && a.month.abs === b.month.abs;

/** All date expressions in a reply, in text order. */
export function findDateExpressions(text: string): DateExpression[] {
  // calendar markers are cut out first so that 2026年农历八月初一 stays one expression
  const markers: { at: number; kind: 'gregorian' | 'lunar' }[] = [];
  let body = '';
  let last = 0;
  const prepared = prepareDateText(text);
  for (const match of prepared.matchAll(MARKER)) {
    body += prepared.slice(last, match.index);
    markers.push({ at: body.length, kind: match.groups?.lunar ? 'lunar' : 'gregorian' });
    last = match.index + match[0].length;
  }
  body += prepared.slice(last);

  const found: DateExpression[] = [];
  // (UTF-16 units, as match indexes count: what was found is masked once, in one pass per pattern)
  const units = body.split('');
  let masked = body;
  for (const [pattern, build] of PATTERNS) {
    const before = found.length;
    for (const match of masked.matchAll(pattern)) {
      if (match[0] === '') continue;
      const parts = build({ ...match.groups, all: match[0] });
      if (!parts) continue;
      const start = match.index;
      const end = start + match[0].length;
      found.push({ ...parts, start, end });
    }
    // mask what was found so that later patterns cannot match inside it
    for (const e of found.slice(before)) units.fill('\u0000', e.start, e.end);
    if (found.length > before) masked = units.join('');
  }
  found.sort((a, b) => a.start - b.start);
  // a month and day named with the festival they are (八月十五中秋节那天): that festival's lunar day, one date
  for (let i = found.length - 2; i >= 0; i -= 1) {
    const [day, fest] = [found[i], found[i + 1]];
    const same = fest.lunarWords && day.year === undefined && sameMonthDay(day, fest) && /^[是那天就]*$/u.test(body.slice(day.end, fest.start));
    if (same) found.splice(i, 2, { ...fest, start: day.start });
  }

  // a marker belongs to the first expression that ends at or after it, else to the last one; one
  // between two dates that goes on into the second (腊月二十 阳历是2000年1月26号) belongs to the second
  // (markers and expressions both in text order: one walk through them, not a search per marker)
  let first = 0;
  for (const m of markers) {
    while (first < found.length && found[first].end < m.at) first += 1;
    const next = found.slice(first, first + 3).find((e) => e.start >= m.at && e.start - m.at <= 1);
    const target = next ?? found[first] ?? found[found.length - 1];
    if (target && target.marker === undefined) target.marker = m.kind;
    else if (target && target.marker !== m.kind) target.markerConflict = true; // 阳历…农历
  }
  return found;
}
