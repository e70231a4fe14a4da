// Her message as every reader sees it (commands, the words that start a flow, the answer parsers):
// in Simplified characters, with spoken and dialect forms read as the standard word and pinyin
// typos (预越, 唐晒, 1978念5月) as the word the bot knows. Done once, where a message enters the engine.
import { homophoneReader } from './homophoneTypos.js';
import { spokenFormReader, type SpokenForms } from './spokenForms.js';
import { toSimplified } from './toSimplified.js';

/** `vocabulary`: the words the flows, profile and county know (src/flows/vocabulary.ts). */
export function messageReader(forms: SpokenForms, vocabulary: Iterable<string> = []): (text: string) => string {
  const spoken = spokenFormReader(forms);
  const typos = homophoneReader(vocabulary, forms.keep);
  return (text) => spoken(typos(toSimplified(text)));
}
