// A message at a question that answers nothing: a thank-you, 收到, an emoji alone; 好的 or 中 to a list
// or a date question (at a yes/no question it is her yes); 同意 again after she agreed, at a question of
// the interview or a list (同意 read as a yes to 您现在怀孕了吗 refused a woman of 57). She gets a kind
// line and the question again, not "没看懂" (messages.yaml `stray`).
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { normalizeText } from '../domain/parse/normalizeText.js';
import type { Messages } from './flowSchema.js';

/** Emoji, symbols and punctuation: what is left of "👌👌" or "嗯嗯～" besides the words. */
const NOT_WORDS = /(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|[\p{P}\p{S}\s])+/gu;

/** A yes/no question, or a choice worded as one (您的户口在项城市吗？): 好的 and 嗯 answer it. */
function yesNoShaped(input: InputSpec): boolean {
  return input.type === 'yesno' || (input.type === 'choice' && (input.yes?.length ?? 0) > 0);
}

/**
 * The line to say before the question again when her message answers nothing, or undefined.
 * `input`: the question she is on; `interview`: a question of the eligibility interview (a fact about
 * her, never answered by 同意).
 */
export function strayReply(text: string, input: InputSpec, interview: boolean, stray: Messages['stray']): string | undefined {
  // (free text takes any words)
  if (input.type === 'text') return undefined;
  const words = normalizeText(text).replace(NOT_WORDS, '');
  // the question's own words for an answer (知道了 at a booking's confirmation, at 要改约或取消吗) answer it
  const own =
    input.type === 'yesno' ? [...(input.yesWords ?? []), ...(input.noWords ?? [])] : input.type === 'choice' ? input.options.flatMap((o) => o.words) : [];
  if (own.includes(words)) return undefined;
  // an emoji alone (👌); not ??? (she did not understand: that is a failed answer); at a yes/no
  // question outside the interview (a confirmation, an offer) 👌 is her yes
  if (words === '') return /\p{Extended_Pictographic}/u.test(text) && (interview || !yesNoShaped(input)) ? stray.reply : undefined;
  // (好的谢谢 at a confirmation or an offer is her yes, with thanks)
  const okFirst = !interview && yesNoShaped(input) && stray.ok.some((w) => words.startsWith(w));
  if (stray.thanks.includes(words) && !okFirst) return stray.reply;
  // a list, a date, a number: 好的 chooses nothing
  const list = !yesNoShaped(input);
  if (stray.agreed.includes(words) && (interview || list)) return stray.agreedReply;
  if (stray.ok.includes(words) && list) return stray.reply;
  return undefined;
}
