// A no said in her own words about what a yes/no question asks her to allow, instead of 不/不同意 (at
// the privacy notice: 不用记俺的, 别登记我的信息, 我不想留信息, 不留了 我就看看):
// - a negation (不, 别, 甭, 莫) at most three characters before one of the question's verbs (记, 登记,
//   留: 不用给我记), not a verb of another sense (记得, 记不清, 记住);
// - or words saying she only wants to ask or look (我就问问, 就看看) beside a clause that reads as a no
//   (先不用了 我就问下).
// Never from a clause she asks (不留信息能查吗, 不登记行不行). A reading of part of her words: the
// caller confirms it before acting on it.
import { normalizeText } from './normalizeText.js';
import { parseYesNo } from './parseYesNo.js';

export interface OwnNoWords {
  /** The verbs of what she is asked to allow (记, 登记, 留). */
  verbs: readonly string[];
  /** Her words that she only wants to ask or look (就问问, 就看看): a no only beside one. */
  onlyAsking: readonly string[];
}

// 吗, a question mark, or a verb asked both ways (行不行, 能不能, 要不要)
const ASKED = /[吗么?]|(\p{Script=Han})[不没]\1|可以不|行不$/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

function clausesOf(text: string): string[] {
  return normalizeText(text)
    .split(/(?<=\?)|[^\p{L}\p{N}?]+/u)
    .filter((c) => c !== '');
}

/** Whether her words say no in the question's own terms (see the top of this file). */
export function saysNoInOwnWords(text: string, words: OwnNoWords): boolean {
  const clauses = clausesOf(text).filter((c) => !ASKED.test(c));
  if (words.verbs.length > 0) {
    const verbs = words.verbs.map((v) => normalizeText(v)).map(escape);
    const negated = new RegExp(`(?:不|别|甭|莫)[^不没别，]{0,3}?(?:${verbs.join('|')})(?![得住性不])`, 'u');
    if (clauses.some((c) => negated.test(c))) return true;
  }
  const asking = words.onlyAsking.map((w) => normalizeText(w));
  const onlyAsking = clauses.filter((c) => asking.some((w) => c.includes(w)));
  if (onlyAsking.length === 0) return false;
  return clauses.some((c) => {
    const r = parseYesNo(c);
    return !onlyAsking.includes(c) && r.ok && !r.value;
  });
}
