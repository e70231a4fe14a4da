// A warning sign in her message (出血, 摸到硬块, 宝宝不吃奶: the profile's `warningSigns`) is answered at
// once, at any step and before consent too, with the hospital to go to; the conversation then goes
// on where it was. The answer is advice only: nothing is stored (before consent the turn keeps
// nothing anyway). Finding the sign is src/domain/warningSigns.ts; going on is the engine's.
import { daysBetween } from '../domain/calendarDay.js';
import { renderTemplate } from '../domain/template.js';
import { findWarningSign, type SignSituation } from '../domain/warningSigns.js';
import type { WarningGroup, WarningSigns } from '../domain/profile/warningSignsSchema.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { listedOptions } from '../domain/parse/optionLines.js';
import { parseChoice } from '../domain/parse/parseChoice.js';
import type { ShownOption } from '../services/conversationStore.js';
import type { Commands, Flow, Messages } from './flowSchema.js';
import { matchCommand, matchTrigger } from './matchWords.js';
import { parseInput } from './parseInput.js';
import { readShownChoice } from './readShownChoice.js';
import type { Turn } from './turn.js';

export interface WarningSignsPort {
  signs: WarningSigns;
  /** The hospital to name: the designated one nearest her township (when known), else the county MCH hospital. */
  hospital(group: WarningGroup, township: string | undefined): { name: string; phone: string };
  /** Her pregnancy and latest birth, from her records. */
  situation(contactId: string, now: Date): Promise<SignSituation>;
}

/**
 * Says the answer to a warning sign in `text`, if there is one; returns the rest of her message
 * (her words beside the sign, '' when none), or undefined when her message names no sign.
 */
export async function answerWarningSign(
  port: WarningSignsPort | undefined,
  turn: Turn,
  text: string,
  facts: () => Promise<Record<string, unknown>>,
): Promise<{ rest: string } | undefined> {
  if (!port) return undefined;
  const found = findWarningSign(text, port.signs, await port.situation(turn.contact.id, turn.now));
  if (!found) return undefined;
  const township = (await facts()).township;
  const h = port.hospital(found.group, typeof township === 'string' ? township : undefined);
  turn.say(renderTemplate(found.text, { hospitalName: h.name, hospitalPhone: h.phone }));
  return { rest: found.rest };
}

/** Whether `text` (her words beside a sign) reads as an answer to the question she is on. */
export function answersQuestion(text: string, input: InputSpec, shown: readonly ShownOption[] | undefined, today: string, messages: Messages): boolean {
  if (!text) return false;
  const read = readShownChoice(text, input, shown, today, messages);
  if (read) return read.kind === 'again' || read.read.ok;
  if (shown && input.type === 'dynamicChoice') return parseChoice(text, listedOptions(shown)).ok;
  return parseInput(input, text, today).ok;
}

/** Her situation from her records: a pregnancy going on, and the days since her latest birth. */
export async function situationFromRecords(
  records: { active(contactId: string): Promise<unknown>; latest(contactId: string): Promise<{ status: string; birthDate: string | null } | undefined> },
  contactId: string,
  today: string,
): Promise<SignSituation> {
  if (await records.active(contactId)) return { pregnant: true };
  const latest = await records.latest(contactId);
  if (latest?.status !== 'born' || !latest.birthDate) return { pregnant: false };
  return { pregnant: false, daysSinceBirth: daysBetween(latest.birthDate, today) };
}

/**
 * What follows a warning sign's answer: `route` her other words as usual (they answer the question
 * she is on, use a command, or ask for something), ask the question she was on `again`, or `none`
 * (at rest: the answer stands alone; her words beside it only started advice it already gave).
 */
export function afterSign(
  rest: string,
  at: { waiting?: { input?: InputSpec; requests?: boolean }; consented: boolean; shown?: readonly ShownOption[]; today: string; given?: string[] },
  flowSet: { flows: Map<string, Flow>; commands: Commands; messages: Messages },
): { route: string } | 'again' | 'none' {
  // advice the sign's answer already gave (怕流产 beside 见红), or what a side answer said (`given`), is not given again
  const asks = (flowId: string | undefined) => !!flowId && !flowSet.flows.get(flowId)?.adviceOnly && !at.given?.includes(flowId);
  const command = rest ? matchCommand(rest, flowSet.commands) : undefined;
  // (at rest, a yes answers the seat held for her: 中中 俺要 明个前晌去, beside 要带户口本不)
  const trigger = rest ? matchTrigger(rest, flowSet.flows.values(), { plainYes: at.consented && !at.waiting, openingYes: true }) : undefined;
  if (at.waiting) {
    const input = at.waiting.input;
    const request = at.waiting.requests && asks(trigger?.flowId);
    return asks(command) || request || (input && answersQuestion(rest, input, at.shown, at.today, flowSet.messages)) ? { route: rest } : 'again';
  }
  if (asks(command) || asks(trigger?.flowId)) return { route: rest };
  // before consent the notice follows as usual
  return at.consented ? 'none' : { route: '' };
}
