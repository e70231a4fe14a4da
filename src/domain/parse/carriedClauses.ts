// A message that answers more than the question asked ("82年的，户口在这"; "我45了 能查两癌吗"):
// the clauses of it that may answer the questions that follow. A clause is a run of words between
// punctuation or spaces. Questions (能查吗, 要钱不) and bare yes/no words are never carried: a "是"
// or "在" means nothing without the question it answered.
import { normalizeText } from './normalizeText.js';
import { parseYesNo } from './parseYesNo.js';

// not at '.': 1978.5.6 and 3.5 are dates
const SPLIT = /[\s,，。!！?？;；、~～]+/u;
const QUESTION = /[吗么嘛]$|怎么|什么|啥|多少|哪|能不能|可不可以|是不是|要不要|有没有|[?？]/u;

/** The clauses of `text` that could carry an answer, in order; `except` are left out (e.g. the one that answered). */
export function carriedClauses(text: string, except: (clause: string) => boolean = () => false): string[] {
  const raw = normalizeText(text);
  return raw
    .split(SPLIT)
    .map((c) => c.trim())
    .filter((c) => c.length > 0 && !QUESTION.test(c) && !parseYesNo(c).ok && !except(c));
}
