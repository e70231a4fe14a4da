// A plain 不是 to a choice question worded as yes/no often fits several options (丈夫的户口在本地, 有居住证,
// 住了半年, 都不是): she is asked which, once, with only those options listed, numbered afresh. Her
// next answer is read against that short list first (its numbers), then against the whole list.
import { optionLines } from '../domain/parse/optionLines.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { parseChoice, type ChoiceOptionInput } from '../domain/parse/parseChoice.js';
import type { ParseResult } from '../domain/parse/parseResult.js';
import { parseInput, type AnswerValue } from './parseInput.js';

/** Where the short list she was shown is kept (the engine state: choice values). */
interface Kept {
  among?: string[];
}

function shortList(spec: InputSpec, kept: Kept): ChoiceOptionInput[] | undefined {
  const among = kept.among;
  if (spec.type !== 'choice' || !among) return undefined;
  const options = spec.options.filter((o) => among.includes(o.value));
  return options.length > 1 ? options : undefined;
}

/**
 * Her answer to a question: against the short list she was last shown, if any, else as the question
 * reads it (`known`: what she gave for its fact before, see parseInput).
 */
export function readAnswer(spec: InputSpec, text: string, today: string, kept: Kept, known?: unknown): ParseResult<AnswerValue> {
  const short = shortList(spec, kept);
  if (short) {
    const r = parseChoice(text, short);
    if (r.ok) return r;
  }
  const r = parseInput(spec, text, today, known);
  // asked once: a second answer that still fits several is re-prompted with the whole list
  return !r.ok && r.among && short ? { ok: false, error: r.error } : r;
}

/**
 * After an answer that fits only some options: the lines asking which (the short list is kept for her
 * next answer); undefined when there is nothing to narrow. `which` is the question's lead line.
 */
export function askWhich(spec: InputSpec, parsed: ParseResult<unknown>, kept: Kept, which: string): string | undefined {
  if (spec.type !== 'choice' || parsed.ok || !parsed.among || parsed.among.length < 2) {
    delete kept.among;
    return undefined;
  }
  const among = parsed.among;
  kept.among = among;
  const options = spec.options.filter((o) => among.includes(o.value));
  return `${which}\n${optionLines(options)}`;
}

/** The question is answered: the short list is forgotten. */
export function forgetShortList(kept: Kept): void {
  delete kept.among;
}

/** The options a confirmed reading of her words fits (a guess of the same answer for all of them), if it is one. */
export function amongOf(value: unknown): string[] | undefined {
  const among = (value as { among?: unknown } | null)?.among;
  return Array.isArray(among) ? among.map(String) : undefined;
}
