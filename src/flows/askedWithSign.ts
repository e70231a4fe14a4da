// Her wish to be checked said with a warning sign's own words (奶子上长了个坨坨 想查下是么子东西): the
// sign's clauses name what she wants checked, so her other words alone (想查下是么子东西) ask for
// nothing. After the sign's answer her whole message is read for it when it holds such a wish: a
// trigger of the eligibility check that counts only `also` with a body word (eligibility.yaml: 想查 …
// 奶子, 白带), and her words are kept for the check's questions. A sign alone (乳房有个硬块 怎么办) is not a
// wish: the answer stands.
import type { Flow } from './flowSchema.js';
import { matchTrigger } from './matchWords.js';

const CHECK = 'eligibility';

/** What is read after a sign's answer: `rest`, or her whole `text` when only it asks to be checked. */
export function askedWithSign(text: string, rest: string, flows: Map<string, Flow>): string {
  if (rest && matchTrigger(rest, flows.values(), { plainYes: false })) return rest;
  const check = flows.get(CHECK);
  const wishes = check?.triggers.filter((t) => t.also.length > 0) ?? [];
  if (!check || wishes.length === 0) return rest;
  return matchTrigger(text, [{ ...check, triggers: wishes }], { plainYes: false }) ? text : rest;
}
