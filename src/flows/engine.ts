// The conversation engine: runs the flows in flows/ for one inbound message of one woman and returns the replies.
// State lives in the database (a restart mid-flow resumes); the caller makes sure one contact's messages come one at a time.
import type { InboundMessage } from '../channels/channel.js';
import { IDLE_EXEMPT_FLOWS, StaleTurnError, type ShownOption } from '../services/conversationStore.js';
import { emptyEngineState } from '../services/conversationState.js';
import { messageReader } from '../domain/parse/readMessage.js';
import { keepRestOfAnswer } from './earlierWords.js';
import { booksADay, DAYS_SOURCE } from './answerAhead.js';
import { readDayWords } from '../domain/booking/readDay.js';
import { turnsDown } from '../domain/parse/carriedClauses.js';
import type { AskStep, Flow, Step } from './flowSchema.js';
import { EligibilityInterview } from './eligibilityInterview.js';
import { isOwnAnswerWord, matchCommand, matchTrigger, withoutSideClauses, type TriggerMatch } from './matchWords.js';
import { parseInput } from './parseInput.js';
import { askWhich, forgetShortList } from './choiceAnswer.js';
import { guessLabel, readOwnAnswer } from './ownAnswer.js';
import { persistTurn, Turn, type Next } from './turn.js';
import { confirmsGuess, Prompts } from './prompts.js';
import { ok, type ParseResult } from '../domain/parse/parseResult.js';
import { readEarlierChoice, readShownChoice } from './readShownChoice.js';
import { datingWhich } from './datingWhich.js';
import { MENU, MY_BOOKINGS, NOTICE, THANKS, requestOf, type EngineOptions, type HeldRequest } from './engineOptions.js';
import { afterSign } from './warningSignAnswer.js';
import { alongsideRequest, planRequest } from './alongside.js';
import { answerSideQuestion, type SideAnswer } from './sideQuestions.js';
import { answeredFirst } from './answeredFirst.js';
import { earlierAnswer, saidAgain } from './heardHome.js';
import { AnswerAgain, noteAnswer } from './answerAgain.js';
import { HandoffTurns } from './handoff/handoffTurns.js';
import { actionAtList, datingAlone, requestFrame, saidBeforeNotice, twoRequests } from './twoRequests.js';

export type { EngineOptions } from './engineOptions.js';
const MAX_STEPS_PER_TURN = 50;
const MAX_TURN_ATTEMPTS = 3;

export class ConversationEngine {
  private readonly interview: EligibilityInterview;
  /** What the engine says itself (texts filled in, questions again, re-prompts, confirmations). */
  private readonly say: Prompts;
  /** Her turns while she has a request for staff, and her chat lines (handoff/handoffTurns.ts). */
  private readonly handoff?: HandoffTurns;
  /** 繁体 → 简体, pinyin typos and spoken forms (flows/spoken.yaml), once, before anything reads her message. */
  readonly read: (text: string) => string;

  constructor(private readonly o: EngineOptions) {
    this.read = messageReader(o.flowSet.spokenForms, o.vocabulary, o.wordSpans);
    this.say = new Prompts(() => o.flowSet.messages, o.countyVars, o.handoff?.stuckAfter);
    this.interview = new EligibilityInterview(
      { ...o, prompts: this.say },
      {
        resolve: (turn, flow, target) => this.resolve(turn, flow, target),
        healthConsentFirst: (turn, flow, stepId) => this.healthConsentFirst(turn, flow, stepId),
      },
    );
    this.handoff = o.handoff && new HandoffTurns(o.handoff, o, this.say, this.interview, this.read);
  }

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
    const contact = await this.o.contacts.findOrCreate(message.channel, message.externalId, now);
    const stored = await this.o.store.load(contact.id);
    const turn = new Turn(contact, stored, now);
    const consentedBefore = turn.consented;
    // (while she has a request for staff, her words go to it: nothing else runs, nothing is saved)
    if (await this.handoff?.divert(turn, message)) {
      await this.handoff!.record(turn, message, consentedBefore, true);
      return turn.replies;
    }
    const idleMs = this.o.idleMinutes * 60_000;
    const idle = stored && stored.stepId && !IDLE_EXEMPT_FLOWS.has(stored.flowId) && now.getTime() - stored.lastActiveAt.getTime() > idleMs;
    if (stored && (stored.idleResetAt || idle)) {
      turn.say(this.say.text(this.o.flowSet.messages.idleReset, turn));
      turn.rest();
      turn.idleReset = true;
    } else if (stored && now.getTime() - stored.lastActiveAt.getTime() > idleMs) {
      // waiting at the notice or the menu keeps its place, not what she asked before she went silent
      turn.state.engine = emptyEngineState();
    }
    await new AnswerAgain(this.o, this.say, this.interview).handle(turn, message, this);
    if (turn.stuck) await this.handoff?.stuck(turn);
    if (turn.contactDeleted) this.o.onContactDeleted?.(message);
    await persistTurn(this.o.store, turn);
    await this.handoff?.record(turn, message, consentedBefore, false);
    this.o.logger.debug({ contactId: contact.id, flow: turn.state.flowId, step: turn.state.stepId, replies: turn.replies.length }, 'message handled');
    return turn.replies;
  }

  /** Her message (`read`: her words beside a warning sign or a side question already answered). */
  async route(turn: Turn, text: string, read = false): Promise<void> {
    const { flows, commands, messages } = this.o.flowSet;
    // a warning sign, or what she asks for another woman, first (answeredFirst.ts); then she goes on
    const first = await answeredFirst(turn, text, read, this.o, this.say, this.interview);
    if (first) return this.carryOn(turn, first.rest, first.side);
    const waiting = turn.waitingStep(flows);
    const matched = isOwnAnswerWord(text, waiting?.step) ? undefined : matchCommand(text, commands);
    // (a stop at the privacy notice, 算了 我回去问问再说, is her answer to it: no)
    const command = matched === 'cancel' && turn.state.flowId === NOTICE ? undefined : matched;
    // (one that runs alongside, such as 我的信息, comes back to the question she was on)
    if (command && turn.consented) return this.startRequest(turn, command, text, waiting);
    if (command) {
      const atNotice = turn.state.flowId === NOTICE;
      const held = turn.engine.stack;
      turn.rest();
      // (one that needs her consent is kept, and the notice shown again)
      await this.startFlow(turn, command);
      // a command used while the privacy notice waits (人工, 我的信息…) leaves the notice waiting, with what she asked;
      // one used before she ever saw it is followed by the notice, so that her 同意 next counts
      if (!turn.consented && !turn.contactDeleted && !turn.state.stepId) {
        const notice = flows.get(NOTICE)!;
        if (!atNotice) return flows.get(command)?.noticeAfter ? this.run(turn, notice, notice.steps[0]) : undefined;
        turn.engine.stack = held;
        turn.waitAt(NOTICE, notice.steps[0].id);
      }
      return;
    }
    const open = waiting && (turn.consented || flows.get(turn.state.flowId)?.beforeConsent);
    // a side question (要带啥, 要空腹吗, 是机器人吗), at any step: the answer, then she goes on where she was
    const ownSide = {
      sideAnswers: open && waiting.step.kind === 'ask' ? waiting.step.sideAnswers : [],
      say: (t: string) => this.say.text(t, turn),
      county: this.o.countyVars,
    };
    const side = read ? undefined : await answerSideQuestion(this.o.sideQuestions, turn, text, ownSide);
    if (side) return this.carryOn(turn, side.rest, side);
    if (open) return this.answer(turn, waiting, text);
    // a plain yes at rest answers an offer only once she consented (before, it is not a request); her weeks alone register
    const trigger =
      matchTrigger(text, flows.values(), { plainYes: turn.consented, openingYes: read && turn.consented }) ?? datingAlone(this.o.flowSet, text, turn.today);
    if (!turn.consented) {
      turn.rest();
      const own = saidBeforeNotice(this.o.flowSet, trigger, text);
      const next = own ? { flow: own, step: own.steps[0] } : this.noticeFirst(turn, trigger && twoRequests(this.o.flowSet, trigger, text));
      return this.run(turn, next.flow, next.step);
    }
    if (trigger) return this.startRequest(turn, trigger.flowId, text, undefined, trigger);
    // after an idle reset the note already explains why the bot starts over
    if (!turn.idleReset) turn.say(this.say.text(messages.notUnderstood, turn));
    return this.startFlow(turn, MENU);
  }

  /** After a warning sign's or a side question's answer: her other words read as usual, or the question she was on again. */
  async carryOn(turn: Turn, rest: string, side?: SideAnswer): Promise<void> {
    const { flows } = this.o.flowSet;
    const found = turn.waitingStep(flows);
    const waiting = found && (turn.consented || found.flow.beforeConsent) ? found : undefined;
    const eligibility = waiting?.step.kind === 'eligibility' ? await this.interview.waitingQuestion(turn, waiting.step) : undefined;
    const input = waiting?.step.kind === 'ask' ? waiting.step.input : eligibility?.input;
    const shown = turn.engine.options;
    // (a request beside a side question goes on at the menu, and is kept at the privacy notice)
    const requests = waiting?.step.kind === 'ask' && (waiting.step.letTriggersThrough || (!turn.consented && waiting.flow.id === NOTICE));
    // her booking's line already said when it is; 知道了 beside her question (知道了 明早就去 要空腹不) is not thanked
    const given = side ? [THANKS, ...(side.booked ? [MY_BOOKINGS] : [])] : [];
    const at = { waiting: waiting && { input, requests }, consented: turn.consented, shown, today: turn.today, given };
    // at rest without a booking, what her whole message asks for goes on too (NT在哪做 怀孕十二周 能免费不)
    const asked = side && !side.booked && !waiting && matchTrigger(side.unasked, this.o.flowSet.flows.values(), { plainYes: false });
    const go = afterSign(asked ? side.unasked : rest, at, this.o.flowSet);
    if (go !== 'again') {
      if (side) turn.say(side.text);
      return go === 'none' ? undefined : this.route(turn, go.route, true);
    }
    const step = waiting?.step.kind === 'ask' ? waiting.step : undefined;
    // after a side answer, the short form of the question (the notice's request line)
    const again = step ? (side && step.askAgain ? this.say.text(step.askAgain, turn) : this.say.question(turn, step, shown)) : eligibility?.text;
    turn.say([side?.text, again].filter(Boolean).join('\n'));
  }

  /** Starts the flow she asked for, with the trigger's variables and words (alongside.ts: with what else she is on; twoRequests.ts: a question and a request, the question first). */
  private startRequest(turn: Turn, flowId: string, text: string, waiting?: { flow: Flow; step: Step }, trigger?: TriggerMatch): Promise<void> {
    const plan = planRequest(this.o.flowSet, flowId, text, waiting);
    if (!plan.resume) turn.rest();
    const [first, then] = trigger && plan.frames.length === 0 ? twoRequests(this.o.flowSet, trigger, text) : [trigger && requestOf(trigger, text)];
    if (then) turn.pushFrame(requestFrame(this.o.flowSet, then, true));
    if (first) Object.assign(turn.state.vars, first.vars);
    if (first?.text !== undefined) turn.engine.trigger = { text: first.text, tried: [] };
    for (const frame of plan.frames) turn.pushFrame(frame);
    return this.startFlow(turn, then ? first!.flowId : plan.start);
  }

  private startFlow(turn: Turn, flowId: string): Promise<void> {
    const next = this.resolve(turn, undefined, `flow:${flowId}`)!;
    return this.run(turn, next.flow, next.step);
  }

  /**
   * The privacy notice first, keeping what her message asked for (the flow, its trigger's variables,
   * her words if they answer it; a second request after it) as the frames the notice returns to once
   * she agrees. A request for the menu is not kept: the notice goes on with the menu anyway.
   */
  private noticeFirst(turn: Turn, requests: HeldRequest[] | undefined): { flow: Flow; step: Step } {
    const { flows } = this.o.flowSet;
    const kept = (requests ?? []).filter((r) => flows.has(r.flowId) && r.flowId !== MENU && r.flowId !== NOTICE);
    if (kept.length > 0) turn.engine.stack = kept.reverse().map((r) => requestFrame(this.o.flowSet, r, false));
    const notice = flows.get(NOTICE)!;
    return { flow: notice, step: notice.steps[0] };
  }

  /** Walks steps from `step` until one waits for her answer or the flow ends. */
  async run(turn: Turn, flow: Flow, step: Step | undefined): Promise<void> {
    let current: Next = step ? { flow, step } : undefined;
    for (let guard = 0; current && guard < MAX_STEPS_PER_TURN; guard++) {
      current = await this.enter(turn, current.flow, current.step);
    }
  }

  /** Runs one step; returns the next step to run now, or undefined when waiting or done. */
  private async enter(turn: Turn, flow: Flow, step: Step): Promise<Next> {
    switch (step.kind) {
      case 'say':
        turn.say(this.say.text(step.text, turn));
        return this.resolve(turn, flow, step.next);
      case 'ask': {
        if (step.skipIfSet && step.save && turn.state.vars[step.save] !== undefined) {
          return this.afterAnswer(turn, flow, step, turn.state.vars[step.save]);
        }
        // (her words that started the flow, too, wait for the health consent before they are read)
        if (step.sensitive && !turn.contact.healthConsentAt) return this.healthConsentFirst(turn, flow, step.id);
        // what her last answer also said for this question (8号上午: the session)
        const given = turn.engine.nextAnswer;
        delete turn.engine.nextAnswer;
        let options: ShownOption[] | undefined;
        let reminded: string[] = [];
        if (step.input.type === 'dynamicChoice') {
          const source = this.o.choiceSources?.get(step.input.source);
          const computed = source ? await source(this.actionContext(turn)) : [];
          reminded = computed.filter((o) => o.reminded).map((o) => o.value);
          options = computed.map(({ reminded: _r, ...o }) => ({ ...o, words: o.words ?? [] }));
          if (options.length === 0) return this.resolve(turn, flow, step.onEmpty);
          if (options.some((o) => o.value === given)) return this.afterAnswer(turn, flow, step, given);
          // (not among them: she sees what there is)
          if (options.length === 1 && step.autoPickSingle && given === undefined) return this.afterAnswer(turn, flow, step, options[0].value);
        }
        const fromTrigger = earlierAnswer(turn, flow.id, step, options, this.o.home, await this.known(turn, step));
        if (fromTrigger && 'value' in fromTrigger) return this.afterAnswer(turn, flow, step, fromTrigger.value);
        // her words that started the flow name none, and the reminder she answers names one (收到了 给我约下礼拜三)
        if (step.fromTrigger && turn.engine.trigger && given === undefined && reminded.length === 1) return this.afterAnswer(turn, flow, step, reminded[0]);
        if (options) turn.engine.options = options;
        this.say.ask(turn, step, options, fromTrigger && 'why' in fromTrigger ? fromTrigger : undefined);
        return void turn.waitAt(flow.id, step.id);
      }
      case 'action': {
        const action = this.o.actions.get(step.action)!;
        const result = await action.run(this.actionContext(turn));
        for (const line of result.say ?? []) turn.say(line);
        if (result.contact) turn.patchContact(result.contact);
        if (result.clearFacts) turn.forgetFacts(result.clearFacts);
        if (result.contactDeleted) turn.contactDeleted = true;
        if (result.vars) Object.assign(turn.state.vars, result.vars);
        return this.resolve(turn, flow, step.on[result.outcome] ?? step.next ?? 'end');
      }
      case 'eligibility':
        return this.interview.run(turn, flow, step, undefined);
      case 'call': {
        turn.pushFrame({ flowId: flow.id, target: step.next });
        const callee = this.o.flowSet.flows.get(step.flow)!;
        return { flow: callee, step: callee.steps[0] };
      }
    }
  }

  /** Asks the health consent (health_consent.yaml); when she agrees, `stepId` of `flow` runs again. */
  private healthConsentFirst(turn: Turn, flow: Flow, stepId: string): Next {
    turn.pushFrame({ flowId: flow.id, target: stepId });
    const hc = this.o.flowSet.flows.get('health_consent')!;
    return { flow: hc, step: hc.steps[0] };
  }

  /** Where `target` of `flow` leads (`flow` is undefined for a flow started by her message). */
  private resolve(turn: Turn, flow: Flow | undefined, target: string | undefined): Next {
    const { flows } = this.o.flowSet;
    if (!target || target === 'end') {
      turn.rest();
      return undefined;
    }
    if (target === 'return') {
      const back = turn.popFrame();
      // the notice goes on with the menu when her message asked for nothing (or it was dropped)
      if (!back && flow?.id === NOTICE && turn.consented) return this.resolve(turn, flow, `flow:${MENU}`);
      const backFlow = back && flows.get(back.flowId);
      if (!back || !backFlow || (back.request && !turn.consented)) {
        turn.rest();
        return undefined;
      }
      if (back.request) {
        // what her message asked for before she agreed: its variables, and her words for its questions
        Object.assign(turn.state.vars, back.request.vars);
        if (back.request.text !== undefined) turn.engine.trigger = { text: back.request.text, tried: [] };
      }
      return this.resolve(turn, backFlow, back.target);
    }
    if (target.startsWith('flow:')) {
      const next = flows.get(target.slice(5))!;
      if (!turn.consented && !next.beforeConsent) return this.noticeFirst(turn, [{ flowId: next.id, vars: {} }]);
      return { flow: next, step: next.steps[0] };
    }
    // (a stored frame may name a step that a changed flow file no longer has: at rest then)
    const next = flow?.steps.find((s) => s.id === target);
    if (!next) turn.rest();
    return next && { flow: flow!, step: next };
  }

  private async answer(turn: Turn, waiting: { flow: Flow; step: Step }, text: string): Promise<void> {
    const { flow, step } = waiting;
    if (step.kind === 'eligibility') {
      const next = await this.interview.run(turn, flow, step, text);
      return next ? this.run(turn, next.flow, next.step) : undefined;
    }
    if (step.kind !== 'ask') return;
    const shown = turn.engine.options;
    const again = () => (step.askAgain ? this.say.text(step.askAgain, turn) : this.say.question(turn, step, shown));
    let requestKept = false;
    if (flow.id === NOTICE && !turn.consented) {
      // something asked for while the notice waits is kept instead of her first message; not a word of
      // a question the notice answers (你是机器人还是真人), nor a pleasantry (晓得哒 你问咯: thanks)
      const asked = withoutSideClauses(text, step.sideAnswers);
      const trigger = asked ? matchTrigger(asked, this.o.flowSet.flows.values(), { plainYes: false }) : undefined;
      if (trigger && trigger.flowId !== MENU && trigger.flowId !== THANKS) {
        this.noticeFirst(turn, twoRequests(this.o.flowSet, trigger, text));
        requestKept = true;
      }
    }
    const confirmed = this.say.readConfirmation(turn, text);
    if (confirmed?.said === 'no' && confirmed.instead === undefined) {
      // not what she meant: the question again, not counted as a failed answer
      turn.say(this.say.question(turn, step, shown));
      return;
    }
    // at a step like the menu, an action asked for in her words (约唐筛; her last period alone registers) goes before the list's topic words
    const asked = step.letTriggersThrough && turn.consented ? actionAtList(this.o.flowSet, text, turn.today) : undefined;
    if (asked?.action && asked.flowId !== flow.id) return this.startRequest(turn, asked.flowId, text, undefined, asked);
    // a list of days also by the day she names; the readings of a date she wrote alone, when asked
    const read = confirmed ? undefined : readShownChoice(text, step.input, shown, turn.today, this.o.flowSet.messages);
    const parsed: ParseResult<unknown> = confirmed
      ? ok(confirmed.said === 'yes' ? confirmed.value : confirmed.instead)
      : (read?.read ?? readOwnAnswer(turn, flow, step, text, await this.known(turn, step), this.say.text(step.text, turn), this.o));
    // a number that is two days shown, a date that reads two ways: asked about once, naming both
    const twoWays =
      read?.kind === 'again'
        ? read
        : !parsed.ok && parsed.error === 'ambiguous'
          ? datingWhich(step.input, text, turn.today, this.o.flowSet.messages)
          : undefined;
    if (twoWays) {
      turn.engine.options = twoWays.shown;
      // asked as "did you mean A?": her yes means A, her no the other reading
      if (read?.kind === 'again' && read.guess) turn.engine.guess = read.guess;
      return void turn.say(twoWays.say);
    }
    if (!parsed.ok) {
      // a request while the notice waits (在哪里预约): kept for after she agrees, and the question again
      if (requestKept && step.requestKept) return void turn.say(`${this.say.text(step.requestKept, turn)}\n${again()}`);
      // at a step like the menu, a message about something else (谢谢, 你好, 两癌…) starts that instead
      if (asked) return this.startRequest(turn, asked.flowId, text, undefined, asked);
      // a plain 不是 that fits several options: which, with only those listed (once); her township or dates said again, or an answer to a question ahead (后天上午 at the townships): the question again
      const which =
        askWhich(step.input, parsed, turn.engine, this.o.flowSet.messages.choiceWhich) ??
        saidAgain(turn, this.o.flowSet.flows, flow, text, this.o.home, again, this.say);
      if (which) return void turn.say(which);
      // her answer to a question of the eligibility interview that follows (her birth date): kept for it; one answered, said again
      if (await this.interview.keptAtChoice(turn, flow, step, text, again(), parsed.error)) return;
      // not an answer, but a request that runs beside a question (约阴道镜, 我的预约, 人工…): it runs, then this question again
      const aside = turn.consented && !requestKept ? alongsideRequest(this.o.flowSet, text, flow.id) : undefined;
      if (aside) return this.startRequest(turn, aside.flowId, text, waiting, aside);
      const repeat = step.input.type === 'choice' || (step.input.type === 'dynamicChoice' && shown) ? this.say.question(turn, step, shown) : undefined;
      this.say.reprompt(turn, parsed.error, step.example, repeat, step.reprompt, text);
      return;
    }
    // a refusal is never the result of a guess: she confirms it first (see guessLabel: else the question again)
    if (parsed.guessed && confirmsGuess(step, parsed.value)) {
      const label = guessLabel(step, parsed.value, text, shown);
      return label === undefined ? void turn.say(again()) : this.say.confirmGuess(turn, parsed.value, label);
    }
    turn.state.failures = 0;
    delete turn.engine.options;
    if (read?.nextAnswer) turn.engine.nextAnswer = read.nextAnswer;
    forgetShortList(turn.engine);
    // what else her answer said, for the questions that follow (孕11周 一个宝宝; a number that picked an option of a list: not a hospital's number too)
    // (her whole answer read is no rest of it: a bare 1 that picked a day, which words alone never pick)
    // (before the day of a booking, the day she names is kept for it, in the words that chose what leads there,
    // not one she turns down, 否 明天去不了;
    // 能换到10号吗 at 要改约或取消吗, or in a question whether she may go then, 明天能做吗 at the township question)
    const books = booksADay(this.o.flowSet.flows, flow) && !(step.input.type === 'dynamicChoice' && step.input.source === DAYS_SOURCE);
    const answered = (c: string) =>
      !(books && readDayWords(c, turn.today).kind === 'day' && !turnsDown(c)) &&
      ((/^\s*\d+\s*$/u.test(c) && c.trim() === text.trim()) ||
        (shown ? readEarlierChoice(c, shown, turn.today).read.ok : parseInput(step.input, c, turn.today).ok));
    keepRestOfAnswer(turn.engine, confirmed ? '' : text, answered, books);
    const next = this.afterAnswer(turn, flow, step, parsed.value);
    if (next) await this.run(turn, next.flow, next.step);
  }

  /** What she gave for the step's fact before: asked again for more, her answer may build on it. */
  private async known(turn: Turn, step: AskStep): Promise<unknown> {
    // asked her pregnancy's dates again after 不对: what she gave, the kind of date she is correcting
    if (step.input.type === 'dating') return step.save ? turn.state.vars[step.save] : undefined;
    return step.fact ? (await this.interview.allFacts(turn))[step.fact] : undefined;
  }

  private afterAnswer(turn: Turn, flow: Flow, step: AskStep, value: unknown): Next {
    if (step.save) turn.state.vars[step.save] = value;
    if (step.fact && turn.consented) turn.setFact(step.fact, value, step.sensitive);
    noteAnswer(turn, flow.id, step);
    const target = step.on?.[String(value)] ?? step.next;
    return this.resolve(turn, flow, target);
  }

  private actionContext(turn: Turn) {
    return {
      contact: turn.contact,
      now: turn.now,
      vars: this.say.vars(turn),
      facts: () => this.interview.allFacts(turn),
      words: turn.engine.trigger?.text,
    };
  }
}
