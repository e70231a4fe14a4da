// Her earlier words read as the length of her cycle (您的月经平时多少天来一次？): only a clause that does
// not date the pregnancy. 末次月经25号, 孕8周 or 预产期10月5号 written beside it hold numbers that are
// not her cycle (25 days, 8 weeks = 56 days); 四十来天来一回 and 我月经不准 beside them are.
import { findDateExpressions } from '../domain/parse/dateExpression.js';
import { latinWeeks } from '../domain/parse/latinWeeks.js';

/** Words of her pregnancy or of one period's day, not of how often her periods come. */
const DATING_WORDS = /末次|上次|这次|最后一次|孕|怀|预产期|出生|[0-9一二两三四五六七八九十]\s*周\s*(?:了|多|零|又|加|\+|[0-9一二三四五六]\s*天)|号|日/u;

export function datesPregnancy(text: string): boolean {
  const t = latinWeeks(text);
  return DATING_WORDS.test(t) || findDateExpressions(t).length > 0;
}
