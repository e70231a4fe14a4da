// Reads her answer to a dynamicChoice question against the options she was shown (kept in the
// conversation when the question was asked). Options that are calendar days (`day`: the booking
// days) are first read by the day she names (src/domain/booking/readDay.ts): 5号 is the 5th, never
// option 5; a bare 5 that is the 5th option and also the 5th of the month shown is asked about once
// ("您是说第5个……，对吗？要是5号……，请回复“不是”": yes, no, 第5个, 5号 answer it); a day that is not in the list gets a kind answer and the list again. A session she
// names with the day (8号上午) answers the next question too. Anything else: parseChoice, then a
// part of one option's name (妇幼 for 项城市妇幼保健院, src/domain/parse/namePart.ts).
import { listedOptions, optionLines } from '../domain/parse/optionLines.js';
import { isoWeekday } from '../domain/calendarDay.js';
import { chooseDay, readDayWords } from '../domain/booking/readDay.js';
import { formatChineseDate, formatMonthDay } from '../domain/parse/formatChineseDate.js';
import { normalizeText } from '../domain/parse/normalizeText.js';
import { parseChoice } from '../domain/parse/parseChoice.js';
import { choiceByNamePart } from '../domain/parse/namePart.js';
import { fail, ok, type ParseResult } from '../domain/parse/parseResult.js';
import { renderTemplate } from '../domain/template.js';
import type { ShownOption } from '../services/conversationStore.js';
import type { AskStep, Flow, Messages } from './flowSchema.js';
import { isCalendarDay } from '../domain/calendarDay.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { readingChosen } from './datingWhich.js';

export type ShownChoiceRead =
  /** her answer read (`nextAnswer`: the value her words also gave the next question, a session) */
  | { kind: 'read'; read: ParseResult<unknown>; nextAnswer?: string; say?: undefined; shown?: undefined }
  /**
   * not an answer yet: say this and wait for her answer to the same question, against `shown`
   * (`guess`: what her yes to it means, and her no, when it asks whether she meant one of two readings)
   */
  | { kind: 'again'; say: string; shown: ShownOption[]; guess?: { value: string; instead: string; label: string }; read?: undefined; nextAnswer?: undefined };

/** Her answer to "您是说A，还是B？" by its place: 前面那个, 后一个, 第二个… */
const FIRST_READING = /^(?:是|要|就)?(?:前面那个|前面的|前面|前边|前一个|前者|第一个|第一种|头一个)$/u;
const SECOND_READING = /^(?:是|要|就)?(?:后面那个|后面的|后面|后边|后一个|后者|第二个|第二种)$/u;

/** Where she names the day a booking moves to (挪到, 改到, 换成, 调到, 改约到): the day after it is the one. */
const MOVED_TO = /(?:挪|改约?|换|调|移)(?:到|成|在)/u;
const CLAUSE_END = /[\s,，。!！?？；;]/u;
/** The same day as the booking she moves (能换成那天后晌不, 改到当天下午): with another session. */
const SAME_DAY = /^(?:那天|那一天|当天|同一天|这天|这一天|那日|当日)/u;
/** The same day said in a clause of its own (改成后晌中不中 还是那一天). */
const SAME_DAY_CLAUSE = /(?:^|[\s,，。!！?？])(?:还是|就是|就|也是)?(?:那天|那一天|当天|同一天|那日|当日)(?:的|吧|哈)?(?=$|[\s,，。!！?？])/u;
/** Words of a day or a session (人民医院星期六能查不): not words of a hospital, left out when a list of them reads her words. */
const DAY_WORDS =
  /(?:下下个|下下|下个|下|这个|这|本)?(?:周|星期|礼拜)[1-7一二三四五六日天]|大后天|后天|明天|今天|[0-9一二三四五六七八九十]{1,3}[号日](?:那天)?|[0-9一二三四五六七八九十]{1,2}月|上午|下午|早上|中午/u;

/** Words that turn a place down or keep away from it (不去一院, 一院太远, 别约一院). */
const TURNED_DOWN = /[不没别莫]|太远|远了|远得很/u;

/** The day she picked before and went back from (a weekday alone is then of its week). */
const anchorOf = (options: readonly ShownOption[]): string | undefined => options.find((o) => o.picked)?.day;

/**
 * Her words written before the question (the message that started the flow, a clause of an earlier
 * answer) read against its options: a list of days only by a day of the list she names (糖耐量预约
 * 周四去; with the session too: 后天上午), never by a bare number or a day it does not offer; any
 * other list as an ordinary choice.
 */
export function readEarlierChoice(
  text: string,
  options: readonly ShownOption[],
  today: string,
  movedTo = false,
): { read: ParseResult<string>; nextAnswer?: string } {
  // the day she moves it to (礼拜二那个号 能挪到礼拜四不): the words after 挪到 / 改到 / 换成, not the day she leaves
  const to = movedTo ? null : MOVED_TO.exec(text);
  if (to && options.some((o) => o.day !== undefined)) {
    const target = text.slice(to.index + to[0].length).split(CLAUSE_END)[0];
    // the same day, another session (能换成那天后晌不; 改成后晌中不中 还是那一天): the day she leaves, with the session she names
    const leaving = options.find((o) => o.leaving);
    const read = readDayWords(target, today);
    // (改到周五下午 就那天吧: the day she names is the one)
    const named = SAME_DAY.test(target) || (SAME_DAY_CLAUSE.test(text) && read.kind === 'none') ? read : undefined;
    const session = named && 'session' in named ? named.session : undefined;
    if (leaving && session) return { read: ok(leaving.value), nextAnswer: session };
    const moved = readEarlierChoice(target, options, today, true);
    // the session may follow in a clause of its own (改到阴历九月初十吧 前晌)
    const after = moved.read.ok && !moved.nextAnswer ? readDayWords(text.slice(to.index + to[0].length + target.length), today) : undefined;
    if (after?.kind === 'none' && after.session) return { ...moved, nextAnswer: after.session };
    if (moved.read.ok) return moved;
  }
  const days = options.map((o) => o.day);
  if (options.length === 0 || days.some((d) => d === undefined)) {
    const read = parseChoice(text, listedOptions(options));
    // a hospital named beside the day she wants (人民医院星期六能查不): the day words are not unexplained words
    const besideDay =
      read.ok && read.guessed && DAY_WORDS.test(text) ? parseChoice(text.replace(new RegExp(DAY_WORDS.source, 'gu'), ' '), listedOptions(options)) : undefined;
    if (besideDay?.ok && !besideDay.guessed) return { read: besideDay };
    // the one option her words name, in words of its own (想上一院查两癌 这礼拜六前晌): that one, when she
    // names no other and turns none down (一院太远 is no choice of it)
    const named = options.filter((o) => [o.label, ...o.words].some((w) => [...w].length >= 2 && text.includes(w)));
    if (read.ok && read.guessed && named.length === 1 && named[0].value === read.value && !TURNED_DOWN.test(text)) return { read: ok(named[0].value) };
    return { read };
  }
  const anchor = anchorOf(options);
  const words = readDayWords(text, today, anchor).kind;
  // two days, or a date and a weekday that differ (13号 礼拜四): not one of them on a guess
  if (words === 'conflict' || words === 'mismatch') return { read: fail('ambiguous') };
  const choice = words === 'day' ? chooseDay(text, days as string[], today, listedOptions(options).length, anchor) : undefined;
  if (choice?.kind !== 'chosen') return { read: fail('unrecognised') };
  // (后天那个预约换一下 后天要走亲戚: the day of the booking she moves is the day she leaves; unless she
  // moves it to that day's other session: 改约到12月9日下午)
  if (options[choice.index].leaving && !(movedTo && choice.session)) return { read: fail('unrecognised') };
  return { read: ok(options[choice.index].value), ...(choice.session ? { nextAnswer: choice.session } : {}) };
}

/** Whether her words name two days that differ (5号或者6号; 13号 礼拜四, 13 March being a Friday), against a list of days. */
export function namesDaysThatDiffer(text: string, options: readonly ShownOption[], today: string): boolean {
  if (options.length === 0 || options.some((o) => o.day === undefined) || MOVED_TO.test(text)) return false;
  const kind = readDayWords(text, today, anchorOf(options)).kind;
  return kind === 'conflict' || kind === 'mismatch';
}

/**
 * Her answer against the options shown; for another kind of question with options kept (the two
 * readings of a date she wrote alone, src/flows/datingWhich.ts) the reading she picked, if she did.
 * Undefined: read her words as the question reads them.
 */
export function readShownChoice(
  text: string,
  input: InputSpec,
  kept: readonly ShownOption[] | undefined,
  today: string,
  messages: Messages,
): ShownChoiceRead | undefined {
  if (input.type !== 'dynamicChoice') {
    const reading = kept ? readingChosen(text, [...kept]) : undefined;
    return reading ? { kind: 'read', read: reading } : undefined;
  }
  const shown = kept ?? [];
  const days = shown.map((o) => o.day);
  // (the days after those listed are chosen only by naming them: not by a number, nor a part of a name)
  const listed = listedOptions(shown);
  const plain = (): ShownChoiceRead => {
    const read = parseChoice(text, listed);
    // 妇幼保健院那个, 就去人民医院吧: a part of one option's name
    const part = !read.ok && read.error === 'unrecognised' ? choiceByNamePart(text, listed) : undefined;
    return { kind: 'read', read: part ?? read };
  };
  const chosen = (value: string, nextAnswer?: string): ShownChoiceRead => ({ kind: 'read', read: ok(value), ...(nextAnswer ? { nextAnswer } : {}) });
  if (shown.length === 0 || days.some((d) => d === undefined)) return plain();

  const m = messages.booking;
  const date = (day: string) => (day.slice(0, 4) === today.slice(0, 4) ? formatMonthDay(day) : formatChineseDate(day));
  const weekday = (day: string) => m.weekdays[isoWeekday(day) - 1];
  const cleared = shown.map(({ which: _which, ...o }) => o);

  // the answer to "您是说第5个……，还是5号……？"
  if (shown.some((o) => o.which)) {
    const reply = normalizeText(text)
      .replace(/[^\p{L}\p{N}]+/gu, '')
      .replace(/[吧啊呀的了]+$/u, '');
    const reading = FIRST_READING.test(reply) ? 'position' : SECOND_READING.test(reply) ? 'day' : undefined;
    const picked = reading && shown.find((o) => o.which === reading);
    if (picked) return chosen(picked.value);
    // a number alone is neither reading, nor a new pick from the list she was asked about
    if (readDayWords(text, today).kind === 'number') return { kind: 'read', read: fail('ambiguous') };
  }

  const choice = chooseDay(text, days as string[], today, listed.length, anchorOf(shown));
  switch (choice.kind) {
    case 'chosen':
      return chosen(shown[choice.index].value, choice.session);
    case 'which': {
      const position = shown[choice.positionIndex];
      const dayOption = shown[choice.dayIndex];
      const say = renderTemplate(m.dayWhich, {
        position: choice.n,
        positionDate: date(position.day!),
        positionWeekday: weekday(position.day!),
        number: choice.n,
        date: date(dayOption.day!),
        weekday: weekday(dayOption.day!),
      });
      const marked = cleared.map((o, i): ShownOption =>
        i === choice.positionIndex ? { ...o, which: 'position' } : i === choice.dayIndex ? { ...o, which: 'day' } : o,
      );
      // 对 is the position (the list is numbered), 不是 the day of the month
      return { kind: 'again', say, shown: marked, guess: { value: position.value, instead: dayOption.value, label: position.label } };
    }
    case 'notOffered':
      return {
        kind: 'again',
        say: `${renderTemplate(m.dayNotOffered, { date: date(choice.day), weekday: weekday(choice.day) })}\n${optionLines(shown)}`,
        shown: cleared,
      };
    case 'beyond': {
      const vars = { date: date(choice.day), weekday: weekday(choice.day), lastDate: date(choice.last), lastWeekday: weekday(choice.last) };
      return { kind: 'again', say: `${renderTemplate(m.dayBeyond, vars)}\n${optionLines(shown)}`, shown: cleared };
    }
    case 'mismatch': {
      const vars = { date: date(choice.day), weekday: weekday(choice.day), named: m.weekdays[choice.weekday - 1] };
      return { kind: 'again', say: `${renderTemplate(m.dayWeekdayMismatch, vars)}\n${optionLines(shown)}`, shown: cleared };
    }
    case 'conflict':
      return { kind: 'read', read: fail('ambiguous') };
    case 'none':
      return plain();
  }
}

/**
 * Her answer to a yes/no question whose no goes back to a list of days (请确认：…3月19日 周四 上午…),
 * when she names a day or a session instead of yes or no: the day and session it asks about is yes
 * (就周五, 上午), another no (还是20号吧: the list of days then reads it, as the rest of her answer).
 * Undefined for any other question or answer.
 */
export function restatedDay(text: string, flow: Flow, step: AskStep, vars: Readonly<Record<string, unknown>>, today: string): ParseResult<boolean> | undefined {
  if (step.input.type !== 'yesno') return undefined;
  const back = flow.steps.find((s) => s.id === step.on?.['false']);
  const asked = back?.kind === 'ask' && back.save ? vars[back.save] : undefined;
  if (!back || back.kind !== 'ask' || !isCalendarDay(asked)) return undefined;
  const after = flow.steps.find((s) => s.id === back.next);
  const session = after?.kind === 'ask' && after.save ? vars[after.save] : undefined;
  // (a weekday alone is read in the week of the day she is asked about: 还是周四吧 at 15号, a Wednesday, is the 16th)
  const words = readDayWords(text, today, asked);
  if (words.kind === 'day') return ok(words.day === asked && (!words.session || words.session === session));
  if (words.kind === 'none' && words.session && session) return ok(words.session === session);
  return undefined;
}
