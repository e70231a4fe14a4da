// 我的结果 (flows/my_results.yaml): her results told to her in the chat, shown again, newest first,
// each as its notice with the day it was sent (src/services/results/ResultService.ts listForHer).
// Texts: flows/messages.yaml → myResults.
import { actionSpecs, declaredAction, type FlowAction } from './actions.js';
import type { Messages } from './flowSchema.js';
import { formatChineseDate } from '../domain/parse/formatChineseDate.js';
import { renderTemplate } from '../domain/template.js';

/** some: her results were said; none: nothing was told to her in the chat yet. */
export const MY_RESULTS_ACTIONS = actionSpecs([['results.showMine', ['some', 'none']]]);

/** How many results are shown at once (a long list is hard to read on a phone). */
const SHOWN = 3;

/** Her results told in the chat, newest first, at most `take`, and how many more there are. */
export type ResultsOfHers = (contactId: string, take: number) => Promise<{ shown: { notice: string; sentOn: string }[]; more: number }>;

export function createMyResults(d: { results: ResultsOfHers; messages: () => Messages }): Map<string, FlowAction> {
  const run: FlowAction['run'] = async ({ contact }) => {
    const m = d.messages().myResults;
    const { shown, more } = await d.results(contact.id, SHOWN);
    if (shown.length === 0) return { outcome: 'none' };
    const say = shown.map((r) => renderTemplate(m.item, { date: formatChineseDate(r.sentOn), notice: r.notice }));
    if (more > 0) say.push(renderTemplate(m.more, { count: more }));
    return { outcome: 'some', say };
  };
  return new Map([...MY_RESULTS_ACTIONS].map(([name, spec]) => [name, declaredAction(name, spec, run)]));
}
