// Reads an answer according to the question's input type, with the domain parsers.
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { fail, ok, type ParseResult } from '../domain/parse/parseResult.js';
import { normalizeText } from '../domain/parse/normalizeText.js';
import { parseYesNo } from '../domain/parse/parseYesNo.js';
import { parseChoice } from '../domain/parse/parseChoice.js';
import { parseInteger } from '../domain/parse/parseInteger.js';
import { parseDate } from '../domain/parse/parseDate.js';
import { pastWeekdayDay } from '../domain/booking/readDay.js';
import { parseMobile } from '../domain/parse/parseMobile.js';
import { parseIdNumber } from '../domain/parse/parseIdNumber.js';
import { parseBirthDate } from '../domain/parse/parseBirthDate.js';
import { ageRangeOn, asBirthDateFact } from '../domain/parse/birthDateFact.js';
import { parseGestation } from '../domain/pregnancy/parseGestation.js';
import { statesGestation } from '../domain/pregnancy/statesGestation.js';
import { speaksOfAnotherWoman } from '../domain/parse/ofAnotherWoman.js';

/** A parsed answer: JSON-safe, as it is kept in conversation variables and facts. */
export type AnswerValue =
  | string
  | number
  | boolean
  | null
  | { date: string; precision: 'day' | 'month' | 'year' }
  | { dueDate: string; from: 'weeks' | 'dueDate' | 'lastPeriod' }
  | { age: number; on: string; counting?: 'full' | 'nominal' };

/** A "none" word inside the answer (没做过, 不记得): the whole reply, or part of it. */
function saysNone(text: string, noneWords: readonly string[]): boolean {
  const plain = normalizeText(text).replace(/[。.!！?？,，]+/g, '');
  return noneWords.some((w) => plain === w || plain.includes(w));
}

/** Words that put a weekday in the past: last week's (上个礼拜四), or something done on it (礼拜四生的). */
const PAST_WEEKDAY = /上+个?(?:礼拜|星期|周)|(?:生|做|查|剖|没)(?:的|了|哒|哩)/u;

/** The youngest a woman giving her own birth date is. */
const YOUNGEST_WOMAN = 12;

/** The word that says which kind of date she wrote. */
const DATE_WORD: Record<string, string> = { dueDate: '预产期', lastPeriod: '末次月经' };

/**
 * `known`: the value of the question's fact she gave before, when she is asked it again for more
 * (a birth date given as a year: "3月5号" is then a day of that year), or, for her pregnancy's dates,
 * the reading she is correcting.
 */
export function parseInput(spec: InputSpec, text: string, today: string, known?: unknown): ParseResult<AnswerValue> {
  switch (spec.type) {
    case 'yesno': {
      const r = parseYesNo(text, { yes: spec.yesWords, no: spec.noWords });
      if (r.ok || r.error !== 'unrecognised' || !spec.gestationIsYes) return r;
      // weeks, a due date or months said of her pregnancy: she is pregnant (a last period alone only where
      // the question says so, lastPeriodIsYes: else her age may have ended them); not those of another
      // woman (我妹妹怀孕12周)
      return statesGestation(text, today, spec.lastPeriodIsYes) && !speaksOfAnotherWoman(text) ? ok(true) : r;
    }
    case 'choice':
      return parseChoice(text, spec.options, spec);
    case 'dynamicChoice':
      // the engine parses these against the options it showed (kept in the conversation)
      return parseChoice(text, []);
    case 'integer': {
      // a number wins over "none" words ("不太规律，大概35天" is 35)
      const r = parseInteger(text, { min: spec.min, max: spec.max }, spec.units);
      return !r.ok && saysNone(text, spec.noneWords) ? ok(null) : r;
    }
    case 'date': {
      // a date wins over "never" words ("2023年做过，之前没做过" is 2023)
      const r = parseDate(text, { today, calendar: spec.calendar, direction: spec.direction });
      if (r.ok) return ok({ date: r.value.date, precision: r.value.precision });
      // a weekday of the past (上个礼拜四, 礼拜四生的): the latest such day; only when her words say it is
      // past (a bare 礼拜五 she wrote with a booking is the day she wants to go, not when she was screened)
      const past = spec.direction === 'past' && PAST_WEEKDAY.test(text);
      const weekday = !r.ok && r.error === 'unrecognised' && past ? pastWeekdayDay(text, today) : undefined;
      if (weekday) return ok({ date: weekday, precision: 'day' });
      return saysNone(text, spec.noneWords) ? ok(null) : r;
    }
    case 'birthDate': {
      const r = parseBirthDate(text, today, asBirthDateFact(known));
      if (!r.ok) return r;
      // a woman writing her own birth date is no child: 好像是2019年 was her last screening, not her birth
      const fact = asBirthDateFact(r.value.birthDate);
      return fact && ageRangeOn(fact, today).max < YOUNGEST_WOMAN ? fail('too_young') : ok(r.value.birthDate);
    }
    case 'mobile':
      return parseMobile(text);
    case 'gestation': {
      // a date written alone answers the question asked ("新的预产期是哪天？")
      const r = parseGestation(text, today);
      const read = !r.ok && r.error === 'ambiguous' && spec.bareDate === 'dueDate' ? parseGestation(`预产期${text}`, today) : r;
      // the end of a month (冬月底) is taken as its last day only where the confirmation says so (dating)
      if (read.ok && read.value.assumed) return fail('part_of_month');
      return read.ok ? ok(read.value.dueDate) : read;
    }
    case 'dating': {
      // a date that reads two ways, written to correct the one she gave: the same kind of date (预产期12月5号 → 不对 是12月15号)
      const kind = known && typeof known === 'object' && 'from' in known ? DATE_WORD[String(known.from)] : undefined;
      const first = parseGestation(text, today);
      const r = !first.ok && first.error === 'ambiguous' && kind ? parseGestation(`${kind}${text}`, today) : first;
      if (!r.ok) return r;
      // her last period as the end of a month (冬月底): the day it was taken as, said back when she confirms
      const a = r.value.assumed;
      const assumed = a ? { assumedSaid: a.said, assumedDate: a.date, ...(a.lunarWords ? { assumedLunar: a.lunarWords } : {}) } : {};
      return ok({ dueDate: r.value.dueDate, from: r.value.from, ...assumed });
    }
    case 'idNumber': {
      const r = parseIdNumber(text, today);
      return r.ok ? ok(r.value.birthDate) : r;
    }
    case 'text': {
      const t = text.trim();
      if (!t) return fail('empty');
      return t.length > spec.maxLength ? fail('out_of_range') : ok(t);
    }
  }
}
