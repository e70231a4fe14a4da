// Words about another woman (我妹妹怀孕12周, 帮俺儿媳妇问问, 她预产期10月): what they say of a pregnancy
// is not hers. Not the baby she had or carries (生了个闺女, 怀的是个女儿): a word for a daughter after
// 个 or 是 is the child.
import { normalizeText } from './normalizeText.js';

/** Another woman, by kin or as she knows her (我妹, 俺姐, 嫂子, 同事); a bare 姐 or 妹 is no one (姐妹们, 妹子 is her). */
const ANOTHER_WOMAN =
  /妹妹|[我俺咱]妹|姐姐|[我俺咱]姐|嫂子|[我俺咱]嫂|弟媳|儿媳|[我俺咱]家?媳妇|老婆|(?<![个是])(?:闺女|女儿)|朋友|同事|邻居|亲戚|侄女|外甥女|表妹|表姐|堂妹|堂姐|小姑子|大姑子|她/u;

/** Whether `text` speaks of another woman than the one writing. */
export function speaksOfAnotherWoman(text: string): boolean {
  return ANOTHER_WOMAN.test(normalizeText(text));
}
