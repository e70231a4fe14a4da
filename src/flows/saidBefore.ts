// Her words at a question of the interview that answer a question she answered before in it: the same
// answer again in an option's words (户口就在秣陵 没迁过, after 俺是秣陵的), or her birth date to the day
// after she gave only her age, year or month (今年五十二, then 七三年八月二十一).
import { asBirthDateFact } from '../domain/parse/birthDateFact.js';
import { findDateExpressions } from '../domain/parse/dateExpression.js';
import { plainYesNo } from '../domain/parse/parseYesNo.js';
import { parseInput } from './parseInput.js';
import type { ProgrammePort } from './programmePort.js';

/** The interview she is in: its programme, the facts it answered, everything known about her. */
export interface EarlierAnswers {
  programmes: ProgrammePort;
  programme: string;
  answered: readonly string[];
  facts: Record<string, unknown>;
  today: string;
}

/** The birth date question she answered in this interview, if she did. */
const birthDateFact = (e: EarlierAnswers): string | undefined => e.answered.find((f) => e.programmes.question(e.programme, f)?.input.type === 'birthDate');

/**
 * Whether her words name again, in words of its options (not a plain yes or no), the answer she gave
 * to a choice question of this interview: she is answering what she was asked before.
 */
export function saidBefore(e: EarlierAnswers, text: string): boolean {
  return e.answered.some((fact) => {
    const input = e.programmes.question(e.programme, fact)?.input;
    if (input?.type !== 'choice' || plainYesNo(text, { yes: input.yesWords, no: input.noWords }) !== undefined) return false;
    const read = parseInput(input, text, e.today);
    return read.ok && read.value === e.facts[fact];
  });
}

/** Her birth date to the day, when she gave only her age, year or month in this interview: the fact and its value. */
export function exactBirthDate(e: EarlierAnswers, text: string): { fact: string; value: unknown } | undefined {
  const fact = birthDateFact(e);
  if (!fact) return undefined;
  const before = asBirthDateFact(e.facts[fact]);
  if (before === undefined || typeof before === 'string') return undefined;
  const read = parseInput(e.programmes.question(e.programme, fact)!.input, text, e.today);
  // (to the day only: a year after an age says no more)
  return read.ok && !read.guessed && typeof asBirthDateFact(read.value) === 'string' ? { fact, value: read.value } : undefined;
}

/**
 * Whether `text` says again, without its year and not as a lunar date, the month and day of the birth
 * date she gave in this interview (俺是七五年八月十五哩 农历, then 阳历是九月二十号).
 */
export function birthDayAgain(e: EarlierAnswers, text: string): boolean {
  const fact = birthDateFact(e);
  const known = fact ? asBirthDateFact(e.facts[fact]) : undefined;
  if (typeof known !== 'string') return false;
  const found = findDateExpressions(text);
  const [month, day] = known.slice(5).split('-').map(Number);
  return (
    found.length === 1 &&
    found[0].year === undefined &&
    found[0].marker !== 'lunar' &&
    !found[0].lunarWords &&
    found[0].month !== undefined &&
    'abs' in found[0].month &&
    found[0].month.abs === month &&
    found[0].day === day
  );
}
