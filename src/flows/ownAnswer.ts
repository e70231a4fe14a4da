// Her answer to the question she is asked, read as the question reads it; at a confirmation of a day
// or of her dates, the day or the dates she names instead (restated, not a new answer).
import type { ParseResult } from '../domain/parse/parseResult.js';
import { readAnswer } from './choiceAnswer.js';
import type { AskStep, Flow } from './flowSchema.js';
import { restatedDay } from './readShownChoice.js';
import { restatedAnswer } from './restatedAnswer.js';
import type { Turn } from './turn.js';

/** `known`: what she gave for the step's fact before; `shownText`: the question as she read it. */
export function readOwnAnswer(turn: Turn, flow: Flow, step: AskStep, text: string, known: unknown, shownText: string): ParseResult<unknown> {
  const r = readAnswer(step.input, text, turn.today, turn.engine, known);
  const { vars } = turn.state;
  return r.ok ? r : (restatedDay(text, flow, step, vars, turn.today) ?? restatedAnswer(text, flow, step, vars, turn.today, shownText) ?? r);
}
