// A question and a request in one message (我怀孕了能免费查啥 帮我登记下; 唐筛免费不 帮我登记孕期): both
// are done, the question first. Her message is matched to one trigger (matchWords.ts: the request
// usually wins); the other is found in a clause of its own, read with the topic of the first
// (帮我登记下 beside 我怀孕了: registering her pregnancy), and kept as a frame the first flow
// `return`s to.
import type { Frame } from '../services/conversationStore.js';
import type { Flow } from './flowSchema.js';
import type { FlowSet } from './loadFlows.js';
import { requestOf, type HeldRequest } from './engineOptions.js';
import { longestWord } from './looseWords.js';
import { matchTrigger, type TriggerMatch } from './matchWords.js';
import { parseInput } from './parseInput.js';

/** The question answered first; its flow ends with `return`, so that the request kept goes on after it. */
const QUESTION = 'eligibility';
/** Another woman's news (我妹妹流产了): its kind line first; it `return`s to her own request too, as advice does. */
const NEWS = 'others_news';
const CLAUSE = /[\s,，。.!！?？、~～:：;；]+/u;
/** A clause that asks (免费不, 要钱吗, 能查不): a topic alone (我怀孕了, 唐筛也做哒) is news, not the question. */
const ASKS = /免费|要钱|花钱|收费|多少钱|能不能|能查|能做|可以查|可以做|[吗么嘛]/u;
/** A clause that asks for something for herself (想登记一下, 帮俺约个, 要预约). */
const WISH = /想|要|帮|给我|给俺|麻烦|请/u;
const squeeze = (s: string) => s.replace(/[\s,，。.!！?？、~～:：;；]/gu, '').toLowerCase();

/** The longest of the flow's trigger words in her message (the topic a bare request clause goes with). */
function topicWord(text: string, flow: Flow): string | undefined {
  const s = squeeze(text);
  const hits = flow.triggers.map((t) => longestWord(s, t.words)?.word).filter((w): w is string => !!w);
  return hits.sort((a, b) => b.length - a.length)[0];
}

/** Whether `flow` runs the other itself (booking calls the eligibility check: nothing to add). */
const calls = (flow: Flow, other: string) => flow.steps.some((s) => s.kind === 'call' && s.flow === other);

/**
 * Her message's requests in the order they run: the trigger matched, and a second of another clause
 * when one of the two is the question (the eligibility check) and the other a flow that does not run it.
 */
export function twoRequests(set: FlowSet, main: TriggerMatch, text: string): [HeldRequest] | [HeldRequest, HeldRequest] {
  const first = requestOf(main, text);
  const mainFlow = set.flows.get(main.flowId);
  if (!mainFlow || mainFlow.alongside) return [first];
  if (main.flowId === NEWS || mainFlow.adviceOnly) {
    const own = ownRequestBeside(set, main, text);
    return own ? [first, own] : [first];
  }
  const others = [...set.flows.values()].filter((f) => f.id !== main.flowId);
  const topic = topicWord(text, mainFlow);
  for (const clause of text.split(CLAUSE).filter(Boolean)) {
    // a clause that asks for the same flow is part of the first request
    if (matchTrigger(clause, [mainFlow], { plainYes: false })) continue;
    const other = matchTrigger(clause, others, { plainYes: false }) ?? (topic ? matchTrigger(`${topic} ${clause}`, others, { plainYes: false }) : undefined);
    const flow = other && set.flows.get(other.flowId);
    if (!other || !flow || flow.alongside || flow.id === main.flowId) continue;
    if ((main.flowId === QUESTION) === (flow.id === QUESTION) || (flow.id === QUESTION && !ASKS.test(clause))) continue;
    if (calls(flow, main.flowId) || calls(mainFlow, flow.id)) continue;
    const second: HeldRequest = { flowId: flow.id, vars: other.vars, text: other.answers ? (other.text ?? text) : undefined };
    return main.flowId === QUESTION ? [first, second] : [second, first];
  }
  return [first];
}

/**
 * Beside advice (怕流产, 心里慌) or another woman's news (one kind line), what she asks for herself in the
 * clauses that are not about it (我表姐生了 | 我也怀孕12周了 想登记一下): it goes on after them. Only a
 * request she makes (想, 帮, 要…), not news of herself beside the worry (那时候不知道怀上了).
 */
function ownRequestBeside(set: FlowSet, main: TriggerMatch, text: string): HeldRequest | undefined {
  const others = [...set.flows.values()].filter((f) => f.id !== main.flowId && f.id !== NEWS && !f.adviceOnly && !f.alongside);
  const aboutFirst = (clause: string) => {
    const m = matchTrigger(clause, set.flows.values(), { plainYes: false });
    return !!m && (m.flowId === main.flowId || m.flowId === NEWS || !!set.flows.get(m.flowId)?.adviceOnly);
  };
  const own = text
    .split(CLAUSE)
    .filter((c) => c && !aboutFirst(c))
    .join(' ');
  const other = WISH.test(own) ? matchTrigger(own, others, { plainYes: false }) : undefined;
  return other && (other.flowId !== QUESTION || ASKS.test(own)) ? requestOf(other, own) : undefined;
}

/** The frame a request goes on from when the flow before it returns (its variables, her words for its questions). */
export const requestFrame = (set: FlowSet, r: HeldRequest, consented: boolean): Frame => ({
  flowId: r.flowId,
  target: set.flows.get(r.flowId)!.steps[0].id,
  request: { vars: r.vars, text: r.text, consented },
});

/** The flow her dates alone register (her weeks at rest, 十周哒 after she was told what is free to her). */
const REGISTER = 'pregnancy';
const DATING_WORDS = /预产期|末次月经|例假|月经/u;

/**
 * Her weeks alone at rest (十周哒, 孕10周, 9周2天), or a date she says is her due date or last period:
 * a request to register her pregnancy, read from these words (and confirmed before anything is kept).
 * Not a bare date or day (明天, 10月7号): nothing says it is about her pregnancy.
 */
export function datingAlone(set: FlowSet, text: string, today: string): TriggerMatch | undefined {
  const flow = set.flows.get(REGISTER);
  const step = flow?.steps.find((s) => s.kind === 'ask' && s.input.type === 'dating');
  if (!flow || step?.kind !== 'ask') return undefined;
  const read = parseInput(step.input, text, today);
  if (!read.ok || !isDating(read.value)) return undefined;
  return read.value.from === 'weeks' || DATING_WORDS.test(text) ? { flowId: flow.id, vars: {}, answers: true } : undefined;
}

/**
 * An action asked for in her words at a list like the menu (约唐筛, 取消预约), or her last period or weeks
 * alone (末次月经1月28号: registering); not a number, which picks from the list.
 */
export function actionAtList(set: FlowSet, text: string, today: string): TriggerMatch | undefined {
  if (/^\s*\d+\s*$/u.test(text)) return undefined;
  const dating = datingAlone(set, text, today);
  return matchTrigger(text, set.flows.values()) ?? (dating && { ...dating, action: true });
}

const isDating = (v: unknown): v is { from: string } => typeof v === 'object' && v !== null && typeof (v as { from?: unknown }).from === 'string';

/**
 * A flow her words start before she agreed to the privacy notice that needs no consent and asks
 * nothing (a loss told in her own words, 我的伢冇保住 前几天流掉哒): its kind words at once, as its
 * command's are, not after the notice. Undefined for a flow that asks or is followed by the notice,
 * and when her words ask for something else too (俺怕流产 想约个NT: the notice, then both).
 */
export function saidBeforeNotice(flowSet: FlowSet, trigger: TriggerMatch | undefined, text: string): Flow | undefined {
  const flow = trigger && flowSet.flows.get(trigger.flowId);
  if (!trigger || !flow?.beforeConsent || flow.noticeAfter || flow.steps.some((s) => s.kind === 'ask')) return undefined;
  return twoRequests(flowSet, trigger, text).length > 1 ? undefined : flow;
}
