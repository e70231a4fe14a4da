// One inbound message being handled: the replies so far, where the conversation now stands, and
// the facts and outcomes to save together at the end.
import { shanghaiDay } from '../domain/calendarDay.js';
import type { ContactRecord } from '../services/contactService.js';
import type {
  CheckWrite,
  ContactPatch,
  ConversationState,
  ConversationStore,
  EngineState,
  FactWrite,
  Frame,
  StoredFact,
} from '../services/conversationStore.js';
import { emptyEngineState } from '../services/conversationState.js';
import type { Flow, Step } from './flowSchema.js';

/** The step to run next in a turn, or undefined when the bot waits for her or the conversation is at rest. */
export type Next = { flow: Flow; step: Step } | undefined;

export class Turn {
  readonly replies: string[] = [];
  readonly factWrites = new Map<string, FactWrite>();
  readonly checks: CheckWrite[] = [];
  readonly state: ConversationState;
  readonly today: string;
  factCache?: Map<string, StoredFact>;
  readonly contactPatch: ContactPatch = {};
  clearFacts = false;
  /** Her answers to forget (she answers their questions again). */
  readonly forgottenFacts = new Set<string>();
  contactDeleted = false;
  /** The bot could not read her answers the profile's times in a row: staff are asked to help her (engine). */
  stuck = false;
  /** The conversation was reset for being idle at the start of this turn. */
  idleReset = false;
  /** Her own resident ID number, given in this turn as her birth date answer: kept (hashed, sealed) once she consented. */
  ownIdNumber?: string;

  constructor(
    readonly contact: ContactRecord,
    stored: ConversationState | null,
    readonly now: Date,
  ) {
    this.state = stored
      ? { ...stored, vars: { ...stored.vars }, engine: structuredClone(stored.engine) }
      : { flowId: '', stepId: '', vars: {}, engine: emptyEngineState(), failures: 0, lastActiveAt: now, idleResetAt: null, version: null };
    this.today = shanghaiDay(now);
  }

  /** The engine's bookkeeping of this conversation (never her answers). */
  get engine(): EngineState {
    return this.state.engine;
  }

  get consented(): boolean {
    return this.contact.consent === 'given';
  }

  say(text: string): void {
    this.replies.push(text);
  }

  /** The step she is expected to answer, if any. */
  waitingStep(flows: Map<string, Flow>): { flow: Flow; step: Step } | undefined {
    const flow = flows.get(this.state.flowId);
    const step = flow?.steps.find((s) => s.id === this.state.stepId);
    return flow && step ? { flow, step } : undefined;
  }

  waitAt(flowId: string, stepId: string): void {
    this.state.flowId = flowId;
    this.state.stepId = stepId;
  }

  /** Back at rest: no flow running, conversation variables and the flows to return to forgotten. */
  rest(): void {
    this.state.flowId = '';
    this.state.stepId = '';
    this.state.vars = {};
    this.state.engine = emptyEngineState();
    this.state.failures = 0;
  }

  /** A flow is called from `flowId`: when it returns, that flow goes on at `target`. */
  pushFrame(frame: Frame): void {
    this.state.engine.stack.push(frame);
  }

  popFrame(): Frame | undefined {
    return this.state.engine.stack.pop();
  }

  setFact(key: string, value: unknown, sensitive: boolean): void {
    this.factWrites.set(key, { key, value, sensitive });
  }

  /** Applies an action's changes to her contact: seen by the rest of the turn, saved with it. */
  patchContact(patch: ContactPatch): void {
    Object.assign(this.contactPatch, patch);
    Object.assign(this.contact, patch);
  }

  /** Forgets all her answers, or only those of `keys` (she answers those questions again). */
  forgetFacts(keys: true | string[] = true): void {
    if (keys !== true) {
      for (const key of keys) {
        this.forgottenFacts.add(key);
        this.factWrites.delete(key);
        this.factCache?.delete(key);
      }
      return;
    }
    this.clearFacts = true;
    this.factCache = new Map();
    this.factWrites.clear();
  }

  recordCheck(check: CheckWrite): void {
    this.checks.push(check);
  }
}

/** Saves what the turn changed; before consent only the consent step and what her message asked for. */
export async function persistTurn(store: ConversationStore, turn: Turn): Promise<void> {
  if (turn.contactDeleted) return;
  if (!turn.consented) {
    // before consent nothing but the consent step is kept, and what her message asked for: no answers, no
    // facts; and a yes or no waiting for her confirmation (您是说：不同意，对吗？), which says nothing of her
    const guess = typeof turn.engine.guess?.value === 'boolean' ? { guess: turn.engine.guess } : {};
    turn.state.vars = {};
    turn.state.engine = { stack: turn.engine.stack.filter((f) => f.request), ...guess };
    turn.factWrites.clear();
    turn.checks.length = 0;
    turn.ownIdNumber = undefined;
  }
  turn.state.lastActiveAt = turn.now;
  turn.state.idleResetAt = null;
  await store.saveTurn(turn.contact.id, {
    state: turn.state,
    facts: [...turn.factWrites.values()],
    checks: turn.checks,
    contact: turn.contactPatch,
    clearFacts: turn.clearFacts,
    ...(turn.ownIdNumber && !turn.clearFacts ? { ownIdNumber: turn.ownIdNumber } : {}),
    forgetFacts: [...turn.forgottenFacts],
    now: turn.now,
  });
}
