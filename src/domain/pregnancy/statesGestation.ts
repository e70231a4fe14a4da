// Whether her words say how far along she is, so that she is pregnant (您现在怀孕了吗 answered yes):
// weeks, a due date, or months (三个月了: a yes that dates nothing; the weeks question then asks for what
// does). Not a last period alone: her age may have ended them.
// A day named from today (后天上午去妇幼, 明天) is when she wants to go, not a due date, unless her words
// say it is one (预产期就是后天).
import { findDateExpressions } from '../parse/dateExpression.js';
import { monthsPregnant } from './monthsPregnant.js';
import { DUE_WORDS, parseGestation } from './parseGestation.js';

export function statesGestation(clause: string, today: string): boolean {
  const g = parseGestation(clause, today);
  if (g.ok && g.value.from === 'dueDate' && !DUE_WORDS.test(clause) && findDateExpressions(clause).some((e) => e.relDays !== undefined)) return false;
  return (g.ok && !g.guessed && g.value.from !== 'lastPeriod') || monthsPregnant(clause, today);
}
