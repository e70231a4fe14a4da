// Turns an eligibility outcome into the Chinese text she reads, from the profile's templates.
// A "no" always ends with what she can do instead (the `alternatives` text).
import type { ProgrammeProfile } from '../profile/profileSchema.js';
import { renderTemplate } from '../template.js';
import type { EligibilityOutcome, OutcomeNote } from './evaluateEligibility.js';

export function renderOutcome(programme: ProgrammeProfile, outcome: EligibilityOutcome): string {
  const common = { programme: programme.name };
  const text = (key: string, vars: Record<string, string> = common): string => {
    const template = programme.texts[key];
    if (template === undefined) throw new Error(`profile text '${key}' is missing`);
    return renderTemplate(template, vars).trim();
  };
  const noteTexts = (notes: OutcomeNote[]) => notes.map((n) => text(n.textKey, n.vars));

  switch (outcome.status) {
    case 'needs': {
      const q = programme.questions[outcome.fact];
      if (!q) throw new Error(`profile has no question for fact '${outcome.fact}'`);
      return renderTemplate(q.text, common).trim();
    }
    case 'eligible':
      return [text('eligible', outcome.vars), ...noteTexts(outcome.notes)].join('\n');
    case 'ineligible':
      return [...noteTexts(outcome.notes), text(outcome.textKey, outcome.vars), text('alternatives')].join('\n');
  }
}
