// Whether her words say how far along she is, so that she is pregnant (您现在怀孕了吗 answered yes):
// weeks, a due date, or months (三个月了: a yes that dates nothing; the weeks question then asks for what
// does). Not a last period alone (her age may have ended them), unless `lastPeriod` says it is (asked of
// a woman who asks for a pregnancy's screening).
// A day named from today (后天上午去妇幼, 明天) is when she wants to go, not a due date, unless her words
// say it is one (预产期就是后天).
import { findDateExpressions } from '../parse/dateExpression.js';
import { monthsPregnant } from './monthsPregnant.js';
import { parseGestation } from './parseGestation.js';

/** Words that call a date her due date, or say it with her pregnancy (not the 生 of 卫生院 or 医生). */
const DUE_SAID = /预产期|到期|要生|快生|生孩子|生娃|生宝宝|出生|怀|孕/u;

export function statesGestation(clause: string, today: string, lastPeriod = false): boolean {
  const g = parseGestation(clause, today);
  // (例假上个月底刚来过: a month's end taken as a day says no pregnancy)
  if (dayToGo(clause, today) || (g.ok && g.value.assumed)) return false;
  return (g.ok && !g.guessed && (lastPeriod || g.value.from !== 'lastPeriod')) || monthsPregnant(clause, today);
}

/**
 * A date ahead that is a day she goes on (后天去卫生院, 5月20号去妇幼查两癌, 后天上午), not her due date:
 * only a date called her due date, or said with her pregnancy, is one.
 */
export function dayToGo(clause: string, today: string): boolean {
  const g = parseGestation(clause, today);
  return g.ok && g.value.from === 'dueDate' && !DUE_SAID.test(clause) && findDateExpressions(clause).length > 0;
}
