// Her words already written, read as the answer to a question marked `fromTrigger`: the message
// that started the flow ("宝宝昨天生的" answers "宝宝是哪天出生的？"), then what an earlier answer said
// besides ("孕11周 一个宝宝": the twins). A reading of part of her words (a guess) only by the first
// question her message was about: words written for another question are not taken on part of them,
// but a clause of them that reads by itself is.
import { carriedClauses } from '../domain/parse/carriedClauses.js';
import { speaksOfAnotherWoman } from '../domain/parse/ofAnotherWoman.js';
import { monthsPregnant } from '../domain/pregnancy/monthsPregnant.js';
import { dayToGo } from '../domain/pregnancy/statesGestation.js';
import { fail, type ParseResult } from '../domain/parse/parseResult.js';
import type { EngineState, ShownOption } from '../services/conversationState.js';
import type { AskStep } from './flowSchema.js';
import { parseInput } from './parseInput.js';
import { datesPregnancy } from './cycleWords.js';
import { confirmsGuess } from './prompts.js';
import { namesDaysThatDiffer, readEarlierChoice } from './readShownChoice.js';
import { namesSessionOnly, SESSIONS_SOURCE } from './answerAhead.js';

/**
 * The answer her earlier words give the question `key` (flowId.stepId), read by `read`: the message
 * that started the flow, tried once by each question; then the clauses an earlier answer left, used
 * up as read. Undefined when none reads. `whole`: her message is read only whole, not by its clauses
 * (two days in it that differ: one clause's day would be a guess).
 */
export function readEarlierWords(
  engine: EngineState,
  key: string,
  read: (text: string) => ParseResult<unknown>,
  whole?: (text: string) => boolean,
): { value: unknown } | undefined {
  const trigger = engine.trigger;
  if (trigger && !trigger.tried.includes(key)) {
    // the question her message was about may take it on part of her words (想约唐筛: 唐氏筛查)
    const first = trigger.tried.length === 0;
    trigger.tried.push(key);
    const r = read(trigger.text);
    if (r.ok && (first || !r.guessed)) return { value: r.value };
    // else a clause of it that reads by itself (登记孕期 孕9周 双胞胎: 双胞胎; 糖耐量预约 周四去: 周四),
    // or on part of it by the question her message was about (我想约一下两癌礼拜一早上去|可以不咯…)
    for (const clause of whole?.(trigger.text) ? [] : carriedClauses(trigger.text, undefined, true)) {
      const c = clause === trigger.text ? undefined : read(clause);
      if (c?.ok && (first || !c.guessed)) return { value: c.value };
    }
  }
  const carried = engine.carried ?? [];
  for (const [i, clause] of carried.entries()) {
    const r = read(clause);
    if (!r.ok || r.guessed) continue;
    carried.splice(i, 1);
    if (carried.length === 0) delete engine.carried;
    return { value: r.value };
  }
  return undefined;
}

/**
 * Keeps the clauses of her answer `text` that did not answer the question (`answered`), for the
 * questions that follow. An answer that is all answer (同意 to the health consent, 1 at a list) leaves
 * what an answer before it left (唐筛 我18周了: the weeks, for the weeks question after the consent).
 * `going`: the questions of a booking follow, and a question whether she may go then is her day and place.
 */
export function keepRestOfAnswer(engine: EngineState, text: string, answered: (clause: string) => boolean, going = false): void {
  const rest = text ? carriedClauses(text, answered, going) : [];
  if (rest.length > 0) engine.carried = rest;
}

/** Why her earlier words cannot answer a question (months, not weeks; a month without the day: `heard`, her words). */
export type WhyNotAnswer = { why: 'months' } | { why: 'part_of_month'; heard: string };

/** What her earlier words give a question: its answer, or why they cannot (that question's re-prompt). */
export type EarlierAnswer = { value: unknown } | WhyNotAnswer;

/**
 * Her words already written, read as the answer to `step` when it is marked `fromTrigger` (a list
 * of options shown: `options`; what she gave for it before: `known`). A day she named also names the session (后天上午): kept as the next
 * question's answer. A reading that must be confirmed is not taken: she is asked instead.
 */
export function readStepFromEarlierWords(
  engine: EngineState,
  today: string,
  flowId: string,
  step: AskStep,
  options: ShownOption[] | undefined,
  known?: unknown,
): EarlierAnswer | undefined {
  if (!step.fromTrigger) return undefined;
  let nextAnswer: string | undefined;
  const dates = step.input.type === 'gestation' || step.input.type === 'dating';
  const read = (text: string): ParseResult<unknown> => {
    // another woman's weeks are not hers (我妹妹怀孕12周 想约NT)
    if (dates && speaksOfAnotherWoman(text)) return fail('unrecognised');
    // a day she goes on is no due date (想约NT 后天上午: the day of the booking)
    if (dates && dayToGo(text, today)) return fail('unrecognised');
    // a count (her cycle) is not read from words that date the pregnancy (末次月经25号)
    if (step.input.type === 'integer' && datesPregnancy(text)) return fail('unrecognised');
    // a session only from words that are only one (上午去; not 俺今儿上午刚从地里回来 想约两癌)
    if (step.input.type === 'dynamicChoice' && step.input.source === SESSIONS_SOURCE && !namesSessionOnly(text, today)) return fail('unrecognised');
    let r: ParseResult<unknown>;
    if (!options) r = parseInput(step.input, text, today, known);
    else {
      const shown = readEarlierChoice(text, options, today);
      nextAnswer = shown.nextAnswer;
      r = shown.read;
    }
    return r.ok && r.guessed && confirmsGuess(step, r.value) ? fail('unrecognised') : r;
  };
  // (13号那天去 礼拜四, 13 March being a Friday: not the day of one clause; she is asked)
  const key = `${flowId}.${step.id}`;
  const unread = dates && engine.trigger && !engine.trigger.tried.includes(key) ? engine.trigger.text : undefined;
  const found = readEarlierWords(engine, key, read, (text) => !!options && namesDaysThatDiffer(text, options, today));
  if (found && nextAnswer) engine.nextAnswer = nextAnswer;
  // her months (怀孕三个月了 帮俺登记一下): asked for what dates it, saying why, as an answer in months is
  const months = unread !== undefined && !speaksOfAnotherWoman(unread) && [unread, ...carriedClauses(unread)].some((c) => monthsPregnant(c, today));
  if (found) return found;
  if (months) return { why: 'months' };
  // her last period as a month without the day (末次月经是冬月底): asked for the day, naming what she said
  const partOfMonth =
    unread !== undefined && step.input.type === 'dating' ? [unread, ...carriedClauses(unread)].find((c) => isPartOfMonth(read(c))) : undefined;
  return partOfMonth ? { why: 'part_of_month', heard: partOfMonth } : undefined;
}

function isPartOfMonth(r: ParseResult<unknown>): boolean {
  return !r.ok && r.error === 'part_of_month';
}
