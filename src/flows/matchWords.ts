// Recognising global commands and the words that start a flow, in the short, loose way women
// write ("菜单！", "我要人工", "请问我能免费做两癌筛查吗").
import type { Commands, Flow, Step } from './flowSchema.js';
import { parseYesNo, plainYesNo } from '../domain/parse/parseYesNo.js';
import { whoseNews } from '../domain/parse/ofAnotherWoman.js';
import { hasWord, longestWord, matchClasses, maskWords } from './looseWords.js';

// around a command: politeness, who (俺先不弄了), and when (今天不搞了, 现在不问了); not 那 (那算了吧 俺不弄了 at the privacy notice is her no)
const FILLERS = /^(请问|请|我要|我想|我|俺要|俺想|俺|帮我|麻烦|看看|看|你好|今天|今儿个|今儿|现在|这会儿|这会|暂时)|(吧|呢|啊|呀|哦|了|一下)$/g;
const PUNCTUATION = /[\s,，。.!！?？、~～:：;；"'“”‘’()（）【】]/g;
const CLAUSE = /[\s,，。.!！?？、~～:：;；"'“”‘’()（）【】]+/u;

function stripForCommand(text: string): string {
  let s = text.replace(PUNCTUATION, '').toLowerCase();
  for (let i = 0; i < 3; i++) s = s.replace(FILLERS, '');
  return s;
}

/**
 * The command a message is: the whole message is one of its words (give or take fillers), or it
 * holds a word of each of the command's classes (`all`), in order.
 */
export function matchCommand(text: string, commands: Commands): string | undefined {
  const s = stripForCommand(text);
  if (!s) return undefined;
  for (const c of commands.commands) {
    if (c.words.some((w) => stripForCommand(w) === s)) return c.target.slice('flow:'.length);
  }
  // or each clause one of the same command's words (不弄了 俺先不查了)
  const clauses = text.split(CLAUSE).map(stripForCommand).filter(Boolean);
  if (clauses.length > 1) {
    const command = commands.commands.find((c) => clauses.every((cl) => c.words.some((w) => stripForCommand(w) === cl)));
    if (command) return command.target.slice('flow:'.length);
  }
  // a command in her own words: a word of each class, in order and close (先不约了 返回主页面吧)
  const loose = text.replace(PUNCTUATION, '').toLowerCase();
  for (const c of commands.commands) {
    if (c.all.length > 1 && matchClasses(loose, c.all, c.near) && !hasWord(loose, c.unless)) return c.target.slice('flow:'.length);
  }
  return undefined;
}

/**
 * Whether the whole message (or each of its clauses) is one of the waiting question's own answer words
 * (its yesWords/noWords, an option's words): 取消 to 确定要取消吗 or to 要改约或取消吗 answers the
 * question, it does not stop it as the command 取消 would.
 */
export function isOwnAnswerWord(text: string, step: Step | undefined): boolean {
  if (step?.kind !== 'ask') return false;
  const input = step.input;
  const own = input.type === 'yesno' ? [...input.yesWords, ...input.noWords] : input.type === 'choice' ? input.options.flatMap((o) => o.words ?? []) : [];
  const isOwn = (part: string): boolean => own.some((w) => stripForCommand(w) === part);
  const s = stripForCommand(text);
  if (s === '') return false;
  if (isOwn(s)) return true;
  // or each clause one of them (算了 不弄了, to the privacy notice: her no, not the command 取消)
  const clauses = text.split(CLAUSE).map(stripForCommand).filter(Boolean);
  return clauses.length > 1 && clauses.every(isOwn);
}

export interface TriggerMatch {
  flowId: string;
  vars: Record<string, string>;
  /** The message also answers the flow's first `fromTrigger` question. */
  answers: boolean;
  /** Her words for those questions, when not the whole message (the clauses of news left out: NT约好了). */
  text?: string;
  /** An action asked for (the trigger's priority above 0: 预约, 取消预约), not only a topic named (两癌). */
  action?: boolean;
}

type Trigger = Flow['triggers'][number];
type Rank = [number, number, number];

/** How well the trigger's words are in `s` (its `except` places blotted out): the length found, or 0. */
function found(s: string, t: Trigger): number {
  const m = maskWords(s, t.except);
  const word = longestWord(m, t.words)?.word.length ?? 0;
  const classes = t.all.length > 0 ? matchClasses(m, t.all, t.near) : undefined;
  return Math.max(word, classes ? classes.reduce((n, h) => n + h.word.length, 0) : 0);
}

/**
 * Her words for the flow's questions without the clauses that hold only places of `except` (news
 * such as 排畸约好了 beside the request 糖耐量也帮我约一个); undefined when no clause is left out.
 */
function requestClauses(text: string, t: Trigger): string | undefined {
  if (t.except.length === 0) return undefined;
  const asks = [...t.words, ...(t.all[0] ?? [])];
  const clauses = text.split(CLAUSE).filter(Boolean);
  const kept = clauses.filter((c) => {
    const s = c.toLowerCase();
    return !hasWord(s, t.except) || hasWord(maskWords(s, t.except), asks);
  });
  return kept.length > 0 && kept.length < clauses.length ? kept.join(' ') : undefined;
}

/**
 * The flow her message asks for, by the words inside it (or, with no word, by a plain yes: `answer`;
 * not with `plainYes: false`: before she consented, a yes is not a request; with `openingYes`, a first
 * clause that is only a yes, and nothing against it after: 中中 俺要 明个前晌去). Words are found the loose
 * way she writes them (looseWords.ts: 排个号 is 排号; a word of each of `all` classes: 约个NT). A
 * trigger whose `unless` words are also in the message does not count (怕流产 is worry, not a loss),
 * except inside its `unlessNotIn` words (the 产生 of 剖腹产生了);
 * one with `also` words counts only when one of them is in the message too (流产了 with 吗 or 原因 is
 * news with a question); places of its `except` words do not count for it (约好了 is not a request).
 * A higher-priority trigger wins (an action such as 预约 over a topic such as 两癌); then one that
 * also sets variables (a specific programme); then the longer words.
 */
export function matchTrigger(text: string, flowsIn: Iterable<Flow>, o: { plainYes?: boolean; openingYes?: boolean } = {}): TriggerMatch | undefined {
  const flows = [...flowsIn];
  const s = text.replace(PUNCTUATION, '').toLowerCase();
  let best: { flow: Flow; t: Trigger; rank: Rank } | undefined;
  const better = (a: Rank, b: Rank) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  for (const flow of flows) {
    for (const t of flow.triggers) {
      if (t.answer !== undefined) continue;
      if (hasWord(maskWords(s, t.unlessNotIn), t.unless)) continue;
      if (t.also.length > 0 && !hasWord(s, t.also)) continue;
      const length = found(s, t);
      if (length === 0) continue;
      const rank: Rank = [t.priority, Object.keys(t.vars).length > 0 ? 1 : 0, length];
      if (!best || better(rank, best.rank) > 0) best = { flow, t, rank };
    }
  }
  if (best) {
    const { flow, t } = best;
    if (t.ofAnother) {
      // whose news it is: the clauses that hold the trigger's words
      const whose = whoseNews(text.split(CLAUSE).filter(Boolean), (c) => found(c.replace(PUNCTUATION, '').toLowerCase(), t) > 0);
      if (whose !== 'self') return { flowId: t.ofAnother, vars: { ...t.vars, news: flow.id, whose }, answers: true, action: true };
    }
    const words = t.answers ? requestClauses(text, t) : undefined;
    return { flowId: flow.id, vars: t.vars, answers: t.answers, ...(words ? { text: words } : {}), ...(t.priority > 0 ? { action: true } : {}) };
  }
  if (o.plainYes === false) return undefined;
  // no word matched: a message that is only a yes (要, 好的, 行) answers what was offered her at rest
  for (const flow of flows) {
    for (const t of flow.triggers) {
      if (t.answer === 'yes' && (plainYesNo(text, { yes: t.yesWords }) === true || (o.openingYes && opensWithYes(text, t.yesWords))))
        return { flowId: flow.id, vars: t.vars, answers: t.answers };
    }
  }
  return undefined;
}

/** A first clause that is only a yes, and the rest no other answer (中中 俺要 明个前晌去). */
function opensWithYes(text: string, yesWords: readonly string[] | undefined): boolean {
  // (好 俺问问老公: not yet a yes)
  if (/问问|问一下|想想|商量|考虑|再说/u.test(text)) return false;
  const first = text.split(CLAUSE).find(Boolean) ?? '';
  if (plainYesNo(first, { yes: yesWords }) !== true) return false;
  const read = parseYesNo(text, { yes: yesWords });
  return read.ok && read.value;
}

type SideWords = { words: string[]; unless?: string[] };
const squeeze = (w: string) => w.replace(PUNCTUATION, '').toLowerCase();

/** Where in `s` (squeezed) the side answer's words first are, or -1 (also when one of its `unless` words is there). */
function sideAt(s: string, a: SideWords): number {
  if (a.unless?.some((w) => s.includes(squeeze(w)))) return -1;
  const at = a.words.map((w) => s.indexOf(squeeze(w))).filter((i) => i >= 0);
  return at.length > 0 ? Math.min(...at) : -1;
}

/** The first side answer (a step's `sideAnswers`, the profile's `sideQuestions`) whose words are in her message. */
export function matchSideAnswer<T extends SideWords>(text: string, sideAnswers: readonly T[]): T | undefined {
  const s = squeeze(text);
  return sideAnswers.find((a) => sideAt(s, a) >= 0);
}

/** Every side answer whose words are in her message, in the order she asks them (要带啥 要不要空腹). */
export function matchSideAnswers<T extends SideWords>(text: string, sideAnswers: readonly T[]): T[] {
  const s = squeeze(text);
  return sideAnswers
    .map((a) => ({ a, at: sideAt(s, a) }))
    .filter((m) => m.at >= 0)
    .sort((x, y) => x.at - y.at)
    .map((m) => m.a);
}

/**
 * Her message without the clauses (split at punctuation and spaces) that hold a side answer's words:
 * what is left may answer the question ("不同意 你们是不是骗子": 不同意). Empty when nothing is left.
 */
export function withoutSideClauses(text: string, sideAnswers: readonly SideWords[]): string {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((clause) => clause && !matchSideAnswer(clause, sideAnswers))
    .join(' ');
}
