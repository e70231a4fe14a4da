// The day a woman names when she picks from a list of offered days, the way she says it: the day of
// the month (5号, 12号, 3月5日, 3.5), a weekday (周三, 星期三, 礼拜三, 这周三, 下周三), a day counted
// from today (明天, 后天, 大后天), with or without a session (星期三上午, 还是8号吧 上午去). A bare
// number ("5") is either the option's position or the day of the month: chooseDay decides against
// the list shown, and says when it is both. Pure: today is passed in ('YYYY-MM-DD', Asia/Shanghai).
import { addDays, daysBetween, isoWeekday } from '../calendarDay.js';
import { findDateExpressions, prepareDateText, type DateExpression } from '../parse/dateExpression.js';
import { normalizeText } from '../parse/normalizeText.js';
import { resolveDateExpression } from '../parse/resolveDateExpression.js';

export type Session = 'am' | 'pm';

/** Words for the two sessions of a clinic day (the session question reads them too). */
export const SESSION_WORDS: Record<Session, readonly string[]> = {
  // (上晌 / 前晌 / 下晌 / 后晌: Henan; 早点 / 晚点, 越早越好, 一大早: early or late in the day)
  am: ['上午', '早上', '早晨', '上半天', '上晌', '前晌', '早晌', '早点', '早些', '越早', '一早', '一大早', '清早', '赶早'],
  pm: ['下午', '下半天', '下晌', '后晌', '晚点', '晚些', '越晚'],
};

export type DayWords =
  /** a calendar day she named */
  | { kind: 'day'; day: string; session?: Session }
  /** a number alone: a position in the list, or the day of the month */
  | { kind: 'number'; n: number; session?: Session }
  /** a place in the list, said as one (第5个, 头一个, 最后一个): `last` for the last day shown */
  | { kind: 'position'; n: number | 'last'; session?: Session }
  /** two different days */
  | { kind: 'conflict' }
  /** a date and a weekday that are not the same day (13号 礼拜四, 13 March being a Friday): `weekday` 1–7 */
  | { kind: 'mismatch'; day: string; weekday: number }
  /** no day in her words */
  | { kind: 'none'; session?: Session };

export type DayChoice =
  /** the option at `index` of the list */
  | { kind: 'chosen'; index: number; session?: Session }
  /** a bare number that is the position of one day and the day of the month of another: ask which */
  | { kind: 'which'; n: number; positionIndex: number; dayIndex: number; session?: Session }
  /** a day she named that the list does not offer */
  | { kind: 'notOffered'; day: string }
  /** a day she named after the last day she may book (`last`) */
  | { kind: 'beyond'; day: string; last: string }
  | { kind: 'conflict' }
  | { kind: 'mismatch'; day: string; weekday: number }
  /** not a day: read her answer as an ordinary choice */
  | { kind: 'none' };

// (the week named before the weekday: 下个礼拜的星期三, 下周星期三)
const WEEKDAY =
  /(?<pre>下下个|下下|下个|下|这个|这|這個|這|本|上个|上)?(?:(?<=[下个这這本上])(?:周|週|星期|礼拜|禮拜)的?)?(?:周|週|星期|礼拜|禮拜)(?<wd>[1-7日天])/gu;
/** How far along she is (12周3天, 十二周零三天, 12周+3天): no weekday (周3) in it. */
const WEEKS_AND_DAYS = /(?<![\d.])\d{1,2}\s*个?\s*(?:周|週|星期|礼拜|禮拜)\s*[零又加+]?\s*\d\s*天/gu;
const WEEK_SHIFT: Record<string, number> = { 下下个: 2, 下下: 2, 下个: 1, 下: 1, 这个: 0, 这: 0, 這個: 0, 這: 0, 本: 0, 上个: -1, 上: -1 };
/**
 * A day she turns down (6号不行, 不要周三, 周三去不了), or gives a reason she cannot go (10号要回娘家,
 * 礼拜一要走亲戚, 那天得送孩子): not the day she picks.
 */
const REJECTED_AFTER = new RegExp(
  '^(?:那天|那一天|那个号|那个|的号|约的)?(?:我|俺|我们|俺们|家里|家里头|屋里)?(?:不行|不去|不要|不方便|不可以|不好|不中|没空|没有空|不得空|没时间|去不了|来不了|去不成|来不成|来不及|赶不上|赶不及|走不开|有事|要上班|上班|不在家|请不下|' +
    '(?:要|得|还要|还得|要去|得去|要回|得回)?(?:回娘家|回老家|走亲戚|串亲戚|赶集|赶会|吃喜酒|喝喜酒|吃酒|坐席|随礼|出远门|下地|干活|收麦|收稻|收晚稻|收玉米|收花生|打工|加班|值班|开会|考试|看病)|(?:要|得|还要|还得)(?:出门|送孩子|接孩子|带孩子|看孩子|送孙子|接孙子|带孙子|看孙子))',
  'u',
);
/**
 * She corrects herself: the day named after one of these is the day she settles on (7号 哦不对 还是8号吧;
 * 周三吧 算了 改成周四; a booking moved: 礼拜三那个号 挪到礼拜五). 还是 right between two days joins them (8号还是9号 asks which), unless she
 * settles on the second (还是9号吧).
 */
const CORRECTION = /不对|不是不是|不不|哦不|噢不|算了|错了|说错|写错|打错|改成|改到|改为|换成|换到|换为|挪到|推到|调到|移到|还是/gu;
const SETTLING = /^(?:吧|好了|好|行|可以|去|那天)/u;
const REJECTED_BEFORE = /(?:不要|不是|不去|不约|别约|别|除了)$/u;
/** A date of her pregnancy or of her birth (末次月经是4月20号 再约个NT 礼拜五上午): not a day to book. */
const DATES_HER = /(?:末次月经|月经|例假|预产期|出生|生日|生的)(?:是|在|为|就是|大概是|差不多)?$/u;
/** Calendar words that findDateExpressions cuts out (its positions no longer match the text then). */
const CALENDAR_MARKERS = /农历|阴历|旧历|老历|阳历|公历|新历/u;
/** What may stand before and after a number or a place alone: 还是5吧, 就5, 5啊, 第5个咯 (Hunan), 头1个嘛. */
const BEFORE_NUMBER = '(?:还是|那就|就|那|要|约)*';
const AFTER_NUMBER = '(?:吧|啊|呀|呢|哦|的|了|哒|行|好|去|可以|咯|哈|嘛|撒|噻|哩|嘞|中|那天|那个)*';
const AROUND_NUMBER = new RegExp(`^${BEFORE_NUMBER}(\\d{1,2})${AFTER_NUMBER}$`, 'u');
/** A place in the list said as one: 第5个, 第5天, 头1个 / 头个 / 头1天 (Henan: the first). */
const PLACE = new RegExp(`^${BEFORE_NUMBER}(?:我?选|我要)?(?:第(?<n>\\d{1,2})(?:个|天|项)?|头(?:1)?(?:个|天|一个))${AFTER_NUMBER}$`, 'u');
/** The last day of the list: 最后1个, 最后那天, 最晚那个. */
const LAST_PLACE = new RegExp(`^${BEFORE_NUMBER}(?:最后|最晚)(?:1|那|面那)?(?:个|天)?${AFTER_NUMBER}$`, 'u');

/** A clause that says she cannot go then (前晌得看孙子走不开, 上午没空, 下午不行, 上午要下地; not 下午不忙, 下午不上班). */
const CANNOT_THEN = /不行|去不了|去不成|来不了|走不开|不得空|没空|没时间|有事|[得要](?:看|带|接|送|上班|下地|赶集|干活|做工)/u;

/** Which session her words name, if exactly one; of two, the one not in a clause that says she cannot go then. */
function sessionOf(prepared: string): Session | undefined {
  const named = (t: string) => ({ am: SESSION_WORDS.am.some((w) => t.includes(w)), pm: SESSION_WORDS.pm.some((w) => t.includes(w)) });
  let { am, pm } = named(prepared);
  if (am && pm) {
    // (大后天后晌 妇幼那 前晌得看孙子走不开: the afternoon)
    const free = prepared
      .split(/[^\p{L}\p{N}]+/u)
      .filter((c) => !CANNOT_THEN.test(c))
      .map(named);
    am = free.some((c) => c.am);
    pm = free.some((c) => c.pm);
  }
  return am === pm ? undefined : am ? 'am' : 'pm';
}

/**
 * The day of a weekday word: 周三 alone is the next Wednesday after today (today itself is never
 * offered); 这周三 is the Wednesday of this week (Monday to Sunday), 下周三 of the next, 下下周三
 * the one after, 上周三 of the last.
 */
function weekdayDay(pre: string | undefined, wd: string, today: string, anchor?: string): string {
  const target = wd === '日' || wd === '天' ? 7 : Number(wd);
  const current = isoWeekday(today);
  // after a day she picked before (15号, then 换个日子 还是周四吧): that weekday of its week, when ahead
  const inWeek = anchor && pre === undefined ? addDays(anchor, target - isoWeekday(anchor)) : undefined;
  if (inWeek && inWeek > today) return inWeek;
  if (pre === undefined) return addDays(today, ((target - current + 6) % 7) + 1);
  return addDays(today, target - current + 7 * WEEK_SHIFT[pre]);
}

/**
 * The day a weekday word of the past names (上礼拜三, 这周一, 礼拜五: the latest such day before
 * today), when her words hold exactly one; undefined otherwise, or when it lies ahead (下周三).
 */
export function pastWeekdayDay(text: string, today: string): string | undefined {
  // (37周3天: how far along, no weekday)
  const found = [...prepareDateText(text).replace(WEEKS_AND_DAYS, ',').matchAll(WEEKDAY)];
  if (found.length !== 1) return undefined;
  const { pre, wd } = found[0].groups as { pre?: string; wd: string };
  const target = wd === '日' || wd === '天' ? 7 : Number(wd);
  const day = pre === undefined ? addDays(today, -(((isoWeekday(today) - target + 6) % 7) + 1)) : weekdayDay(pre, wd, today);
  return day <= today ? day : undefined;
}

/** Two-digit years (26年3月5号) in a booking are this century. */
const widenYear = (yy: number): number => 2000 + yy;

/** A day she names without a year is ahead of today, unless that is half a year away (3月1日 said on 3月2日 is yesterday). */
const FAR_AHEAD_DAYS = 180;
const A_YEAR = 366;

/** The day a date expression names, to the day (undefined for a month, a year or a vague date). */
function dayNamed(e: DateExpression, today: string): string | undefined {
  const [ahead, before] = (['future', 'past'] as const).map((direction) => {
    const r = resolveDateExpression(e, { today, direction, widenYear });
    return r.ok && r.value.precision === 'day' ? r.value.date : undefined;
  });
  if (ahead && before && daysBetween(today, ahead) > FAR_AHEAD_DAYS) return before;
  return ahead ?? before;
}

/** A day named in her words, and where (in the text read for dates); `weekday`: named by a weekday word. */
interface Named {
  day: string;
  at: number;
  end: number;
  weekday?: { target: number; inWeek: boolean };
}

/**
 * A date and weekday words beside it (13号那天去 礼拜五; 3月5号周四): one day when they agree (a weekday
 * alone, 礼拜五, agrees with a date on that weekday; 下周五 only with that very day), a mismatch when
 * one does not. Undefined for anything else (no weekday, no date, or two dates).
 */
function dateWithWeekday(named: Named[]): DayWords | undefined {
  const weekdays = named.filter((n) => n.weekday);
  const dates = new Set(named.filter((n) => !n.weekday).map((n) => n.day));
  if (weekdays.length === 0 || dates.size !== 1) return undefined;
  const day = [...dates][0];
  const off = weekdays.find(({ weekday, day: d }) => (weekday!.inWeek ? d !== day : weekday!.target !== isoWeekday(day)));
  return off ? { kind: 'mismatch', day, weekday: off.weekday!.target } : { kind: 'day', day };
}

/** The days she settles on: those named after her last correction of a day named before it, else all. */
function settled(named: Named[], text: string, positionsHold: boolean): Named[] {
  if (!positionsHold || new Set(named.map((n) => n.day)).size < 2) return named;
  const last = named.reduce((a, b) => (b.at > a.at ? b : a));
  const settles = SETTLING.test(text.slice(last.end));
  for (const m of [...text.matchAll(CORRECTION)].reverse()) {
    // 8号还是9号: a question, not a correction
    if (m[0] === '还是' && !settles && named.some((n) => n.end === m.index)) continue;
    const after = named.filter((n) => n.at >= m.index);
    if (after.length > 0 && after.length < named.length) return after;
  }
  return named;
}

/**
 * The day (or number) her words name. `anchor`: a day she picked before and went back from (a weekday
 * alone, 周四, is then the one of that day's week).
 */
export function readDayWords(text: string, today: string, anchor?: string): DayWords {
  const prepared = prepareDateText(text);
  const session = sessionOf(normalizeText(text));
  const days = new Set<string>();
  const named: Named[] = [];
  const rejected = (before: string, after: string) => REJECTED_BEFORE.test(before) || REJECTED_AFTER.test(after);
  // weekdays first, cut out so that their digit (周3) is not read as a date
  let cut = 0;
  const rest = prepared.replace(WEEKS_AND_DAYS, ',').replace(WEEKDAY, (all: string, pre: string | undefined, wd: string, at: number, whole: string) => {
    if (!rejected(whole.slice(0, at), whole.slice(at + all.length))) {
      const weekday = { target: wd === '日' || wd === '天' ? 7 : Number(wd), inWeek: pre !== undefined };
      named.push({ day: weekdayDay(pre, wd, today, anchor), at: at - cut, end: at - cut + 1, weekday });
    }
    cut += all.length - 1;
    return ',';
  });
  const positionsHold = !CALENDAR_MARKERS.test(rest);
  for (const e of findDateExpressions(rest)) {
    if (positionsHold && (rejected(rest.slice(0, e.start), rest.slice(e.end)) || DATES_HER.test(rest.slice(0, e.start)))) continue;
    const day = dayNamed(e, today);
    // (a date years away is no day to book: her birth date beside the day, 俺是1975年腊月初八 想约下礼拜三)
    if (day && Math.abs(daysBetween(today, day)) <= A_YEAR) named.push({ day, at: e.start, end: e.end });
  }
  const kept = settled(named, rest, positionsHold);
  for (const { day } of kept) days.add(day);
  const paired = days.size > 1 ? dateWithWeekday(kept) : undefined;
  if (paired) return paired.kind === 'day' ? { ...paired, session } : paired;
  if (days.size > 1) return { kind: 'conflict' };
  if (days.size === 1) return { kind: 'day', day: [...days][0], session };
  let bare = rest.replace(/[^\p{L}\p{N}]+/gu, '');
  for (const w of [...SESSION_WORDS.am, ...SESSION_WORDS.pm]) bare = bare.replaceAll(w, '');
  const number = AROUND_NUMBER.exec(bare);
  if (number) return { kind: 'number', n: Number(number[1]), session };
  const place = PLACE.exec(bare);
  if (place) return { kind: 'position', n: place.groups?.n === undefined ? 1 : Number(place.groups.n), session };
  return LAST_PLACE.test(bare) ? { kind: 'position', n: 'last', session } : { kind: 'none', session };
}

/** The day of the month `n` names (as 5号 would; undefined when n is not a day of a month). */
function dayOfMonth(n: number, today: string): string | undefined {
  if (n < 1 || n > 31) return undefined;
  return dayNamed({ day: n, lunarWords: false, vague: false, start: 0, end: 0 }, today);
}

/**
 * Her answer against the days she may choose from (in their order, 'YYYY-MM-DD'): the first `listed`
 * of them are shown, numbered; the rest are days she may book that the list leaves out (a short list
 * reads better on a phone). A day she names is chosen when it is one of them, listed or not; after the
 * last of them it is `beyond`, otherwise not offered. A place in the list, or a bare number that is
 * one, counts only the days listed. A bare number is the position when it is only a position (or the
 * day of the month of a day not listed), the day of the month when it is only that; when it is the
 * position of one listed day and the day of the month of another, `which`.
 */
export function chooseDay(text: string, shown: readonly string[], today: string, listed = shown.length, anchor?: string): DayChoice {
  const words = readDayWords(text, today, anchor);
  const last = shown.reduce((a, b) => (b > a ? b : a), '');
  const notChosen = (day: string): DayChoice => (last && day > last ? { kind: 'beyond', day, last } : { kind: 'notOffered', day });
  switch (words.kind) {
    case 'none':
    case 'conflict':
      return { kind: words.kind };
    case 'mismatch':
      return words;
    case 'day': {
      const index = shown.indexOf(words.day);
      return index >= 0 ? { kind: 'chosen', index, session: words.session } : notChosen(words.day);
    }
    case 'position': {
      const index = words.n === 'last' ? listed - 1 : words.n - 1;
      return index >= 0 && index < listed ? { kind: 'chosen', index, session: words.session } : { kind: 'none' };
    }
    case 'number': {
      const { n, session } = words;
      const positionIndex = n >= 1 && n <= listed ? n - 1 : -1;
      const day = dayOfMonth(n, today);
      const dayIndex = day === undefined ? -1 : shown.indexOf(day);
      // (a day of the month she does not see in the list is not asked about: the number shown is hers)
      if (positionIndex >= 0 && dayIndex >= 0 && dayIndex < listed && positionIndex !== dayIndex) return { kind: 'which', n, positionIndex, dayIndex, session };
      if (positionIndex >= 0) return { kind: 'chosen', index: positionIndex, session };
      if (dayIndex >= 0) return { kind: 'chosen', index: dayIndex, session };
      return day === undefined ? { kind: 'none' } : notChosen(day);
    }
  }
}
