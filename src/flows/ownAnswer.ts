// Her answer to the question she is asked, read as the question reads it; at a confirmation of a day
// or of her dates, the day or the dates she names instead (restated, not a new answer).
import { fail, guessed, ok, type ParseResult } from '../domain/parse/parseResult.js';
import { answersAfterInterview, answersSomeQuestion } from './otherAnswer.js';
import { saysNoInOwnWords } from '../domain/parse/ownWordsNo.js';
import { readAnswer } from './choiceAnswer.js';
import type { AskStep, Flow } from './flowSchema.js';
import { restatedDay } from './readShownChoice.js';
import { parseInput } from './parseInput.js';
import { labelOf } from './prompts.js';
import { answerBesideDating, restatedAnswer } from './restatedAnswer.js';
import type { ShownOption } from '../services/conversationStore.js';
import type { Turn } from './turn.js';
import type { ProgrammePort } from './programmePort.js';
import type { EngineOptions } from './engineOptions.js';
import { yesByAnswerAhead } from './answerAhead.js';

/**
 * `known`: what she gave for the step's fact before; `shownText`: the question as she read it. At a yes/no
 * question, words that answer a question only its yes leads to are that yes (answerAhead.ts).
 */
export function readOwnAnswer(
  turn: Turn,
  flow: Flow,
  step: AskStep,
  text: string,
  known: unknown,
  shownText: string,
  o: Pick<EngineOptions, 'programmes' | 'flowSet'>,
): ParseResult<unknown> {
  const { programmes } = o;
  const r = besideOtherAnswers(readAnswer(step.input, text, turn.today, turn.engine, known), turn, step, text, known, programmes);
  // a no in her own words (不用记俺的): no sure yes or no stands against it
  if ((!r.ok || (r.guessed && r.value === false)) && ownNoLabel(step, text)) return guessed(false);
  // a yes or no read from part of words that answer a question of the interview (户口在孙店 没迁过, at a
  // confirmation: 没 is no no): no answer here; they are heard as that answer (EligibilityInterview.restatedAfter)
  if (r.ok && r.guessed && step.input.type === 'yesno' && answersInterview(text, turn.today, programmes)) return fail('unrecognised');
  const { vars } = turn.state;
  return r.ok
    ? r
    : (restatedDay(text, flow, step, vars, turn.today) ??
        restatedAnswer(text, flow, step, vars, turn.today, shownText) ??
        answerBesideDating(text, flow, step, vars, turn.today) ??
        birthDateChoice(turn, step, text, programmes) ??
        (yesByAnswerAhead(turn, o.flowSet.flows, flow, step, text) ? ok(true) : r));
}

/**
 * A yes and a no together (同意 冇怀孕 早就结扎哒, at the health consent): the clauses that answer questions
 * of the interview are not this question's (they are kept for it: EligibilityInterview), the rest read alone.
 */
function besideOtherAnswers(r: ParseResult<unknown>, turn: Turn, step: AskStep, text: string, known: unknown, programmes: ProgrammePort): ParseResult<unknown> {
  if (r.ok || r.error !== 'ambiguous' || step.input.type !== 'yesno') return r;
  const clauses = text.split(/[\s,，。!！?？；;、]+/u).filter(Boolean);
  const own = clauses.filter((c) => !answersSomeQuestion(c, programmes, turn.today));
  if (own.length === 0 || own.length === clauses.length) return r;
  const again = readAnswer(step.input, own.join(' '), turn.today, turn.engine, known);
  return again.ok ? again : r;
}

/** Whether her words answer a question of an eligibility interview that is not sensitive (her 户口, 农村 or 城镇). */
function answersInterview(text: string, today: string, programmes: ProgrammePort): boolean {
  return answersAfterInterview(text, { programmes, facts: {}, healthConsent: false, today }) !== undefined;
}

/**
 * Her birth date or age where a choice takes it for an option (`birthDateChooses`: the menu's
 * two-cancer check): her words are kept as the words that asked for it, which its interview reads.
 * Not when her age alone already keeps her out of it (a pregnant woman of 30 giving her birth date
 * at the menu is not asking about a screening she is too young for: a refusal is never a guess).
 */
function birthDateChoice(turn: Turn, step: AskStep, text: string, programmes: ProgrammePort): ParseResult<unknown> | undefined {
  const programme = step.birthDateChooses;
  if (!programme || step.input.type !== 'choice') return undefined;
  const birthDate = parseInput({ type: 'birthDate' }, text, turn.today);
  if (!birthDate.ok) return undefined;
  const decision = programmes.has(programme) ? programmes.decide(programme, { birthDate: birthDate.value }, turn.today) : undefined;
  if (decision?.status === 'decided' && !decision.eligible) return undefined;
  turn.engine.trigger = { text, tried: [] };
  return ok(programme);
}

/** How her own words' no is named back to her (the step's `ownNo`), when they say one. */
export function ownNoLabel(step: AskStep, text: string): string | undefined {
  return step.ownNo && saysNoInOwnWords(text, step.ownNo) ? step.ownNo.label : undefined;
}

/**
 * How a guess is named when she is asked to confirm it: a yes/no question's no in her own words by its
 * label; undefined for another guess of a yes/no question (a question read from part of her words, such
 * as 我不识字 at the privacy notice, is asked again: it is its own confirmation); else the option's label.
 */
export function guessLabel(step: AskStep, value: unknown, text: string, shown: ShownOption[] | undefined): string | undefined {
  if (step.input.type === 'yesno') return value === false ? ownNoLabel(step, text) : undefined;
  return labelOf(step.input, value, shown);
}
