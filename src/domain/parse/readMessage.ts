// Her message as every reader sees it (commands, the words that start a flow, the answer parsers):
// in Simplified characters, with spoken and dialect forms read as the standard word. Done once,
// where a message enters the engine.
import { spokenFormReader, type SpokenForms } from './spokenForms.js';
import { toSimplified } from './toSimplified.js';

export function messageReader(forms: SpokenForms): (text: string) => string {
  const spoken = spokenFormReader(forms);
  return (text) => spoken(toSimplified(text));
}
