// A month she named without the day (冬月底, 腊月中旬, 3月初, 上个月底, 农历腊月): not precise enough
// to date the screening windows, but worth naming back to her when asking for the day. Read with the
// date expressions of dateExpression.ts (a part of a month there is `vague`).
import { findDateExpressions, prepareDateText } from './dateExpression.js';

export interface MonthWithoutDay {
  /** what she said, as written (numerals as digits): 冬月底, 3月初, 农历10月下旬 */
  said: string;
  /** the month alone: 冬月, 3月, 农历10月, 上个月 */
  month: string;
}

const MARKERS = /农历|阴历|旧历|老历|阳历|公历|新历/gu;
const PART = /(?:上旬|中旬|下旬|初|中|底|末)$/u;

/** The one month without a day her words name; undefined when none, when one names a day, or when two months are named. */
export function monthWithoutDay(text: string): MonthWithoutDay | undefined {
  const found = findDateExpressions(text);
  // a day named anywhere (冬月底 腊月初三也有可能): not this
  if (found.length !== 1) return undefined;
  const e = found[0];
  if (!e.month || e.day !== undefined || e.relDays !== undefined || e.monthEnd) return undefined;
  // the expressions' offsets are in the text with its calendar markers cut out
  const body = prepareDateText(text).replace(MARKERS, '');
  const words = body.slice(e.start, e.end).replace(/\s/gu, '');
  const named = e.marker === 'lunar' && !e.lunarWords ? `农历${words}` : words;
  const month = named.replace(PART, '').replace(/份$/u, '');
  if (!month.endsWith('月')) return undefined;
  return { said: named.replace(/份$/u, ''), month };
}
