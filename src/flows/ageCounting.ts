// Her age said without how she counted it (今年65, 俺六十六了) may be her full years or her nominal
// age (虚岁), and at an age limit the two readings decide differently. Rather than asking her whole
// birth date at once, she is asked one short question first: whether she has had that birthday.
import { asBirthDateFact } from '../domain/parse/birthDateFact.js';
import type { ProgrammeDecision, ProgrammePort } from './programmePort.js';
import { renderTemplate } from '../domain/template.js';

export interface FullYearsAge {
  age: number;
  on: string;
  counting: 'full';
}

/**
 * The reading in full years of the age she gave for the fact the `decision` needs, when her age leaves the programme's
 * answer undecided and that reading decides it; undefined otherwise (a date, a counted age, or an
 * age still undecided in full years); `label` names it back to her ({age}).
 */
export function fullYearsReading(
  programmes: ProgrammePort,
  programme: string,
  facts: Record<string, unknown>,
  decision: ProgrammeDecision,
  today: string,
  label: string,
): { fact: string; value: FullYearsAge; label: string } | undefined {
  if (decision.status !== 'needs') return undefined;
  const { fact } = decision;
  const said = asBirthDateFact(facts[fact]);
  if (!said || typeof said === 'string' || !('age' in said) || said.counting) return undefined;
  const value: FullYearsAge = { age: said.age, on: said.on, counting: 'full' };
  if (programmes.decide(programme, { ...facts, [fact]: value }, today).status !== 'decided') return undefined;
  return { fact, value, label: renderTemplate(label, { age: String(said.age) }) };
}
