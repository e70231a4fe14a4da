// Her pregnancy counted in months (怀孕三个月了, 俺怀孕四个多月了, 孕5月, and as an answer alone: 5个月了,
// 四个多月): too coarse to date it (parseGestation refuses it: 'months'), but she says she is pregnant
// as surely as with weeks. Not a baby's age (宝宝三个月了), a time ago or ahead (三个月前, 三个月以后),
// a period missed (月经三个月没来), a loss, trying (备孕三个月了) or how long she has lived somewhere
// (在这住了五个月): a count with other words says her pregnancy only with a word for it (怀, 孕).
import { normalizeText } from '../parse/normalizeText.js';
import { parseGestation } from './parseGestation.js';

const NUM = '(?:[0-9]{1,2}|[一二两三四五六七八九十]{1,3})';
/** the count of months itself: 三个月, 两个多月, 三个半月, 孕3月 */
const MONTHS = new RegExp(`${NUM}\\s*(?:多\\s*)?个\\s*(?:多|半)?\\s*月|孕\\s*${NUM}\\s*多?\\s*月`, 'gu');
/** a count from today, not her pregnancy: 三个月前, 三个月以后, 三个月之内 */
const FROM_TODAY = new RegExp(`(?:${MONTHS.source})\\s*(?:以|之)?\\s*[前后内]`, 'u');
/** words of something else counted in months */
const SOMETHING_ELSE =
  /宝宝|孩子|娃|儿子|闺女|女儿|生|出生|满月|月子|月经|例假|大姨妈|来事|没来|停经|推迟|流|胎停|没了|没保住|引产|清宫|备孕|没怀|住|打工|上班|回来|结婚|吃药|叶酸|试管|上环|取环/u;
/** words that say the months are her pregnancy's */
const PREGNANCY = /怀|孕|有了|肚子/u;
/** what may stand beside the count alone (四个多月了吧, 差不多五个月, 现在快四个月了) */
const FILLER = /[我俺咱]|现在|已经|都|快|差不多|大概|大约|左右|将近|才|刚|满|整|有|是|了|吧|啦|呢|哩|嘞|咯|呀|啊|哒|哈|的|嗯|额/gu;

/** Whether `text` says how many months she is pregnant (not another woman's: see ofAnotherWoman.ts). */
export function monthsPregnant(text: string, today: string): boolean {
  const r = parseGestation(text, today);
  if (r.ok || r.error !== 'months') return false;
  const t = normalizeText(text);
  if (FROM_TODAY.test(t) || SOMETHING_ELSE.test(t)) return false;
  if (PREGNANCY.test(t)) return true;
  return t.replace(MONTHS, '').replace(FILLER, '').replace(/\s+/gu, '') === '';
}
