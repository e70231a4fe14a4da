// A date she wrote alone, without a year and without a word saying which it is (农历三月初五,
// 10月12日), that reads both as her last period and as a due date: she is asked once which, naming
// both days (messages.yaml → pregnancy.datingWhich), and her answer (末次月经, 预产期, 前面那个, 2…)
// is read against the two readings, kept as the question's options until she answers.
import { bareDateReadings } from '../domain/pregnancy/parseGestation.js';
import { formatChineseDate } from '../domain/parse/formatChineseDate.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { parseChoice } from '../domain/parse/parseChoice.js';
import { ok, type ParseResult } from '../domain/parse/parseResult.js';
import { renderTemplate } from '../domain/template.js';
import type { ShownOption } from '../services/conversationStore.js';
import type { Messages } from './flowSchema.js';

/** How she names each reading in her answer (in the order the question names them). */
const LAST_PERIOD_WORDS = ['末次月经', '月经', '例假', '大姨妈', '来事', '前面', '前面那个', '前一个', '前者', '第一个', '第一种'];
const DUE_DATE_WORDS = ['预产期', '预产', '生', '出生', '后面', '后面那个', '后一个', '后者', '第二个', '第二种'];

/** The question naming both readings of her date, and the readings as options; undefined when it is not such a date. */
export function datingWhich(input: InputSpec, text: string, today: string, messages: Messages): { say: string; shown: ShownOption[] } | undefined {
  if (input.type !== 'gestation' && input.type !== 'dating') return undefined;
  const r = bareDateReadings(text, today);
  if (!r?.lastPeriod || !r.dueDate) return undefined;
  const value = (dueDate: string, from: 'lastPeriod' | 'dueDate') => JSON.stringify(input.type === 'dating' ? { dueDate, from } : dueDate);
  const vars = { lastPeriod: formatChineseDate(r.lastPeriod.date), lmpDueDate: formatChineseDate(r.lastPeriod.dueDate), dueDate: formatChineseDate(r.dueDate) };
  return {
    say: renderTemplate(messages.pregnancy.datingWhich, vars),
    shown: [
      { value: value(r.lastPeriod.dueDate, 'lastPeriod'), label: vars.lastPeriod, words: LAST_PERIOD_WORDS },
      { value: value(r.dueDate, 'dueDate'), label: vars.dueDate, words: DUE_DATE_WORDS },
    ],
  };
}

/** Her answer to that question: the reading she picked, or undefined (then her words are read as a new answer). */
export function readingChosen(text: string, shown: ShownOption[]): ParseResult<unknown> | undefined {
  const r = parseChoice(text, shown);
  if (!r.ok) return undefined;
  try {
    return { ...ok(JSON.parse(r.value) as unknown), ...(r.guessed ? { guessed: true as const } : {}) };
  } catch {
    return undefined; // (not readings kept by datingWhich)
  }
}
