// She asks for another woman (俺娘今年六十一了 能查两癌不 俺替她问问): what she says of her is never read
// as her answer, by any path (the words kept through the notice, an answer, its carried clauses, her
// township). She is told who may take part, as a side answer, and her own words, if any, go on.
import { wordsOfAnotherWoman } from '../domain/parse/wordsOfAnotherWoman.js';
import type { ProgrammePort } from './programmePort.js';
import type { SideAnswer } from './sideQuestions.js';

const PROGRAMME = 'twoCancer';

/** The answer about the other woman and her own words (`rest`), when her message tells or asks something of another woman. */
export function answerForAnotherWoman(text: string, programmes: ProgrammePort, render: (text: string) => string): SideAnswer | undefined {
  const words = wordsOfAnotherWoman(text);
  if (!words?.asks || !programmes.has(PROGRAMME)) return undefined;
  const answer = programmes.whoCanJoin(PROGRAMME);
  return answer === undefined ? undefined : { text: render(answer), rest: words.own, booked: false, unasked: words.own };
}
