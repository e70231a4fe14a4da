// Flows that run beside what she is doing (`alongside: true`: 我的信息, 人工, 退订, 删除, her
// bookings): asked for in the middle of a question, the question comes back after them with her
// answers kept; asked for in one message together with another request (俺约的唐筛是哪天 顺便给个人工
// 电话; 莫发消息哒 把我的信息也删咯), both run, one after the other.
import type { Frame } from '../services/conversationStore.js';
import type { Flow, Step } from './flowSchema.js';
import type { FlowSet } from './loadFlows.js';
import { matchCommand, matchTrigger, type TriggerMatch } from './matchWords.js';

const CLAUSE = /[\s,，。.!！?？、~～:：;；]+/u;

export interface RequestPlan {
  /** The question she was on stays: the flows run on top of it (her answers are not forgotten). */
  resume: boolean;
  /** Pushed in this order before `start` runs: where the conversation goes when its flows `return`. */
  frames: Frame[];
  start: string;
}

/** Whether the flow may wait for her answer (then it goes last of two requests). */
const asks = (flow: Flow) => flow.steps.some((s) => s.kind !== 'say' && s.kind !== 'action');

/** Another request of the `alongside` kind in a clause of her message, besides `main`. */
export function otherRequest(text: string, main: string, set: FlowSet): Flow | undefined {
  for (const clause of text.split(CLAUSE).filter(Boolean)) {
    const command = matchCommand(clause, set.commands);
    const id = command ?? matchTrigger(clause, set.flows.values(), { plainYes: false })?.flowId;
    // (not one that `main` means instead: moving a booking is not also cancelling it)
    const flow = id && id !== main && !set.flows.get(main)?.insteadOf.includes(id) ? set.flows.get(id) : undefined;
    // a trigger's `unless` words count in the whole message (去不了 beside 过些天再约 gives nothing back)
    if (flow?.alongside && (command || matchTrigger(text, [flow], { plainYes: false }))) return flow;
  }
  return undefined;
}

/**
 * How to start `main`, asked for in `text` while `waiting` (the question she is on, once she consented;
 * undefined at rest): on top of that question when `main` runs alongside; with a second request of her
 * message after it, or before it when that one only answers and `main` asks (or does not return).
 */
export function planRequest(set: FlowSet, main: string, text: string, waiting?: { flow: Flow; step: Step }): RequestPlan {
  const flow = set.flows.get(main)!;
  const resume = !!waiting && !!flow.alongside && waiting.flow.id !== main && !set.flows.get(waiting.flow.id)?.alongside;
  const frames: Frame[] = resume ? [{ flowId: waiting.flow.id, target: waiting.step.id }] : [];
  const other = otherRequest(text, main, set);
  if (!other) return { resume, frames, start: main };
  const otherFirst = !flow.alongside || (asks(flow) && !asks(other));
  const [first, then] = otherFirst ? [other, flow] : [flow, other];
  frames.push({ flowId: then.id, target: then.steps[0].id });
  return { resume, frames, start: first.id };
}

/** A request in her words, not an answer to the question she is on, of a flow that runs beside it (then the question comes back). */
export function alongsideRequest(set: FlowSet, text: string, asking: string): TriggerMatch | undefined {
  const trigger = matchTrigger(text, set.flows.values(), { plainYes: false });
  const flow = trigger && trigger.flowId !== asking ? set.flows.get(trigger.flowId) : undefined;
  return flow?.alongside ? trigger : undefined;
}
