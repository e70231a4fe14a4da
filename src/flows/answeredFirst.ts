// What is answered before her message is read as an answer or a request: a warning sign (出血, 摸到硬块…),
// then what she asks for another woman (forAnotherWoman.ts). Each gives the words she goes on with.
import type { Flow } from './flowSchema.js';
import type { ProgrammePort } from './programmePort.js';
import type { SideAnswer } from './sideQuestions.js';
import type { Turn } from './turn.js';
import { askedWithSign } from './askedWithSign.js';
import { answerForAnotherWoman } from './forAnotherWoman.js';
import { answerWarningSign, type WarningSignsPort } from './warningSignAnswer.js';

export interface AnsweredFirst {
  warningSigns?: WarningSignsPort;
  programmes: ProgrammePort;
  flows: Map<string, Flow>;
  facts: () => Promise<Record<string, unknown>>;
  render: (text: string) => string;
}

/** The words she goes on with after what was answered first (and the side answer it was), or undefined when nothing was. */
export async function answeredFirst(turn: Turn, text: string, read: boolean, o: AnsweredFirst): Promise<{ rest: string; side?: SideAnswer } | undefined> {
  // (`read`: her words beside a warning sign or a side question already answered: no sign again)
  const sign = read ? undefined : await answerWarningSign(o.warningSigns, turn, text, o.facts);
  if (sign) return { rest: askedWithSign(text, sign.rest, o.flows) };
  const aside = answerForAnotherWoman(text, o.programmes, o.render);
  return aside && { rest: aside.rest, side: aside };
}
