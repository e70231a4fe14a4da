// Her answer to another question of the eligibility interview than the one she is asked: the next one
// (农村的 at 您的户口在项城市吗), one further on (her birth date at 您想问哪一种免费筛查), one she answered
// already. It is no answer to the question asked: her words are kept with the clauses the interview
// reads when it comes to that question (`interview.carried`, read by readCarried, which then does not
// ask it), she is told they were kept, and she is asked the question again. Only words that question's
// own reader takes by themselves (`readsAs`), that no other question of the interview reads, and a
// health answer only once she gave the health consent.
import { carriedClauses } from '../domain/parse/carriedClauses.js';
import { readDayWords } from '../domain/booking/readDay.js';
import { findDateExpressions } from '../domain/parse/dateExpression.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { endsInOwnWord } from '../domain/parse/ownWords.js';
import { statesAge } from '../domain/parse/parseBirthDate.js';
import { parseYesNo } from '../domain/parse/parseYesNo.js';
import type { EngineState } from '../services/conversationState.js';
import { parseInput } from './parseInput.js';
import type { ProgrammePort } from './programmePort.js';
import { HUSBAND_SOURCE } from '../domain/parse/husbandWords.js';

/** A clause that says what she wants (想查宫颈, 要约个乳腺彩超), not what is. */
const WISH = /^(?:我|俺|我们|俺们)?(?:也|就|还)?(?:想|要|打算|准备|希望)/u;
/** A number alone (2, 第三个, ②): an option of the list she was shown, not of a list she was not. */
const BARE_NUMBER = /^[\s第]*(?:[0-9０-９]{1,3}|[零〇一二两三四五六七八九十]{1,3}|[①-⑩])[个号项条种]?[\s。.!！]*$/u;

/** A word that is a whole no by itself (没有, 没, 从来没有), whatever the question. */
function plainNo(word: string): boolean {
  const r = parseYesNo(word);
  return r.ok && !r.guessed;
}

/**
 * Whether `clause` says "never" in words of the question's own (没查过, 从来没做过), not only with a
 * plain 没有 or 没 that answers whatever was asked.
 */
function namesNone(input: InputSpec, clause: string): boolean {
  const noneWords = input.type === 'date' || input.type === 'integer' ? input.noneWords : [];
  return noneWords.some((w) => clause.includes(w) && !plainNo(w));
}

/**
 * Whether a clause of her answer is the answer to the question asked (`input`), not words to keep for the
 * questions that follow (`later`, their inputs): one it reads, but not a "never" that a later question
 * reads in its own words (没有查过 也没有做过啥手术: the second clause is the hysterectomy question's).
 */
export function answersAsked(input: InputSpec, clause: string, today: string, known: unknown, later: readonly InputSpec[]): boolean {
  const read = parseInput(input, clause, today, known);
  return read.ok && !(read.value === null && later.some((i) => readsAs(i, clause, today)));
}

/**
 * The answer words written for another question (or beside another answer) give the question of
 * `input`, when they give it by themselves: not a guess, not a yes or a no but one in the question's
 * own words (我怀孕了 to 您现在怀孕了吗), not a wish, not her age for another date, not a bare number.
 */
export function readsAs(input: InputSpec, clause: string, today: string): { value: unknown } | undefined {
  if (input.type === 'choice' && BARE_NUMBER.test(clause)) return undefined;
  // a yes or a no means nothing without the question it answered: only one that ends in this
  // question's own words of two characters or more (not 两癌筛查 to 会查吗)
  const ownWords = input.type === 'yesno' || input.type === 'choice' ? [...(input.yesWords ?? []), ...(input.noWords ?? [])].filter((w) => w.length >= 2) : [];
  const plain = clause.replace(/[了的呢啊呀吧]+$/u, '');
  const inOwnWords = ownWords.some((w) => clause.endsWith(w) || plain.endsWith(w));
  // …or in their spoken variants (也没有做过啥手术, 子宫也没切过): read as the words they stand for
  const spoken = inOwnWords ? undefined : endsInOwnWord(clause, ownWords);
  if ((input.type === 'yesno' || parseYesNo(clause).ok) && !inOwnWords && !spoken) return undefined;
  // what she wants is no fact of hers (想查查宫颈癌和乳腺 is no 单位体检会查)
  if (input.type === 'yesno' && WISH.test(clause)) return undefined;
  // her age is no other date (我今天满35了: not a screening today); beside a no in the question's own
  // words it is a reason (都五十多了怀啥孕)
  if (input.type !== 'birthDate' && input.type !== 'yesno' && statesAge(clause)) return undefined;
  const read = parseInput(input, spoken?.text ?? clause, today);
  if (!read.ok || read.guessed) return undefined;
  // "never" read from a bare 没有 is the rest of another answer (我没上班 单位都没有: not 没查过)
  if (read.value === null && !namesNone(input, clause)) return undefined;
  return { value: read.value };
}

export interface OtherQuestions {
  programmes: ProgrammePort;
  /** The programmes whose interview is under way or follows (at the programme choice: each it offers). */
  programmeIds: readonly string[];
  /** The fact she is asked (none at the programme choice): words it reads are its own, never kept. */
  asking?: string;
  /** What is known about her: a question answered with another value is not answered again this way. */
  facts: Record<string, unknown>;
  healthConsent: boolean;
  today: string;
}

type Reader = { fact: string; value: unknown; sensitive: boolean; choice: boolean } | 'asked' | 'again' | 'none' | undefined;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The question of `programme` that takes `clause`: the first in the rules' order that reads it (the
 * one readCarried gives carried words to), when it is not answered yet; 'again' when it was, with the
 * same answer (none when with another: a year is her birth year before it is when she was screened);
 * 'asked' when the question asked reads it.
 */
function readerIn(programme: string, clause: string, o: OtherQuestions): Reader {
  let first: Reader;
  for (const fact of o.programmes.facts(programme)) {
    const q = o.programmes.question(programme, fact);
    const read = q && readsAs(q.input, clause, o.today);
    if (!q || !read) continue;
    if (fact === o.asking) return 'asked';
    if (first !== undefined) continue;
    const known = o.facts[fact];
    if (known === undefined) first = { fact, value: read.value, sensitive: q.sensitive, choice: q.input.type === 'choice' };
    else first = same(known, read.value) ? 'again' : 'none';
  }
  return first === 'none' ? undefined : first;
}

/** The reader of `clause` in every programme that has one, when they agree; a health question only after the health consent. */
function readerOf(clause: string, o: OtherQuestions): Reader {
  const readers = o.programmeIds.map((p) => readerIn(p, clause, o)).filter((r) => r !== undefined);
  if (readers.includes('asked')) return 'asked';
  const [one, ...more] = readers;
  if (!more.every((r) => same(r, one))) return undefined;
  return typeof one === 'object' && one.sensitive && !o.healthConsent ? undefined : one;
}

type Answer = Extract<Reader, object>;

/**
 * The answers `text` (all of it, else its clauses) gives other questions of the interview, each with
 * the words that give it ([] when she only said again what she answered before); undefined when they
 * answer none, or when the question asked reads any of them (its own answer wins, as before).
 */
export function otherAnswers(text: string, o: OtherQuestions): { words: string; answer: Answer }[] | undefined {
  const whole = readerOf(text.trim(), o);
  if (whole === 'asked') return undefined;
  if (whole === 'again') return [];
  if (typeof whole === 'object') return [{ words: text.trim(), answer: whole }];
  const clauses = carriedClauses(text);
  const readers = clauses.map((c) => readerOf(c, o));
  if (readers.includes('asked') || readers.every((r) => r === undefined)) return undefined;
  return clauses.flatMap((words, i) => {
    const answer = readers[i];
    return typeof answer === 'object' ? [{ words, answer }] : [];
  });
}

/** The words of `text` that answer other questions of the interview, to keep for them (see otherAnswers). */
export function answersToOtherQuestions(text: string, o: OtherQuestions): string[] | undefined {
  return otherAnswers(text, o)?.map((a) => a.words);
}

/** Keeps `words` for the interview's questions that they answer: read when it comes to them. */
export function keepForInterview(engine: EngineState, words: readonly string[]): void {
  const interview = (engine.interview ??= { answered: [] });
  (interview.carried ??= []).push(...words);
}

/**
 * `text` without the own words (two characters or more) of the yes/no questions of `inputs` (没有单位,
 * 种田 of the employer check-up question): what is left of it for the question asked. 冇得单位在屋里种田
 * at the 户口 question leaves 在屋里, no 不是 to the 户口 question.
 */
export function withoutWordsOf(text: string, inputs: readonly InputSpec[]): string {
  const words = inputs
    .flatMap((i) => (i.type === 'yesno' ? [...i.yesWords, ...i.noWords] : []))
    .filter((w) => w.length >= 2)
    .sort((a, b) => b.length - a.length);
  return words.reduce((t, w) => t.replaceAll(w, ' '), text);
}

/**
 * Her words after the interview (at a day list, a confirmation, an offer) read as answers to the questions
 * of any one programme, each programme on its own (the two-cancer 户口 and the prenatal one are two facts
 * of the same words): the new answers of every programme that reads them all as plain choices (not a
 * health answer: a date read there may be of anything); [] when she only said again what is known;
 * undefined when no programme reads them so.
 */
export function answersAfterInterview(text: string, o: Omit<OtherQuestions, 'programmeIds' | 'asking'>): Answer[] | undefined {
  let read = false;
  const kept: Answer[] = [];
  for (const p of o.programmes.ids()) {
    const answers = otherAnswers(text, { ...o, programmeIds: [p] });
    if (!answers || !answers.every(({ answer }) => answer.choice && !answer.sensitive)) continue;
    read = true;
    for (const { answer } of answers) if (!kept.some((k) => k.fact === answer.fact)) kept.push(answer);
  }
  return read ? kept : undefined;
}

/** A year named (1977年, 七七年, 去年): a date with it is not a day ahead. */
const YEAR_NAMED = /(?:\d{2,4}|[零〇一二三四五六七八九]{2,4})\s*年|去年|前年/u;
/** Someone else of hers, whose date a clause may be (俺老公1975年的, 俺闺女2001年的). */
const SOMEONE_ELSES = new RegExp(`${HUSBAND_SOURCE}|闺女|女儿|儿子|孩子|娃|伢|婆婆|公公|妈|娘|爹|爸|姐|妹|嫂|奶奶|姥姥|外婆`, 'u');

/**
 * Whether her clause answers a question of the interview of one of `programmeIds` (every programme's by
 * default; a health question too when `healthConsent`: 冇怀孕, 早就结扎哒). Never a clause that names a day
 * without a year (15号上午去, 腊月初八): a day she wants to go is no date of a past screening; a date with
 * its year (俺是1977年6月12嘞, 去年5月查过) is, unless it may be someone else's (俺老公1975年的).
 */
export function answersSomeQuestion(clause: string, programmes: ProgrammePort, today: string, programmeIds = programmes.ids(), healthConsent = true): boolean {
  const dated = readDayWords(clause, today).kind !== 'none' || findDateExpressions(clause).length > 0;
  if (dated && (!YEAR_NAMED.test(clause) || SOMEONE_ELSES.test(clause))) return false;
  return programmeIds.some((p) => (otherAnswers(clause, { programmes, programmeIds: [p], facts: {}, healthConsent, today })?.length ?? 0) > 0);
}

/**
 * The clauses an answer left besides (engine.carried: 同意 户口就在这里 种田的 at the privacy notice; 同意 冇怀孕
 * 早就结扎哒 at the health consent) that answer questions of the interview: taken out for it, the rest (a day
 * for the booking after it) left for the questions they answer.
 */
export function takeInterviewClauses(engine: EngineState, programmes: ProgrammePort, programme: string, healthConsent: boolean, today: string): string[] {
  const rest = engine.carried ?? [];
  const mine = rest.filter((c) => answersSomeQuestion(c, programmes, today, [programme], healthConsent));
  if (mine.length === 0) return [];
  engine.carried = rest.filter((c) => !mine.includes(c));
  if (engine.carried.length === 0) delete engine.carried;
  return mine;
}
