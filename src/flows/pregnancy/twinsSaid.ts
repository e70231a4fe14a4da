// Whether her words say she carries twins (俺想约个NT 十二周了 怀的双胞胎), read as the twins question of the
// registration reads them (flows/pregnancy.yaml, twins): for a registration that does not ask it (offered
// after a prenatal booking, with the due date she gave for it). Only her own pregnancy, never on a guess.
import { carriedClauses } from '../../domain/parse/carriedClauses.js';
import { speaksOfAnotherWoman } from '../../domain/parse/ofAnotherWoman.js';
import type { FlowSet } from '../loadFlows.js';
import { parseInput } from '../parseInput.js';

/** The reader of twins in her words, by the question `flowId`.`stepId` (a choice with the value `twins`). */
export function twinsSaidBy(flowSet: FlowSet, flowId = 'pregnancy', stepId = 'twins'): (words: string, today: string) => boolean {
  const step = flowSet.flows.get(flowId)?.steps.find((s) => s.id === stepId);
  if (step?.kind !== 'ask') return () => false;
  const reads = (text: string, today: string): boolean => {
    const r = parseInput(step.input, text, today);
    return r.ok && !r.guessed && r.value === 'twins';
  };
  return (words, today) => !speaksOfAnotherWoman(words) && [words, ...carriedClauses(words)].some((c) => reads(c, today));
}
