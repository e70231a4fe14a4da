// Words about another woman (我妹妹怀孕12周, 帮俺儿媳妇问问, 她预产期10月): what they say of a pregnancy
// is not hers. Not the baby she had or carries (生了个闺女, 怀的是个女儿): a word for a daughter after
// 个 or 是 is the child.
import { normalizeText } from './normalizeText.js';

/** Another woman, by kin or as she knows her (我妹, 我老妹, 俺姐, 嫂子, 同事); a bare 姐 or 妹 is no one (姐妹们, 妹子 is her). */
export const NAMED_WOMAN = /妹妹|[我俺咱]老?妹|姐姐|[我俺咱]老?姐|嫂子|[我俺咱]嫂|弟媳|儿媳|朋友|同事|邻居|亲戚|侄女|外甥女|表妹|表姐|堂妹|堂姐|小姑子|大姑子/u;
/**
 * Words that may be another woman or the writer herself: 她 (who?), 我媳妇 / 老婆 (her husband may be
 * writing), 俺闺女 (her grown daughter, or the baby girl she had: 俺闺女前儿个生了); not the babies counted (剖了 俩闺女).
 */
const UNNAMED_WOMAN = /[我俺咱]家?媳妇|老婆|她|(?<![个是俩双对])(?:闺女|女儿)/u;

/** Whether `text` speaks of another woman than the one writing (of a pregnancy: 俺闺女怀孕四个月了 is not hers). */
export function speaksOfAnotherWoman(text: string): boolean {
  const s = normalizeText(text);
  return NAMED_WOMAN.test(s) || UNNAMED_WOMAN.test(s);
}

/**
 * Whose news (a loss, a birth) her message tells, given its clauses and which of them hold the news:
 * `another` when a clause of the news names another woman (我妹妹孩子没保住, 俺邻居家媳妇前几天胎停了);
 * `unclear` when it only says 她 or 我媳妇, or when the woman is named in another clause than the news
 * (孩子没了 我嫂子说的); `self` when no other woman is spoken of.
 */
export function whoseNews(clauses: readonly string[], isNews: (clause: string) => boolean): 'self' | 'another' | 'unclear' {
  const texts = clauses.map(normalizeText);
  const news = texts.filter((c, i) => isNews(clauses[i]));
  if (news.some((c) => NAMED_WOMAN.test(c))) return 'another';
  return texts.some((c) => NAMED_WOMAN.test(c) || UNNAMED_WOMAN.test(c)) ? 'unclear' : 'self';
}
