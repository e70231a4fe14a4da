// Where a woman is in a conversation: the step she is asked, her answers (`vars`), and the engine's
// own bookkeeping (`engine`: the flows to return to, the options shown, the interview under way…),
// kept apart so that `vars` hold only her answers and the flows' variables.
import { z } from 'zod';

const requestSchema = z.object({
  /** The variables her message set (a trigger's `vars`). */
  vars: z.record(z.string(), z.string()),
  /** Her words, when they also answer a question of the flow (a trigger with `answers`). */
  text: z.string().optional(),
  /** False: kept before she agreed to the privacy notice (never logged, dropped if she declines or goes silent); true: a second request of her message, kept for after the first. */
  consented: z.boolean(),
});

const frameSchema = z.object({
  flowId: z.string(),
  /** Where to go on in that flow when the called flow returns: a step id (run again) or a target. */
  target: z.string(),
  /** The frame is what her message asked for while the privacy notice waited (see `requestSchema`). */
  request: requestSchema.optional(),
});

const optionSchema = z.object({
  value: z.string(),
  label: z.string(),
  words: z.array(z.string()),
  /** The option is this calendar day (a booking day): she may name the day instead (src/flows/readShownChoice.ts). */
  day: z.string().optional(),
  /** Named in "您是说第5个……，还是5号……？": the reading by its position or by its day of the month. */
  which: z.enum(['position', 'day']).optional(),
  /** The day of the booking she is moving: named in the words that asked to move it, it is the day she leaves. */
  leaving: z.boolean().optional(),
  /** Not shown (after the days listed): a day she may still choose by naming it (src/flows/readShownChoice.ts). */
  more: z.boolean().optional(),
  /** The day she picked before and went back from (15号, then 换个日子): a weekday alone she names next is of its week. */
  picked: z.boolean().optional(),
});

export const engineStateSchema = z.object({
  /** The flows that called the one running, innermost last: `return` goes back to the last. */
  stack: z.array(frameSchema).default([]),
  /** The options of the dynamic choice she is asked (computed when it was asked). */
  options: z.array(optionSchema).optional(),
  /**
   * The message that started the flow (a trigger with `answers`), tried once as the answer by each
   * question marked `fromTrigger` (`tried`: flowId.stepId) until the conversation comes to rest.
   */
  trigger: z.object({ text: z.string(), tried: z.array(z.string()).default([]) }).optional(),
  /**
   * The clauses of an earlier answer that said more than its question asked ("11周 一个宝宝": 一个宝宝),
   * tried by later questions marked `fromTrigger`; used up as read, forgotten at rest.
   */
  carried: z.array(z.string()).optional(),
  /**
   * The eligibility interview under way: the fact asked, the facts she answered in it, and the clauses
   * of her words not read yet (the message that started it, the rest of her answers), used up as read.
   */
  interview: z.object({ asking: z.string().optional(), answered: z.array(z.string()).default([]), carried: z.array(z.string()).optional() }).optional(),
  /** The township an answer of hers named as her home or her 户口 (户口就在秣陵): for a question marked `fromHome`; forgotten at rest. */
  home: z.string().optional(),
  /** A value her answer also gave the next question (8号上午: the session), read by it in the same turn. */
  nextAnswer: z.string().optional(),
  /**
   * An answer read only from part of her words, waiting for her yes before it is acted on; `instead`:
   * the answer her no means, when there are only two readings (a bare 5: the 5th day listed, or the 5th).
   */
  guess: z.object({ value: z.unknown(), label: z.string(), instead: z.unknown().optional() }).optional(),
  /** The short list she was asked to choose from after a plain 不是 that fits several options (choice values). */
  among: z.array(z.string()).optional(),
  /**
   * The questions she answered in this conversation, oldest first (a flow's step, or a question of the
   * eligibility interview: its step and `fact`): 重新回答 goes back to the last, 户口写错了 to the one it
   * names (src/flows/answerAgain.ts). Forgotten at rest, as the rest.
   */
  answered: z.array(z.object({ flowId: z.string(), stepId: z.string(), fact: z.string().optional(), save: z.string().optional() })).optional(),
});

export type EngineState = z.infer<typeof engineStateSchema>;
export type Frame = z.infer<typeof frameSchema>;
export type ShownOption = z.infer<typeof optionSchema>;

export interface ConversationState {
  flowId: string;
  stepId: string;
  /** Her answers and the flows' variables (what texts and actions read). */
  vars: Record<string, unknown>;
  engine: EngineState;
  failures: number;
  lastActiveAt: Date;
  idleResetAt: Date | null;
  /** The stored version this state was read at; null for a conversation not stored yet. */
  version: number | null;
}

export const emptyEngineState = (): EngineState => ({ stack: [] });

/** The state as stored: `{}` when there is none (so the idle purge finds the rows that hold some). */
export function writeEngineState(engine: EngineState): string {
  const empty = engine.stack.length === 0 && Object.entries(engine).every(([k, v]) => k === 'stack' || v === undefined);
  return empty ? '{}' : JSON.stringify(engine);
}

/**
 * The stored engine state; a conversation saved before it had its own column kept it in `vars`
 * under `__` names (moved out here, so a conversation under way at an upgrade goes on).
 */
export function readEngineState(engineJson: string, vars: Record<string, unknown>): EngineState {
  const parsed = engineStateSchema.safeParse(safeJson(engineJson));
  const engine = parsed.success ? parsed.data : emptyEngineState();
  const legacy = engineStateSchema.partial().safeParse({
    options: vars.__options,
    trigger: typeof vars.__triggerText === 'string' ? { text: vars.__triggerText, tried: [] } : undefined,
    interview: typeof vars.__fact === 'string' || Array.isArray(vars.__answered) ? { asking: vars.__fact, answered: vars.__answered ?? [] } : undefined,
  });
  if (legacy.success) {
    for (const [k, v] of Object.entries(legacy.data)) if (v !== undefined) Object.assign(engine, { [k]: v });
  }
  const back = vars.__return as { flowId?: unknown; stepId?: unknown } | undefined;
  if (back && typeof back.flowId === 'string' && typeof back.stepId === 'string') engine.stack.push({ flowId: back.flowId, target: back.stepId });
  for (const k of Object.keys(vars)) if (k.startsWith('__')) delete vars[k];
  return engine;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return {};
  }
}
