// Her answer to a question still ahead, written at the one asked: the day of a booking at its 户口
// question or its list of townships (后天上午, 礼拜四); her pregnancy's dates at the health consent asked
// before them (末次月经腊月初八). Not a failed answer: kept with the clauses her answers left
// (`engine.carried`, forgotten when the conversation rests: she declines, or goes silent), read by that
// question when it comes (`fromTrigger`), and she is told so before the question asked again. Only
// words that read whole as that answer are kept, and only after she agreed to the privacy notice.
import { readDayWords } from '../domain/booking/readDay.js';
import { speaksOfAnotherWoman } from '../domain/parse/ofAnotherWoman.js';
import { parseGestation } from '../domain/pregnancy/parseGestation.js';
import { dayToGo } from '../domain/pregnancy/statesGestation.js';
import type { Flow, Step } from './flowSchema.js';
import type { Turn } from './turn.js';

/** The source of a list of days (booking.yaml's day step). */
export const DAYS_SOURCE = 'booking.days';

/** The steps after the one she is at, in this flow and in the flows that called it (from where each goes on). */
function stepsAhead(turn: Turn, flows: ReadonlyMap<string, Flow>, flow: Flow): Step[] {
  const at = flow.steps.findIndex((s) => s.id === turn.state.stepId);
  const ahead = at < 0 ? [] : flow.steps.slice(at + 1);
  for (const frame of [...turn.engine.stack].reverse()) {
    const caller = flows.get(frame.flowId);
    const from = caller ? caller.steps.findIndex((s) => s.id === frame.target) : -1;
    if (caller && from >= 0) ahead.push(...caller.steps.slice(from));
  }
  return ahead;
}

/** Whether her words, whole, answer `step` when it comes (a question that reads her earlier words). */
function answers(step: Step, text: string, today: string): boolean {
  if (step.kind !== 'ask' || !step.fromTrigger) return false;
  const { input } = step;
  if (input.type === 'dating' || input.type === 'gestation') {
    return parseGestation(text, today).ok && !dayToGo(text, today) && !speaksOfAnotherWoman(text);
  }
  if (input.type !== 'dynamicChoice' || input.source !== DAYS_SOURCE) return false;
  const day = readDayWords(text, today);
  return day.kind === 'day' && day.day >= today;
}

/** Keeps her words for a question ahead that they answer; false when they answer none (or she has not agreed to the notice). */
export function keepForQuestionAhead(turn: Turn, flows: ReadonlyMap<string, Flow>, flow: Flow, text: string): boolean {
  if (!turn.consented || !stepsAhead(turn, flows, flow).some((s) => answers(s, text, turn.today))) return false;
  (turn.engine.carried ??= []).push(text.trim());
  turn.state.failures = 0;
  return true;
}
