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
import { parseDate } from '../domain/parse/parseDate.js';

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

/** 不是说了, 刚才讲哒, 怀着哩: words that say she told it before (or that she is pregnant), beside her dates said again. */
const TOLD_BEFORE = /^(?:不是|我|俺|刚才|刚刚|都|已经|早就?|前面)*(?:说|讲|告诉你|发)(?:过|了|哒|嘞|哩)*/u;
const TOLD_ONLY = /^(?:怀着|怀上了?|是的?|对|嗯)?(?:哩|呢|了|哒|啊|呀|嘛|撒)*$/u;

/**
 * Her words split at what says her pregnancy's dates again, against the dates a question of `flow` holds
 * already (a dating, or weeks a booking took): `rest`, the other clauses (without 不是说了 before her dates);
 * undefined when no clause gives those dates, or one gives others (a correction, not read here).
 */
function besideHerDates(text: string, flow: Flow, step: AskStep, vars: Readonly<Record<string, unknown>>, today: string): { rest: string[] } | undefined {
  if (step.input.type === 'dating' || step.input.type === 'gestation') return undefined;
  const dating = flow.steps.find(
    (s): s is AskStep => s.kind === 'ask' && (s.input.type === 'dating' || s.input.type === 'gestation') && !!s.save && vars[s.save] !== undefined,
  );
  if (!dating?.save) return besideADay(text, vars, today);
  const held = vars[dating.save];
  const given = typeof held === 'string' ? held : dueDateOf(held);
  return splitAtRestated(text, (words) => {
    const r = parseInput(dating.input, words, today, held);
    return r.ok ? (typeof r.value === 'string' ? r.value : dueDateOf(r.value)) === given : undefined;
  });
}

const dayOf = (v: unknown): string | undefined =>
  v && typeof v === 'object' && 'date' in v && 'precision' in v && v.precision === 'day' && typeof v.date === 'string' ? v.date : undefined;

/**
 * Beside a flow that holds no dates of her pregnancy: a past day the conversation holds (宝宝昨天上午生的,
 * then 昨天上午咯 at the question that follows) said again, as besideHerDates does for her dates.
 */
function besideADay(text: string, vars: Readonly<Record<string, unknown>>, today: string): { rest: string[] } | undefined {
  const days = new Set(
    Object.values(vars)
      .map(dayOf)
      .filter((d): d is string => d !== undefined),
  );
  if (days.size === 0) return undefined;
  return splitAtRestated(text, (words) => {
    const r = parseDate(words, { today, direction: 'past' });
    return r.ok ? r.value.precision === 'day' && days.has(r.value.date) : undefined;
  });
}

/**
 * Her clauses split by `restates` (true: it says again what is held; false: it says something else, and
 * nothing is read; undefined: it says no such thing, and is kept in `rest`, without 不是说了 before it).
 */
function splitAtRestated(text: string, restates: (words: string) => boolean | undefined): { rest: string[] } | undefined {
  const rest: string[] = [];
  let restated = false;
  for (const clause of normalizeText(text).split(/[^\p{L}\p{N}]+/u)) {
    const words = clause.replace(TOLD_BEFORE, '');
    const same = words ? restates(words) : undefined;
    if (same === false) return undefined;
    if (same) restated = true;
    else if (clause) rest.push(clause);
  }
  return restated ? { rest } : undefined;
}

/**
 * Her answer beside her dates said again (就是阳历1月26号 二十八天一回 at the cycle question, after
 * 末次月经是腊月初八): the clauses that give the dates this flow already holds are set aside and the
 * rest answers the question. Undefined when no clause restates them, or one gives other dates, or the
 * rest does not answer.
 */
export function answerBesideDating(
  text: string,
  flow: Flow,
  step: AskStep,
  vars: Readonly<Record<string, unknown>>,
  today: string,
): ParseResult<unknown> | undefined {
  const beside = besideHerDates(text, flow, step, vars, today);
  if (!beside || beside.rest.length === 0) return undefined;
  const r = parseInput(step.input, beside.rest.join(' '), today);
  return r.ok ? r : undefined;
}

/** Her dates said again, and nothing else but that she told them (怀着哩 不是说了九周零三天; 11周3天 刚才说过了). */
export function datesSaidAgain(text: string, flow: Flow, step: AskStep, vars: Readonly<Record<string, unknown>>, today: string): boolean {
  const beside = besideHerDates(text, flow, step, vars, today);
  return !!beside && beside.rest.every((c) => TOLD_ONLY.test(c.replace(TOLD_BEFORE, '')));
}
