// 重新回答 at rest (flows/correct_answers.yaml): the list of her answers to choose from, and the one she
// chose (or named: 户口写错了) dropped and asked again by her latest check, which then runs again.
import type { Messages } from './flowSchema.js';
import type { MyDataService } from '../services/myDataService.js';
import type { ProgrammePort } from './programmePort.js';
import { actionSpecs, declaredAction, type ChoiceSource, type FlowAction } from './actions.js';
import { answerOption, CORRECT_FACT } from './answerAgain.js';
import { renderTemplate } from '../domain/template.js';

export const ANSWER_AGAIN_ACTIONS = actionSpecs([['answers.again', ['eligibility', 'done'], ['programme']]]);
export const ANSWER_AGAIN_SOURCES = ['answers.stored'] as const;

export interface AnswerAgainDeps {
  myData: MyDataService;
  programmes: ProgrammePort;
  messages: () => Messages;
  /** The county's programmes. */
  programmeIds: readonly string[];
}

export function createAnswerAgain(d: AnswerAgainDeps): { actions: Map<string, FlowAction>; sources: Map<string, ChoiceSource> } {
  const label = (key: string) => d.messages().myData.factLabels[key] ?? key;
  const sources = new Map<string, ChoiceSource>([
    [
      'answers.stored',
      // her stored answers that a topic names, in the order of the topics (her birth date first)
      async ({ facts }) => {
        const { correction } = d.messages();
        const known = await facts();
        return Object.entries(correction.topics)
          .filter(([key]) => key in known)
          .map(([key, words]) => ({ value: key, label: answerOption(correction, label(key), d.programmes.describeFact(key, known[key])), words }));
      },
    ],
  ]);
  const [[name, spec]] = [...ANSWER_AGAIN_ACTIONS];
  const again: FlowAction['run'] = async ({ contact, vars, facts }) => {
    const fact = String(vars[CORRECT_FACT] ?? '');
    await facts();
    // her latest check that asks it, else the one programme that asks it
    const checks = (await d.myData.collect(contact.id))?.checks ?? [];
    const asks = (p: string) => d.programmes.has(p) && d.programmes.facts(p).includes(fact);
    const latest = checks
      .map((c) => c.programme)
      .filter(asks)
      .at(-1);
    const asking = d.programmeIds.filter(asks);
    const programme = latest ?? (asking.length === 1 ? asking[0] : undefined);
    const m = d.messages().correction;
    if (!programme) return { outcome: 'done', clearFacts: [fact], say: [renderTemplate(m.forgotten, { label: label(fact) })] };
    return { outcome: 'eligibility', clearFacts: [fact], vars: { programme }, say: [m.again] };
  };
  return { actions: new Map([[name, declaredAction(name, spec, again)]]), sources };
}
