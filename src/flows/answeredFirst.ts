// What is answered before her message is read as an answer or a request: a warning sign (出血, 摸到硬块…),
// then what she asks for another woman (forAnotherWoman.ts). Each gives the words she goes on with.
import type { EligibilityInterview } from './eligibilityInterview.js';
import type { EngineOptions } from './engineOptions.js';
import type { Prompts } from './prompts.js';
import type { SideAnswer } from './sideQuestions.js';
import type { Turn } from './turn.js';
import { askedWithSign } from './askedWithSign.js';
import { answerForAnotherWoman } from './forAnotherWoman.js';
import { answerWarningSign } from './warningSignAnswer.js';

/** The words she goes on with after what was answered first (and the side answer it was), or undefined when nothing was. */
export async function answeredFirst(
  turn: Turn,
  text: string,
  read: boolean,
  o: EngineOptions,
  say: Prompts,
  interview: EligibilityInterview,
): Promise<{ rest: string; side?: SideAnswer } | undefined> {
  // (`read`: her words beside a warning sign or a side question already answered: no sign again)
  const sign = read ? undefined : await answerWarningSign(o.warningSigns, turn, text, () => interview.allFacts(turn));
  if (sign) return { rest: askedWithSign(text, sign.rest, o.flowSet.flows) };
  const aside = answerForAnotherWoman(text, o.programmes, (t) => say.text(t, turn));
  return aside && { rest: aside.rest, side: aside };
}
