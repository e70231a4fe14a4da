// Her answer to a question still ahead, written at the one asked: the day, the hospital or the session
// of a booking at its 户口 question or its list of townships (后天上午, 礼拜四, 俺想去妇幼, 上午); her pregnancy's dates at the health consent asked
// before them (末次月经腊月初八). Not a failed answer: kept with the clauses her answers left
// (`engine.carried`, forgotten when the conversation rests: she declines, or goes silent), read by that
// question when it comes (`fromTrigger`), and she is told so before the question asked again. At a
// yes/no question whose yes leads to it (要现在约吗？ 礼拜四上午吧), her words are that yes. Only words
// that read whole as that answer are kept, and only after she agreed to the privacy notice.
import { readDayWords, SESSION_WORDS } from '../domain/booking/readDay.js';
import { speaksOfAnotherWoman } from '../domain/parse/ofAnotherWoman.js';
import { parseGestation } from '../domain/pregnancy/parseGestation.js';
import { dayToGo } from '../domain/pregnancy/statesGestation.js';
import type { AskStep, Flow, Step } from './flowSchema.js';
import type { Turn } from './turn.js';
import type { HomePlaces } from './heardHome.js';
import { hospitalNamed, hospitalWords } from './booking/hospitalWords.js';
import { parseInput } from './parseInput.js';

/** Words that keep a day rather than name a new one (就15号吧, 还是15号, 15号不变, 礼拜四就行; not 改到周五下午 就那天吧). */
const KEEPS = /还是|不变|不改|不换|照旧|原来|^(?!.*[改换挪调]).*就(?:(?=是?(?:\d|[一二三四五六七八九十这那今明后周下上]|礼拜|星期))|行|好|可以|中|成|去)/u;
/** Whether her words keep a day she names (not 腊月初八来的 之后就没来了: her period, and that 就 keeps nothing). */
const keepsDay = (text: string, today: string): boolean => KEEPS.test(text) && readDayWords(text, today).kind !== 'none';

/** The source of a list of days (booking.yaml's day step). */
export const DAYS_SOURCE = 'booking.days';
const HOSPITALS_SOURCE = 'booking.hospitals';
/** The source of a list of sessions (booking.yaml's session step): read from earlier words only when they are only a session. */
export const SESSIONS_SOURCE = 'booking.sessions';

/** What may stand around the name she gives (俺想去妇幼吧, 就上午): nothing of its own. */
const AROUND_NAME = /[\s,，。.!！~～]|俺|我|想|要|就|还是|去|到|在|吧|呗|的|那个|那|哈|嘛|呀|啊|哩|嘞/gu;

/** Her words with `names` taken out and what stands around a name: empty when they were only the name. */
function besidesNames(text: string, names: readonly string[]): string {
  let rest = text;
  for (const n of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(n).join('');
  return rest.replace(AROUND_NAME, '');
}

/** Whether her words are only the name of one of the county's hospitals (俺想去妇幼, 人民医院吧). */
function namesHospitalOnly(text: string, home: HomePlaces | undefined): boolean {
  const county = home?.county[0];
  const id = home?.hospitals && county ? hospitalNamed(text, home.hospitals, county) : undefined;
  const hospital = id ? home?.hospitals?.find((h) => h.id === id) : undefined;
  return !!hospital && !!county && besidesNames(text, hospitalWords(hospital.name, county)) === '';
}

/** Whether her words are only a session, no day (上午, 下午去吧; not 今儿上午刚从地里回来). */
export function namesSessionOnly(text: string, today: string): boolean {
  const day = readDayWords(text, today);
  return day.kind === 'none' && day.session !== undefined && besidesNames(text, Object.values(SESSION_WORDS).flat()) === '';
}

/** Where a step may go on to (step ids of its flow, `end`, `return`, `flow:<id>`). */
function targetsOf(step: Step): string[] {
  const on = 'on' in step && step.on ? Object.values(step.on) : [];
  const onEmpty = step.kind === 'ask' && step.onEmpty ? [step.onEmpty] : [];
  return [...on, ...onEmpty, ...('next' in step && step.next ? [step.next] : [])];
}

const asksDay = (flow: Flow | undefined): boolean =>
  !!flow?.steps.some((s) => s.kind === 'ask' && s.input.type === 'dynamicChoice' && s.input.source === DAYS_SOURCE);

/** Whether `flow`, or a flow it goes on to or calls (flow:change_booking, then booking), asks for the day of a booking. */
export function booksADay(flows: ReadonlyMap<string, Flow>, flow: Flow, seen = new Set<string>()): boolean {
  if (seen.has(flow.id)) return false;
  seen.add(flow.id);
  const next = flow.steps.flatMap((s) => [
    ...targetsOf(s)
      .filter((t) => t.startsWith('flow:'))
      .map((t) => t.slice('flow:'.length)),
    ...(s.kind === 'call' ? [s.flow] : []),
  ]);
  return (
    asksDay(flow) ||
    next.some((id) => {
      const f = flows.get(id);
      return !!f && booksADay(flows, f, seen);
    })
  );
}

/** The steps of `flow` that `from` (step ids) lead to, those included. */
function reachable(flow: Flow, from: readonly string[]): Step[] {
  const seen = new Set<string>();
  const queue = [...from];
  const steps: Step[] = [];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const step = flow.steps.find((s) => s.id === id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    steps.push(step);
    queue.push(...targetsOf(step));
  }
  return steps;
}

/** The steps `from` leads to, in this flow and in the flows that called it (from where each goes on). */
function stepsAhead(turn: Turn, flows: ReadonlyMap<string, Flow>, flow: Flow, from: readonly string[]): Step[] {
  const ahead = reachable(flow, from);
  for (const frame of turn.engine.stack) {
    const caller = flows.get(frame.flowId);
    if (caller) ahead.push(...reachable(caller, [frame.target]));
  }
  return ahead;
}

/** Whether her words, whole, answer `step` when it comes (a question that reads her earlier words). */
function answers(step: Step, text: string, today: string, home: HomePlaces | undefined): boolean {
  if (step.kind !== 'ask' || !step.fromTrigger) return false;
  const { input } = step;
  if (input.type === 'dating' || input.type === 'gestation') {
    const g = parseGestation(text, today);
    // (a month's end, 冬月底, is read only where it is said back: the dating of a registration)
    return g.ok && !(input.type === 'gestation' && g.value.assumed) && !dayToGo(text, today) && !speaksOfAnotherWoman(text);
  }
  if (input.type !== 'dynamicChoice') return false;
  if (input.source === HOSPITALS_SOURCE) return namesHospitalOnly(text, home);
  if (input.source === SESSIONS_SOURCE) return namesSessionOnly(text, today);
  if (input.source !== DAYS_SOURCE) return false;
  const day = readDayWords(text, today);
  return day.kind === 'day' && day.day >= today;
}

/**
 * Whether her words answer, whole and surely, a choice question of `flow` other than the one she is on
 * (not one answered by a plain yes or no, never by a bare number): one the flow skipped, or passed
 * already (怀的是一个宝宝，还是双胞胎？ where the county's rules do not need it: 一个 冇得双胞胎 at the
 * birth date question). Tried after the questions ahead (keepForQuestionAhead).
 */
export function answersSkipped(turn: Turn, flow: Flow, text: string): boolean {
  const current = turn.state.stepId;
  if (!turn.consented || !current || /^[\s\d]*$/u.test(text)) return false;
  return flow.steps.some((s) => {
    if (s.kind !== 'ask' || s.id === current || s.input.type !== 'choice' || s.input.yes !== undefined || s.input.no !== undefined) return false;
    const r = parseInput(s.input, text, turn.today);
    return r.ok && !r.guessed;
  });
}

function keep(turn: Turn, text: string): void {
  (turn.engine.carried ??= []).push(text.trim());
  turn.state.failures = 0;
}

/** Keeps her words for a question ahead that they answer; false when they answer none (or she has not agreed to the notice). */
export function keepForQuestionAhead(turn: Turn, flows: ReadonlyMap<string, Flow>, flow: Flow, text: string, home?: HomePlaces): boolean {
  const step = flow.steps.find((s) => s.id === turn.state.stepId);
  if (!turn.consented || !step || keepsDay(text, turn.today)) return false;
  const answered = stepsAhead(turn, flows, flow, targetsOf(step)).filter((s) => answers(s, text, turn.today, home));
  if (answered.length === 0) return false;
  // her dates said again otherwise, after her first words gave them (十二周多, then 单子上写哩12周4天 at the
  // twins question): the later words stand, and she confirms them with the rest before anything is stored
  const dating = answered.find((s): s is AskStep => s.kind === 'ask' && s.input.type === 'dating' && !!s.save && turn.state.vars[s.save] !== undefined);
  const read = dating?.save ? parseInput(dating.input, text, turn.today) : undefined;
  if (dating?.save && read?.ok && !read.guessed) {
    turn.state.vars[dating.save] = read.value;
    turn.state.failures = 0;
    return true;
  }
  keep(turn, text);
  return true;
}

/**
 * At a yes/no question, her words that answer a question only its yes leads to (要现在约吗？ 礼拜四上午吧:
 * the day of the booking it offers): that yes, her words kept for the question. False otherwise.
 */
export function yesByAnswerAhead(turn: Turn, flows: ReadonlyMap<string, Flow>, flow: Flow, step: AskStep, text: string): boolean {
  const yes = step.on?.true;
  const no = step.on?.false;
  // (就15号吧, 15号不变 at 要改到别的日子吗: the day she keeps)
  if (step.input.type !== 'yesno' || !turn.consented || !yes || !no || keepsDay(text, turn.today)) return false;
  const answered = (from: string) => stepsAhead(turn, flows, flow, [from]).some((s) => answers(s, text, turn.today, undefined));
  if (!answered(yes) || answered(no)) return false;
  keep(turn, text);
  return true;
}
