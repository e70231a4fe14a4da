// The conversation engine: runs the flows in flows/ for one inbound message of one woman and
// returns the replies. State lives in the database (a restart mid-flow resumes); the caller makes
// sure one contact's messages come one at a time.
import type { Clock } from '../support/clock.js';
import type { Logger } from '../support/logger.js';
import type { InboundMessage } from '../channels/channel.js';
import { renderTemplate, type TemplateVars } from '../domain/template.js';
import type { ContactService } from '../services/contactService.js';
import { IDLE_EXEMPT_FLOWS, StaleTurnError, type ConversationStore } from '../services/conversationStore.js';
import type { ChoiceSource, FlowAction } from './actions.js';
import { fail, ok } from '../domain/parse/parseResult.js';
import type { AskStep, Flow, Step } from './flowSchema.js';
import type { FlowSet } from './loadFlows.js';
import { matchCommand, matchTrigger } from './matchWords.js';
import { parseInput } from './parseInput.js';
import { optionLines, readShownChoice, type ShownOption } from './readShownChoice.js';
import type { ProgrammePort } from './programmePort.js';
import { Turn } from './turn.js';

export interface EngineOptions {
  flowSet: FlowSet;
  programmes: ProgrammePort;
  actions: ReadonlyMap<string, FlowAction>;
  choiceSources?: ReadonlyMap<string, ChoiceSource>;
  contacts: ContactService;
  store: ConversationStore;
  clock: Clock;
  logger: Logger;
  /** Texts' placeholders that come from the county (countyName, operator, servicePhone, …). */
  countyVars: TemplateVars;
  idleMinutes: number;
  /** Called when a turn deleted everything about her (e.g. so the simulator forgets her transcript). */
  onContactDeleted?: (message: InboundMessage) => void;
  /**
   * Facts known from what she registered rather than answered (a registered pregnancy: pregnant),
   * current whenever they are read; an answer of this turn still wins.
   */
  knownFacts?: (contactId: string) => Promise<Record<string, unknown>>;
}

const MAX_STEPS_PER_TURN = 50;
/** The message that started the current flow, until the first question after it (see `fromTrigger`). */
const TRIGGER_TEXT = '__triggerText';
/** A value her last answer also gave the next choice question (8号上午: the session), within the turn. */
const NEXT_ANSWER = '__nextAnswer';
const MAX_FAILURES = 3;
const MAX_TURN_ATTEMPTS = 3;

export class ConversationEngine {
  constructor(private readonly o: EngineOptions) {}

  async handle(message: InboundMessage): Promise<string[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.handleOnce(message);
      } catch (err) {
        // another process handled the same contact meanwhile: run the turn again on fresh state
        if (!(err instanceof StaleTurnError) || attempt >= MAX_TURN_ATTEMPTS) throw err;
        this.o.logger.debug({ attempt }, 'stale turn, running again');
      }
    }
  }

  private async handleOnce(message: InboundMessage): Promise<string[]> {
    const now = this.o.clock.now();
    const contact = await this.o.contacts.findOrCreate(message.channel, message.externalId);
    const stored = await this.o.store.load(contact.id);
    const turn = new Turn(contact, stored, now);
    const idleMs = this.o.idleMinutes * 60_000;
    const idle = stored && stored.stepId && !IDLE_EXEMPT_FLOWS.has(stored.flowId) && now.getTime() - stored.lastActiveAt.getTime() > idleMs;
    if (stored && (stored.idleResetAt || idle)) {
      turn.say(this.text(this.o.flowSet.messages.idleReset, turn));
      turn.rest();
      turn.idleReset = true;
    }
    await this.route(turn, message.text);
    if (turn.contactDeleted) this.o.onContactDeleted?.(message);
    await this.persist(turn);
    this.o.logger.debug({ contactId: contact.id, flow: turn.state.flowId, step: turn.state.stepId, replies: turn.replies.length }, 'message handled');
    return turn.replies;
  }

  private async route(turn: Turn, text: string): Promise<void> {
    const { flows, commands, messages } = this.o.flowSet;
    const command = matchCommand(text, commands);
    if (command) {
      const wasAtNotice = !turn.consented && turn.state.flowId === 'consent';
      turn.rest();
      await this.startFlow(turn, command);
      // a command used while the privacy notice waits (人工, 我的信息…) leaves the notice waiting
      if (wasAtNotice && !turn.consented && !turn.contactDeleted && !turn.state.stepId) turn.waitAt('consent', 'notice');
      return;
    }
    const waiting = turn.waitingStep(flows);
    if (waiting && (turn.consented || flows.get(turn.state.flowId)?.beforeConsent)) {
      return this.answer(turn, waiting, text);
    }
    if (!turn.consented) return this.startFlow(turn, 'consent');
    const trigger = matchTrigger(text, flows.values());
    if (trigger) {
      turn.rest();
      Object.assign(turn.state.vars, trigger.vars, trigger.answers ? { [TRIGGER_TEXT]: text } : {});
      return this.startFlow(turn, trigger.flowId);
    }
    // after an idle reset the note already explains why the bot starts over
    if (!turn.idleReset) turn.say(this.text(messages.notUnderstood, turn));
    return this.startFlow(turn, 'menu');
  }

  private startFlow(turn: Turn, flowId: string): Promise<void> {
    const flow = this.o.flowSet.flows.get(flowId)!;
    if (!turn.consented && !flow.beforeConsent) return this.startFlow(turn, 'consent');
    return this.run(turn, flow, flow.steps[0]);
  }

  /** Walks steps from `step` until one waits for her answer or the flow ends. */
  private async run(turn: Turn, flow: Flow, step: Step | undefined): Promise<void> {
    let current: { flow: Flow; step: Step } | undefined = step ? { flow, step } : undefined;
    for (let guard = 0; current && guard < MAX_STEPS_PER_TURN; guard++) {
      current = await this.enter(turn, current.flow, current.step);
    }
  }

  /** Runs one step; returns the next step to run now, or undefined when waiting or done. */
  private async enter(turn: Turn, flow: Flow, step: Step): Promise<{ flow: Flow; step: Step } | undefined> {
    switch (step.kind) {
      case 'say':
        turn.say(this.text(step.text, turn));
        return this.resolve(turn, flow, step.next);
      case 'ask': {
        if (step.skipIfSet && step.save && turn.state.vars[step.save] !== undefined) {
          return this.afterAnswer(turn, flow, step, turn.state.vars[step.save]);
        }
        // the words that started the flow answer only the first question asked after them
        const triggerText = turn.state.vars[TRIGGER_TEXT];
        delete turn.state.vars[TRIGGER_TEXT];
        if (step.fromTrigger && typeof triggerText === 'string' && step.input.type !== 'dynamicChoice' && (!step.sensitive || turn.contact.healthConsentAt)) {
          const read = parseInput(step.input, triggerText, turn.today);
          if (read.ok) return this.afterAnswer(turn, flow, step, read.value);
        }
        if (step.sensitive && !turn.contact.healthConsentAt) {
          turn.pushReturn(flow.id, step.id);
          const hc = this.o.flowSet.flows.get('health_consent')!;
          return { flow: hc, step: hc.steps[0] };
        }
        const given = turn.state.vars[NEXT_ANSWER];
        delete turn.state.vars[NEXT_ANSWER];
        if (step.input.type === 'dynamicChoice') {
          const source = this.o.choiceSources?.get(step.input.source);
          const options = source ? await source(this.actionContext(turn)) : [];
          if (options.length === 0) return this.resolve(turn, flow, step.onEmpty);
          if (options.some((o) => o.value === given)) return this.afterAnswer(turn, flow, step, given); // (else she sees what there is)
          if (options.length === 1 && step.autoPickSingle && given === undefined) return this.afterAnswer(turn, flow, step, options[0].value);
          turn.state.vars.__options = options.map((o): ShownOption => ({ ...o, words: o.words ?? [] }));
          turn.say(`${this.text(step.text, turn)}\n${optionLines(options)}`);
          turn.waitAt(flow.id, step.id);
          return undefined;
        }
        turn.say(this.text(step.text, turn));
        turn.waitAt(flow.id, step.id);
        return undefined;
      }
      case 'action': {
        const action = this.o.actions.get(step.action)!;
        const result = await action.run(this.actionContext(turn));
        for (const line of result.say ?? []) turn.say(line);
        if (result.contact) turn.patchContact(result.contact);
        if (result.clearFacts) turn.forgetFacts();
        if (result.contactDeleted) turn.contactDeleted = true;
        if (result.vars) Object.assign(turn.state.vars, result.vars);
        return this.resolve(turn, flow, step.on[result.outcome] ?? step.next ?? 'end');
      }
      case 'eligibility':
        delete turn.state.vars[TRIGGER_TEXT];
        return this.eligibility(turn, flow, step, undefined);
    }
  }

  private resolve(turn: Turn, flow: Flow, target: string | undefined): { flow: Flow; step: Step } | undefined {
    if (!target || target === 'end') {
      turn.rest();
      return undefined;
    }
    if (target === 'return') {
      const back = turn.popReturn();
      const backFlow = back && this.o.flowSet.flows.get(back.flowId);
      const backStep = backFlow?.steps.find((s) => s.id === back!.stepId);
      if (!backFlow || !backStep) {
        turn.rest();
        return undefined;
      }
      return { flow: backFlow, step: backStep };
    }
    if (target.startsWith('flow:')) {
      const next = this.o.flowSet.flows.get(target.slice(5))!;
      if (!turn.consented && !next.beforeConsent) return { flow: this.o.flowSet.flows.get('consent')!, step: this.o.flowSet.flows.get('consent')!.steps[0] };
      return { flow: next, step: next.steps[0] };
    }
    return { flow, step: flow.steps.find((s) => s.id === target)! };
  }

  private async answer(turn: Turn, waiting: { flow: Flow; step: Step }, text: string): Promise<void> {
    const { flow, step } = waiting;
    if (step.kind === 'eligibility') {
      const next = await this.eligibility(turn, flow, step, text);
      return next ? this.run(turn, next.flow, next.step) : undefined;
    }
    if (step.kind !== 'ask') return;
    const shown = turn.state.vars.__options as ShownOption[] | undefined;
    const read = step.input.type === 'dynamicChoice' ? readShownChoice(text, shown ?? [], turn.today, this.o.flowSet.messages) : undefined;
    if (read?.kind === 'again') {
      // (a question about her answer, or the list again for a day not in it: not a failure)
      turn.state.vars.__options = read.shown;
      turn.say(read.say);
      return;
    }
    const known = step.fact && !read ? (await this.allFacts(turn))[step.fact] : undefined;
    const parsed = read ? (read.kind === 'chosen' ? ok(read.value) : fail(read.error)) : parseInput(step.input, text, turn.today, known);
    if (!parsed.ok) {
      // at a step like the menu, a message about something else (谢谢, 你好, 两癌…) starts that instead
      const trigger = step.letTriggersThrough && turn.consented ? matchTrigger(text, this.o.flowSet.flows.values()) : undefined;
      if (trigger) {
        turn.rest();
        Object.assign(turn.state.vars, trigger.vars, trigger.answers ? { [TRIGGER_TEXT]: text } : {});
        return this.startFlow(turn, trigger.flowId);
      }
      const repeat =
        step.input.type === 'choice' ? step.text : step.input.type === 'dynamicChoice' && shown ? `${step.text}\n${optionLines(shown)}` : undefined;
      this.reprompt(turn, parsed.error, step.example, repeat, step.reprompt);
      return;
    }
    turn.state.failures = 0;
    delete turn.state.vars.__options;
    if (read?.kind === 'chosen' && read.nextAnswer) turn.state.vars[NEXT_ANSWER] = read.nextAnswer;
    const next = this.afterAnswer(turn, flow, step, parsed.value);
    if (next) await this.run(turn, next.flow, next.step);
  }

  private afterAnswer(turn: Turn, flow: Flow, step: AskStep, value: unknown): { flow: Flow; step: Step } | undefined {
    if (step.save) turn.state.vars[step.save] = value;
    if (step.fact && turn.consented) turn.setFact(step.fact, value, step.sensitive);
    const target = step.on?.[String(value)] ?? step.next;
    return this.resolve(turn, flow, target);
  }

  private reprompt(turn: Turn, error: keyof FlowSet['messages']['reprompt'], example: string, repeat?: string, own?: AskStep['reprompt']): void {
    const m = this.o.flowSet.messages;
    turn.state.failures += 1;
    if (turn.state.failures >= MAX_FAILURES) {
      turn.state.failures = 0;
      turn.say(this.text(m.tooManyFailures, turn));
      return;
    }
    // the question's own reason first (e.g. why a due date cannot be right), else the general one
    const lines = [own?.[error] ? this.text(own[error], turn) : m.reprompt[error]];
    if (repeat) lines.push(this.text(repeat, turn));
    lines.push(renderTemplate(m.example, { example }));
    turn.say(lines.join('\n'));
  }

  /**
   * The eligibility interview: asks the facts the county's rules need, one at a time (asking for the
   * health consent before the first health question), then gives the answer.
   */
  private async eligibility(
    turn: Turn,
    flow: Flow,
    step: Extract<Step, { kind: 'eligibility' }>,
    answerText: string | undefined,
  ): Promise<{ flow: Flow; step: Step } | undefined> {
    const programme = this.text(step.programme, turn);
    if (!this.o.programmes.has(programme)) {
      turn.say(this.text(this.o.flowSet.messages.eligibilityUnavailable, turn));
      return this.resolve(turn, flow, step.next);
    }
    const pendingFact = turn.state.vars.__fact as string | undefined;
    // the profile may have changed while she was away: a question it no longer has is dropped
    const known = pendingFact ? (await this.allFacts(turn))[pendingFact] : undefined;
    const pendingQuestion = pendingFact ? this.o.programmes.question(programme, pendingFact, known) : undefined;
    if (answerText !== undefined && pendingFact && pendingQuestion) {
      const q = pendingQuestion;
      const parsed = parseInput(q.input, answerText, turn.today, known);
      if (!parsed.ok) {
        this.reprompt(turn, parsed.error, q.example, q.input.type === 'choice' ? q.text : undefined);
        return undefined;
      }
      turn.state.failures = 0;
      turn.setFact(pendingFact, parsed.value, q.sensitive);
      const answered = (turn.state.vars.__answered as string[] | undefined) ?? [];
      turn.state.vars.__answered = [...answered, pendingFact];
    }
    delete turn.state.vars.__fact;
    const facts = await this.currentFacts(turn, programme);
    const decision = this.o.programmes.decide(programme, facts, turn.today);
    if (decision.status === 'needs') {
      const q = this.o.programmes.question(programme, decision.fact, facts[decision.fact])!;
      if (q.sensitive && !turn.contact.healthConsentAt) {
        turn.pushReturn(flow.id, step.id);
        const hc = this.o.flowSet.flows.get('health_consent')!;
        return { flow: hc, step: hc.steps[0] };
      }
      turn.state.vars.__fact = decision.fact;
      turn.say(this.text(q.text, turn));
      turn.waitAt(flow.id, step.id);
      return undefined;
    }
    turn.recordCheck({
      programme,
      eligible: decision.eligible,
      reasonCode: decision.reasonCode,
      nextEligibleOn: decision.nextEligibleOn,
      checkedAt: turn.now,
    });
    turn.say(decision.text);
    delete turn.state.vars.programme;
    delete turn.state.vars.__answered;
    turn.state.vars.eligible = decision.eligible ? 'yes' : 'no';
    return this.resolve(turn, flow, step.next);
  }

  /** Everything stored about her, with this turn's answers on top. */
  private async allFacts(turn: Turn): Promise<Record<string, unknown>> {
    if (!turn.factCache) turn.factCache = await this.o.store.facts(turn.contact.id);
    const facts: Record<string, unknown> = {};
    for (const [key, f] of turn.factCache) facts[key] = f.value;
    for (const w of turn.factWrites.values()) facts[w.key] = w.value;
    return facts;
  }

  /**
   * What is known about her for this programme: all facts, less stored answers past their
   * question's `remember` time that she has not given again in this interview.
   */
  private async currentFacts(turn: Turn, programme: string): Promise<Record<string, unknown>> {
    const facts = await this.allFacts(turn);
    const answeredNow = new Set((turn.state.vars.__answered as string[] | undefined) ?? []);
    for (const [key, f] of turn.factCache!) {
      if (answeredNow.has(key) || turn.factWrites.has(key)) continue;
      const remember = this.o.programmes.question(programme, key)?.remember ?? 0;
      const fresh = remember === 'always' || turn.now.getTime() - f.updatedAt.getTime() <= remember * 86_400_000;
      if (!fresh) delete facts[key];
    }
    if (this.o.knownFacts) {
      for (const [key, value] of Object.entries(await this.o.knownFacts(turn.contact.id))) {
        if (!answeredNow.has(key) && !turn.factWrites.has(key)) facts[key] = value;
      }
    }
    return facts;
  }

  private actionContext(turn: Turn) {
    return {
      contact: turn.contact,
      now: turn.now,
      vars: this.vars(turn),
      facts: () => this.allFacts(turn),
    };
  }

  /** The conversation's values for texts and actions; an answer with parts (a date, a dating) also as `name.part`. */
  private vars(turn: Turn): TemplateVars {
    const own: TemplateVars = {};
    const plain = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
    for (const [k, v] of Object.entries(turn.state.vars)) {
      if (plain(v)) own[k] = v;
      else if (v && typeof v === 'object' && !Array.isArray(v) && !k.startsWith('__')) {
        for (const [part, x] of Object.entries(v)) if (plain(x)) own[`${k}.${part}`] = x;
      }
    }
    return { ...this.o.countyVars, ...own };
  }

  private text(template: string, turn: Turn): string {
    return renderTemplate(template, this.vars(turn));
  }

  private async persist(turn: Turn): Promise<void> {
    if (turn.contactDeleted) return;
    if (!turn.consented) {
      // before consent nothing but the consent step is kept: no answers, no facts
      turn.state.vars = {};
      turn.factWrites.clear();
      turn.checks.length = 0;
    }
    turn.state.lastActiveAt = turn.now;
    turn.state.idleResetAt = null;
    await this.o.store.saveTurn(turn.contact.id, {
      state: turn.state,
      facts: [...turn.factWrites.values()],
      checks: turn.checks,
      contact: turn.contactPatch,
      clearFacts: turn.clearFacts,
      now: turn.now,
    });
  }
}
