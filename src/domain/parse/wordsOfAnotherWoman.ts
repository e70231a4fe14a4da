// A message that asks for another woman (俺娘今年六十一了 能查两癌不 俺替她问问; 我姆妈五十八哒 户口在东门村):
// her age and 户口 are that woman's, never the writer's. Clauses are read in order: one naming another
// woman (or 她) speaks of her, and so do the clauses after it, until one speaks of the writer again
// (我四十五了, 俺自己也想查). Not for a pregnancy (ofAnotherWoman.ts reads those).
import { NAMED_WOMAN } from './ofAnotherWoman.js';
import { normalizeText } from './normalizeText.js';

const CLAUSE = /[\s,，。.!！?？、~～:：;；]+/u;
/** Her mother, mother-in-law and other elder kin (俺娘, 我姆妈, 婆婆); not 娘家 (her own parents' home) nor 姑娘. */
const ELDER_WOMAN =
  /(?:[我俺咱]家?的?|老)(?:娘(?!家)|妈|母亲|婆婆|奶奶|姥姥|外婆|婶|姨|姑(?!娘))|妈妈|姆妈|母亲|婆婆|丈母娘|岳母|老太太|(?<![个是俩双对生])(?:闺女|女儿)|她/u;
/** The writer herself. */
const SELF = /[我俺咱]|自己|本人/u;
/**
 * Asking whether she may be screened (能查两癌不, 可以免费查宫颈癌吗, 她想查两癌); not news of her beside the
 * writer's own request (俺婆婆住院了 礼拜三那个检查去不了了 给俺退了吧).
 */
const ASKS_SCREENING = /能不?(?:查|做|参加)|可以(?:免费)?(?:查|做|参加)|能不能|[想要](?:查|做)|免费|参加/u;
/** The other woman only sent or told her (俺闺女叫俺问问, 俺闺女说微信上能约): the clause is the writer's own. */
const MESSENGER = new RegExp(`(?:${NAMED_WOMAN.source}|${ELDER_WOMAN.source})(?:叫|让|喊|说|告诉)(?!.*她)`, 'u');
/** Words of a pregnancy: read elsewhere (ofAnotherWoman.ts). */
const PREGNANCY = /怀孕|怀了|有了|孕|预产期|产检|唐筛|宝宝|孩子|生了|坐月子/u;

export interface AnotherWomansWords {
  /** Her own clauses (those that speak of the writer), joined by a space: what may be read as hers. */
  own: string;
  /** Whether the clauses of the other woman ask whether she may be screened (能查两癌不). */
  asks: boolean;
}

/** The clauses of `text` that speak of another woman set apart from her own; undefined when none does. */
export function wordsOfAnotherWoman(text: string): AnotherWomansWords | undefined {
  const s = normalizeText(text);
  if (PREGNANCY.test(s)) return undefined;
  const own: string[] = [];
  const hers: string[] = [];
  let another = false;
  for (const clause of s.split(CLAUSE).filter(Boolean)) {
    if (MESSENGER.test(clause)) another = false;
    else if (NAMED_WOMAN.test(clause) || ELDER_WOMAN.test(clause)) another = true;
    else if (SELF.test(clause)) another = false;
    (another ? hers : own).push(clause);
  }
  if (hers.length === 0) return undefined;
  return { own: own.join(' '), asks: hers.some((c) => ASKS_SCREENING.test(c)) };
}
