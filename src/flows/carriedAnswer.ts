// The next question of the eligibility interview answered from the words she already wrote: the
// clauses of her first message or of an answer before (carriedClauses), read one at a time.
import type { ProgrammePort } from './programmePort.js';
import type { Turn } from './turn.js';
import { readsAs } from './otherAnswer.js';
import { impliedYes } from './impliedYes.js';

/**
 * The next question's answer from the words she already wrote (`carried`, used up as read): only a
 * clause that reads by itself, not a guess, and not a health answer before the health consent. One
 * that would refuse her is not acted on: it comes back as `refusal`, for her to confirm first.
 */
export function readCarried(
  programmes: ProgrammePort,
  turn: Turn,
  programme: string,
  facts: Record<string, unknown>,
  carried: string[],
): { kind: 'answer' | 'refusal'; fact: string; value: unknown; sensitive: boolean; clause: string } | undefined {
  const decision = programmes.decide(programme, facts, turn.today);
  const earlier = turn.engine.carried ?? [];
  if (decision.status !== 'needs' || carried.length + earlier.length === 0) return undefined;
  const q = programmes.question(programme, decision.fact, facts[decision.fact]);
  if (!q || (q.sensitive && !turn.contact.healthConsentAt)) return undefined;
  // how far along she is (想约唐筛 18周了) is a yes to 您现在怀孕了吗, and not used up: the weeks
  // question that follows reads the same words (impliedYes.ts); the rest of an answer before, too
  const implied = impliedYes(q.input, [...carried, ...earlier], turn.today);
  if (implied !== undefined) {
    const after = programmes.decide(programme, { ...facts, [decision.fact]: true }, turn.today);
    return {
      kind: after.status === 'decided' && !after.eligible ? 'refusal' : 'answer',
      fact: decision.fact,
      value: true,
      sensitive: q.sensitive,
      clause: implied,
    };
  }
  for (const [i, clause] of carried.entries()) {
    const read = readsAs(q.input, clause, turn.today);
    if (!read) continue;
    const after = programmes.decide(programme, { ...facts, [decision.fact]: read.value }, turn.today);
    carried.splice(i, 1);
    const kind = after.status === 'decided' && !after.eligible ? 'refusal' : 'answer';
    return { kind, fact: decision.fact, value: read.value, sensitive: q.sensitive, clause };
  }
  return undefined;
}
