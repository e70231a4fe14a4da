// Her answer to a confirmation (按您说的…预产期是11月25日，怀的是双胞胎。对吗？) when she writes one of
// her answers again instead of yes or no:
// - a date or weeks: the dating it confirms is yes (十一月二十五, 3月1号 for the last period she gave),
//   another is no ("是十四周" for 13 weeks: the question of her dates then reads it, as the rest of
//   her answer);
// - the words of an option she chose before in this flow (两个, for the twins she gave): yes.
// Undefined for any other question or answer.
import type { ParseResult } from '../domain/parse/parseResult.js';
import { guessed, ok } from '../domain/parse/parseResult.js';
import { normalizeText } from '../domain/parse/normalizeText.js';
import type { AskStep, Flow } from './flowSchema.js';
import { parseInput } from './parseInput.js';

/** The question her no goes back to, past the steps that only say something (没关系，我们再来一次). */
function askedAgain(flow: Flow, step: AskStep): AskStep | undefined {
  let target = step.on?.['false'];
  for (let hops = 0; target && hops < 3; hops += 1) {
    const next = flow.steps.find((s) => s.id === target);
    if (!next) return undefined;
    if (next.kind === 'ask') return next;
    target = next.kind === 'say' ? next.next : undefined;
  }
  return undefined;
}

const dueDateOf = (v: unknown): unknown => (v && typeof v === 'object' && 'dueDate' in v ? v.dueDate : undefined);

export function restatedAnswer(
  text: string,
  flow: Flow,
  step: AskStep,
  vars: Readonly<Record<string, unknown>>,
  today: string,
  shown = '',
): ParseResult<boolean> | undefined {
  if (step.input.type !== 'yesno') return undefined;
  return restatedDating(text, flow, step, vars, today) ?? restatedChoice(text, flow, vars, today) ?? restatedShown(text, shown);
}

/**
 * Words of a confirmation (请确认…, …对吗？) said back (人民医院 for 项城市第一人民医院, 周六上午): a
 * yes, as a guess. Not the lines that say how to answer (要换日子请回复“否”), nor a negation or a question.
 */
function restatedShown(text: string, shown: string): ParseResult<boolean> | undefined {
  // only a confirmation of what is shown: never consent (免费筛查, a word of the privacy notice, is no yes)
  if (!/请确认|对吗/u.test(shown)) return undefined;
  const words = normalizeText(text)
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/[吧啊呀呢哦的了嘛哈咯哒]+$/u, '');
  if ([...words.matchAll(/\p{Script=Han}/gu)].length < 2 || /[不没无非别否吗么?]/u.test(words)) return undefined;
  const facts = shown
    .split(/[。？?\n]/u)
    .filter((line) => !line.includes('回复'))
    .join('')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return facts.includes(words) ? guessed(true) : undefined;
}

/** 两个 after 双胞胎 was chosen: a choice of this flow she made, said again (a bare number is a yes or a no here). */
function restatedChoice(text: string, flow: Flow, vars: Readonly<Record<string, unknown>>, today: string): ParseResult<boolean> | undefined {
  if (/^\s*\d+\s*$/u.test(text)) return undefined;
  for (const s of flow.steps) {
    if (s.kind !== 'ask' || s.input.type !== 'choice' || !s.save || vars[s.save] === undefined) continue;
    const r = parseInput(s.input, text, today);
    if (r.ok && !r.guessed && r.value === vars[s.save]) return ok(true);
  }
  return undefined;
}

function restatedDating(text: string, flow: Flow, step: AskStep, vars: Readonly<Record<string, unknown>>, today: string): ParseResult<boolean> | undefined {
  const dating = askedAgain(flow, step);
  if (dating?.input.type !== 'dating' || !dating.save) return undefined;
  const given = dueDateOf(vars[dating.save]);
  if (given === undefined) return undefined;
  const r = parseInput(dating.input, text, today, vars[dating.save]);
  if (!r.ok || r.guessed) return undefined;
  return ok(dueDateOf(r.value) === given);
}

/**
 * Her answer beside her dates said again (就是阳历1月26号 二十八天一回 at the cycle question, after
 * 末次月经是腊月初八): the clauses that give the dating this flow already holds are set aside and the
 * rest answers the question. Undefined when no clause restates them, or one gives other dates (a
 * correction, not read here), or the rest does not answer.
 */
export function answerBesideDating(
  text: string,
  flow: Flow,
  step: AskStep,
  vars: Readonly<Record<string, unknown>>,
  today: string,
): ParseResult<unknown> | undefined {
  if (step.input.type === 'dating') return undefined;
  const dating = flow.steps.find((s): s is AskStep => s.kind === 'ask' && s.input.type === 'dating' && !!s.save && vars[s.save] !== undefined);
  if (!dating?.save) return undefined;
  const given = dueDateOf(vars[dating.save]);
  const clauses = normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (clauses.length < 2) return undefined;
  const rest: string[] = [];
  let restated = false;
  for (const clause of clauses) {
    const r = parseInput(dating.input, clause, today, vars[dating.save]);
    if (!r.ok) {
      rest.push(clause);
      continue;
    }
    if (dueDateOf(r.value) !== given) return undefined;
    restated = true;
  }
  if (!restated || rest.length === 0) return undefined;
  const r = parseInput(step.input, rest.join(' '), today);
  return r.ok ? r : undefined;
}
