// One clause of her words may answer two questions: how far along she is (想约唐筛 18周了; 预产期10月15;
// 俺怀孕四个月了: months, that date nothing)
// says yes to 您现在怀孕了吗 (a question marked `gestationIsYes`) by implication, and still gives the
// weeks the booking or the dating asks next. So the clause is not used up by the yes: it stays for
// the weeks question, wherever it waits (the words that started the flow, or the rest of an answer).
import { carriedClauses } from '../domain/parse/carriedClauses.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { parseYesNo } from '../domain/parse/parseYesNo.js';
import { speaksOfAnotherWoman } from '../domain/parse/ofAnotherWoman.js';
import { statesGestation } from '../domain/pregnancy/statesGestation.js';
import { parseInput } from './parseInput.js';

/**
 * The clause of `clauses` (her earlier words, all of them) that answers `input` with a yes by
 * implication, or undefined. None when any of them speaks of another woman (我妹妹怀孕12周) or reads
 * as a no to the question (没怀孕, 结扎了): she is asked.
 */
export function impliedYes(input: InputSpec, clauses: readonly string[], today: string): string | undefined {
  if (input.type !== 'yesno' || !input.gestationIsYes) return undefined;
  if (clauses.some((c) => speaksOfAnotherWoman(c))) return undefined;
  if (clauses.some((c) => saysNo(input, c, today))) return undefined;
  return clauses.find((c) => statesGestation(c, today, input.lastPeriodIsYes));
}

function saysNo(input: InputSpec, clause: string, today: string): boolean {
  const r = parseInput(input, clause, today);
  return r.ok && r.value === false;
}

/**
 * Her answer says again how far along she is, with at most a yes beside it (是的 十三周哒, 是啊 11周3天了):
 * the pregnancy she told already, not an answer to the question asked after it (您或您丈夫的户口在…吗).
 */
export function restatesGestation(text: string, today: string): boolean {
  const clauses = carriedClauses(text);
  const weeks = clauses.filter((c) => statesGestation(c, today));
  return weeks.length > 0 && clauses.every((c) => weeks.includes(c) || plainYes(c));
}

function plainYes(clause: string): boolean {
  const r = parseYesNo(clause);
  return r.ok && r.value === true && !r.guessed;
}
