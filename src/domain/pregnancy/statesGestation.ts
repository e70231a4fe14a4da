// Whether her words say how far along she is, so that she is pregnant (您现在怀孕了吗 answered yes):
// weeks, a due date, or months (三个月了: a yes that dates nothing; the weeks question then asks for what
// does). Not a last period alone: her age may have ended them.
import { monthsPregnant } from './monthsPregnant.js';
import { parseGestation } from './parseGestation.js';

export function statesGestation(clause: string, today: string): boolean {
  const g = parseGestation(clause, today);
  return (g.ok && !g.guessed && g.value.from !== 'lastPeriod') || monthsPregnant(clause, today);
}
