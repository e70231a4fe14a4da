// Her message as every reader sees it (commands, the words that start a flow, the answer parsers):
// in Simplified characters, with spoken and dialect forms read as the standard word and pinyin
// typos (预越, 唐晒, 1978念5月) as the word the bot knows; weeks as an ultrasound report writes them
// (12w3d, 12+3w) as 12周3天 (latinWeeks.ts). Done once, where a message enters the engine.
import { homophoneReader, type WordSpans } from './homophoneTypos.js';
import { latinWeeks } from './latinWeeks.js';
import { YES_NO_WORDS } from './parseYesNo.js';
import { spokenFormReader, type SpokenForms } from './spokenForms.js';
import { toSimplified } from './toSimplified.js';

/** `vocabulary`: the words the flows, profile and county know (src/flows/vocabulary.ts). */
/** `wordSpans`: where the everyday words of her message are, so that a typo is never read across two. */
export function messageReader(forms: SpokenForms, vocabulary: Iterable<string> = [], wordSpans?: WordSpans): (text: string) => string {
  const spoken = spokenFormReader(forms);
  // the yes/no words are read as written too (可以咯: 可以, not 可 + 一个)
  const typos = homophoneReader(vocabulary, [...forms.keep, ...YES_NO_WORDS], wordSpans);
  return (text) => spoken(typos(latinWeeks(toSimplified(text))));
}
