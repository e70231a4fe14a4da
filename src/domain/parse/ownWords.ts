// A question's own words (没做过什么手术, 子宫还在, 怀上了) as she writes them at the end of a clause, in the
// spellings of speech: 啥 for 什么 (没做过啥手术), 没有 for 没 (没有做过手术), and 也/都/还/从来 before the
// negation (手术也没做过, 子宫也没切过, 啥手术都没做过). Used to read a clause written for one question as
// the answer to another only when it is in that question's words.
import { normalizeText } from './normalizeText.js';

/** One spelling for the variants above: 啥 → 什么, 没有 → 没, no 也/都/还/从来 right before 没 or 不. */
export function ownWordForm(text: string): string {
  return normalizeText(text)
    .replace(/啥子|啥/gu, '什么')
    .replace(/没有/gu, '没')
    .replace(/(?:也|都|还|从来|从)(?=[没不])/gu, '');
}

/** Endings that do not change what a clause says (做过手术了, 子宫好好的呢). */
const PARTICLES = /[了的呢啊呀吧哩]+$/u;

/**
 * The clause ending in one of `words` in their spoken variants: the word (the longest that fits) and the
 * clause rewritten so that it ends in the word as written (也没有做过啥手术 → 没做过什么手术), for the
 * question's reader; undefined when it ends in none.
 */
export function endsInOwnWord(clause: string, words: readonly string[]): { word: string; text: string } | undefined {
  const forms = [ownWordForm(clause), ownWordForm(clause).replace(PARTICLES, '')];
  let best: { word: string; text: string; size: number } | undefined;
  for (const word of words) {
    const form = ownWordForm(word);
    if (form.length < 2 || (best && form.length <= best.size)) continue;
    const at = forms.find((f) => f.endsWith(form));
    if (at !== undefined) best = { word, text: at.slice(0, at.length - form.length) + word, size: form.length };
  }
  return best && { word: best.word, text: best.text };
}
