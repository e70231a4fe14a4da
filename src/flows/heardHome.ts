// The township she named as where she lives or her 户口 (户口在南顿镇, 俺是秣陵的, 我是东门村的: its
// township), in the message that started the flow, an earlier answer or an answer of the eligibility
// questions: the answer of a question marked `fromHome` (您住在哪个乡镇？), taken with a line that
// says which (按您说的南顿镇…), so that she can correct it. Written again at a later question of the
// flow (南顿镇, at the list of hospitals), it is no failed answer: that question again, with the line.
// So are her pregnancy's dates, said again at one of its questions (11周3天 刚才说过了, at the list of days).
import { homeTownship, type HomePlace } from '../domain/parse/homePlace.js';
import { fail, ok } from '../domain/parse/parseResult.js';
import { renderTemplate } from '../domain/template.js';
import type { EngineState, ShownOption } from '../services/conversationState.js';
import { readEarlierWords, readStepFromEarlierWords, type EarlierAnswer } from './earlierWords.js';
import type { AskStep, Flow } from './flowSchema.js';
import type { Prompts } from './prompts.js';
import { datesSaidAgain } from './restatedAnswer.js';
import { answersSkipped, keepForQuestionAhead } from './answerAhead.js';
import { requestSaidAgain } from './requestAgain.js';
import type { Turn } from './turn.js';

/** The county's townships (with their villages) and its names (项城市, 项城), for reading where she lives. */
export interface HomePlaces {
  places: readonly HomePlace[];
  /** the county's names (项城市, 项城), the full name first */
  county: readonly string[];
  /** the county's designated hospitals, for a hospital she names before she is asked (src/flows/answerAhead.ts) */
  hospitals?: readonly { id: string; name: string }[];
}

/** Keeps the township her answer names as her home (a later one stands over an earlier one), until the conversation rests. */
export function noteHome(engine: EngineState, text: string, home: HomePlaces | undefined): void {
  const value = home && homeTownship(text, home.places, home.county);
  if (value) engine.home = value;
}

/**
 * At a question marked `fromHome`: the township she named (an answer of the eligibility questions, else
 * her words that started the flow or the rest of an earlier answer), when it is one of the `options`;
 * its line said. Undefined otherwise (she is asked).
 */
export function takeHome(
  turn: Turn,
  flowId: string,
  step: AskStep,
  options: ShownOption[] | undefined,
  home: HomePlaces | undefined,
): { value: unknown } | undefined {
  if (!step.fromHome || !options || !home) return undefined;
  const read = (text: string) => {
    const value = homeTownship(text, home.places, home.county);
    return value ? ok(value) : fail('unrecognised');
  };
  const value = turn.engine.home ?? readEarlierWords(turn.engine, `${flowId}.${step.id}`, read)?.value;
  const option = options.find((o) => o.value === value);
  if (!option) return undefined;
  turn.say(renderTemplate(step.fromHome, { answer: option.label }));
  return { value: option.value };
}

/**
 * Her words at another question of `flow`, when they are the township a `fromHome` question of it
 * took (南顿镇, 南顿, 俺是南顿的): its line and `again` (the question), to say; undefined otherwise.
 */
export function restatedHome(turn: Turn, flow: Flow, text: string, home: HomePlaces | undefined, again: () => string): string | undefined {
  if (!home) return undefined;
  const step = flow.steps.find((s) => s.kind === 'ask' && s.fromHome && s.save && turn.state.vars[s.save] !== undefined);
  if (step?.kind !== 'ask' || !step.fromHome || !step.save) return undefined;
  const value = turn.state.vars[step.save];
  const place = home.places.find((p) => p.value === value);
  // the township's name alone (南顿镇, 南顿), or said as her home (俺是南顿的)
  const words = text.replace(/[^\p{L}\p{N}]+/gu, '').replace(/[的了啊呀哈嘛哩嘞]+$/u, '');
  const named = place?.names.some((n) => n === words || n.replace(/(街道|镇|乡)$/u, '') === words);
  if (!place || !(named || homeTownship(text, home.places, home.county) === value)) return undefined;
  return `${renderTemplate(step.fromHome, { answer: place.names[0] })}\n${again()}`;
}

/**
 * Her words at a question of `flow` that it cannot read, when they say again what she said before: her
 * township (restatedHome), her pregnancy's dates (11周3天 刚才说过了, at the list of days) or the words that
 * started the flow (requestAgain.ts; not 还是约唐筛吧 at the days of NT: that may be another request): heard,
 * and `again` (the question), to say; or they answer a question still ahead, kept for it (answerAhead.ts).
 * Undefined otherwise.
 */
export function saidAgain(
  turn: Turn,
  flows: ReadonlyMap<string, Flow>,
  flow: Flow,
  text: string,
  home: HomePlaces | undefined,
  again: () => string,
  say: Prompts,
): string | undefined {
  const township = restatedHome(turn, flow, text, home, again);
  if (township) return township;
  const step = flow.steps.find((s) => s.id === turn.state.stepId);
  const dates = step?.kind === 'ask' && datesSaidAgain(text, flow, step, turn.state.vars, turn.today);
  // (or her request: 中 那给俺约NT 去人民医院, at the list of days it led to)
  if (dates || requestSaidAgain(turn.engine.trigger?.text, text)) return `${say.heardAlready(turn)}\n${again()}`;
  // her answer to a question ahead (后天上午 at the list of townships): kept for it
  if (keepForQuestionAhead(turn, flows, flow, text, home)) return `${say.keptForLater(turn)}\n${again()}`;
  // or to one the flow skipped (一个 冇得双胞胎, where twins change nothing): heard
  return answersSkipped(turn, flow, text) ? `${say.notAsked(turn)}\n${again()}` : undefined;
}

/** Her words already written, read as the answer to `step`: the township she named (`fromHome`), else as `fromTrigger` says (src/flows/earlierWords.ts). */
export function earlierAnswer(
  turn: Turn,
  flowId: string,
  step: AskStep,
  options: ShownOption[] | undefined,
  home: HomePlaces | undefined,
  known: unknown,
): EarlierAnswer | undefined {
  return takeHome(turn, flowId, step, options, home) ?? readStepFromEarlierWords(turn.engine, turn.today, flowId, step, options, known);
}
