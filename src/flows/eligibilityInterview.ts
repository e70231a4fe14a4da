// The eligibility interview (a step of kind `eligibility`): asks the facts the county's rules need,
// one at a time (the health consent before the first health question), then gives the answer.
import type { ConversationStore } from '../services/conversationStore.js';
import type { AskStep, Flow, Step } from './flowSchema.js';
import type { FlowSet } from './loadFlows.js';
import type { ParseErrorCode, ParseResult } from '../domain/parse/parseResult.js';
import { amongOf, askWhich, forgetShortList, readAnswer } from './choiceAnswer.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import type { ProgrammeDecision, ProgrammePort } from './programmePort.js';
import { plainYesNo } from '../domain/parse/parseYesNo.js';
import { birthDayAgain, exactBirthDate, saidBefore } from './saidBefore.js';
import type { Next, Turn } from './turn.js';
import { labelOf, type Prompts } from './prompts.js';
import { carriedClauses } from '../domain/parse/carriedClauses.js';
import { noteHome, type HomePlaces } from './heardHome.js';
import { keepForQuestionAhead } from './answerAhead.js';
import { answersAfterInterview, answersAsked, answersToOtherQuestions, keepForInterview } from './otherAnswer.js';
import { takeInterviewClauses, withoutWordsOf } from './otherAnswer.js';
import { restatesGestation } from './impliedYes.js';
import { readCarried } from './carriedAnswer.js';
import { requestSaidAgain } from './requestAgain.js';
import { noteAnswer } from './answerAgain.js';
import { fullYearsReading } from './ageCounting.js';
import { holdsPairOf } from '../domain/parse/choiceReading.js';
import { saysWhichDate } from '../domain/pregnancy/parseGestation.js';
import { ownIdNumberIn } from '../domain/parse/ownIdNumber.js';

/** The interview's mark in `engine.trigger.tried`: it has read the words that started the flow. */
const INTERVIEW = 'eligibility.interview';

export type EligibilityStep = Extract<Step, { kind: 'eligibility' }>;

/** What the interview needs of the engine that runs it. */
export interface InterviewHost {
  resolve(turn: Turn, flow: Flow, target: string | undefined): Next;
  /** Asks the health consent first; the step runs again once she agrees. */
  healthConsentFirst(turn: Turn, flow: Flow, stepId: string): Next;
}

export interface InterviewOptions {
  flowSet: FlowSet;
  programmes: ProgrammePort;
  store: ConversationStore;
  prompts: Prompts;
  /** Facts known from what she registered rather than answered (see EngineOptions.knownFacts). */
  knownFacts?: (contactId: string) => Promise<Record<string, unknown>>;
  /** The county's townships: one she names as her home in an answer is kept for the booking (src/flows/heardHome.ts). */
  home?: HomePlaces;
}

export class EligibilityInterview {
  constructor(
    private readonly o: InterviewOptions,
    private readonly host: InterviewHost,
  ) {}

  /** The question the interview waits on (its text filled in, and its input), to ask again after a warning sign's answer. */
  async waitingQuestion(turn: Turn, step: EligibilityStep): Promise<{ text: string; input: InputSpec } | undefined> {
    const asking = turn.engine.interview?.asking;
    const programme = this.o.prompts.text(step.programme, turn);
    const q = asking && this.o.programmes.has(programme) ? this.o.programmes.question(programme, asking, (await this.allFacts(turn))[asking]) : undefined;
    return q && { text: this.o.prompts.text(q.text, turn), input: q.input };
  }

  /** Runs the step: takes her answer to the question asked (if any), then asks the next or answers. */
  async run(turn: Turn, flow: Flow, step: EligibilityStep, answerText: string | undefined): Promise<Next> {
    const { programmes, prompts } = this.o;
    const programme = prompts.text(step.programme, turn);
    if (!programmes.has(programme)) {
      turn.say(prompts.text(this.o.flowSet.messages.eligibilityUnavailable, turn));
      return this.host.resolve(turn, flow, step.next);
    }
    const interview = (turn.engine.interview ??= { answered: [] });
    const asking = interview.asking;
    // the words that started the flow (我今年45了，能查两癌吗) are read once by the interview too, and what her answer before it
    // said besides (同意 户口就在这里 种田的); the clauses not read yet wait for the questions after the next one (怀孕了…我户口是项城的)
    const carried = (interview.carried ??= []);
    const trigger = turn.engine.trigger;
    const readTrigger = !!trigger && !trigger.tried.includes(INTERVIEW);
    if (readTrigger) carried.push(...carriedClauses(trigger.text));
    // (not twice: 我是1980年6月12号的 at the menu started it and was kept beside it too)
    carried.push(...takeInterviewClauses(turn.engine, programmes, programme, !!turn.contact.healthConsentAt, turn.today).filter((c) => !carried.includes(c)));
    // the profile may have changed while she was away: a question it no longer has is dropped (`known`: what she gave for it before)
    const known = asking ? (await this.allFacts(turn))[asking] : undefined;
    const q = asking ? programmes.question(programme, asking, known) : undefined;
    // (whatever it answers: 户口就在秣陵 没迁过, at the next question, still says where she lives)
    if (answerText !== undefined) noteHome(turn.engine, answerText, this.o.home);
    if (answerText !== undefined && asking && q) {
      const confirmed = prompts.readConfirmation(turn, answerText);
      if (confirmed?.said === 'no') {
        // not what she meant: the question again, not counted as a failed answer
        turn.say(prompts.text(q.text, turn));
        return undefined;
      }
      // her weeks again with a yes (是的 十三周哒), after her pregnancy was taken from them: the question again
      if (!confirmed && this.pregnancyTold(turn, programme, q.input) && restatesGestation(answerText, turn.today)) {
        turn.say(prompts.text(q.text, turn));
        return undefined;
      }
      const sameConfirmed = confirmed?.said === 'yes' ? amongOf(confirmed.value) : undefined;
      if (sameConfirmed) {
        // her words (户口没迁过来 还在娘家), confirmed: the answer all their readings give, no fact stored
        const same = await this.sameDecision(turn, programme, asking, sameConfirmed);
        if (same) {
          noteAnswer(turn, flow.id, step, asking);
          return this.answer(turn, flow, step, programme, same);
        }
      }
      const parsed: ParseResult<unknown> =
        confirmed && !sameConfirmed ? { ok: true, value: confirmed.value } : readAnswer(q.input, answerText, turn.today, turn.engine, known);
      if (!parsed.ok) {
        // her answer to a question answered before, the same again (户口就在秣陵 没迁过, after 俺是秣陵的): said so, and this question again
        const earlier = { programmes, programme, answered: interview.answered, facts: await this.allFacts(turn), today: turn.today };
        const { keptAlready, keptForLater } = this.o.flowSet.messages;
        const saidSo = (line: string) => turn.say(`${prompts.text(line, turn)}\n${prompts.text(q.text, turn)}`);
        // (or her request again: 预约两癌, at the birth date question her 俺想约两癌 led to)
        if (birthDayAgain(earlier, answerText) || saidBefore(earlier, answerText) || requestSaidAgain(turn.engine.trigger?.text, answerText)) {
          saidSo(keptAlready);
          return undefined;
        }
        // her birth date said exactly after her age or year (今年五十二 …, then 七三年八月二十一 at the
        // next question): kept, said so, and this question again
        const exact = exactBirthDate(earlier, answerText);
        if (exact) {
          turn.setFact(exact.fact, exact.value, false);
          saidSo(keptForLater);
          return undefined;
        }
        // her answer to another question of this interview (农村的 at the 户口 question): kept for it; so is
        // a no said only in that question's words (冇得单位在屋里种田 at the 户口 question: no 不是 to this one)
        const rest = parsed.among && readAnswer(q.input, withoutWordsOf(answerText, this.laterInputs(programme, asking)), turn.today, turn.engine, known);
        const ownNo = !!rest && (rest.ok || !!rest.among);
        if (!ownNo && (await this.keptForLater(turn, [programme], asking, answerText, prompts.text(q.text, turn)))) return undefined;
        // her answer to a question after the interview (后天上午 at the 户口 question of a booking): kept for it
        // (a no that is only her words' own, of none of this question's options, in words that date her pregnancy:
        // 腊月初八来的 之后就没来了, her last period, at the 户口 question; not 没有 上个月8号来的这)
        const ofThis = q.input.type === 'choice' && q.input.options.some((o) => holdsPairOf(answerText, o.label));
        if ((!parsed.among || (!ofThis && saysWhichDate(answerText))) && keepForQuestionAhead(turn, this.o.flowSet.flows, flow, answerText, this.o.home)) {
          saidSo(keptForLater);
          return undefined;
        }
        // a 不是 that fits several options all giving her the same answer: no need to ask which; when
        // her words were more than a plain no (户口在周口 不在项城) and the answer refuses her, she confirms them first
        const input = q.input.type === 'choice' ? q.input : undefined;
        const same = input && parsed.among ? await this.sameDecision(turn, programme, asking, parsed.among) : undefined;
        const plain = !!input && plainYesNo(answerText, { yes: input.yesWords, no: input.noWords }) !== undefined;
        // (a plain no that refuses her is asked back first when the profile says what it means: 不在这)
        const askBack = same && plain && !same.eligible && !sameConfirmed ? q.confirmFirst?.no : undefined;
        if (askBack !== undefined && parsed.among) {
          forgetShortList(turn.engine);
          prompts.confirmGuess(turn, { among: parsed.among }, askBack);
          return undefined;
        }
        if (same && (plain || same.eligible)) {
          forgetShortList(turn.engine);
          turn.state.failures = 0;
          // answered, though nothing is stored: 说错了 户口在这 goes back to it
          noteAnswer(turn, flow.id, step, asking);
          return this.answer(turn, flow, step, programme, same);
        }
        if (same && parsed.among) {
          forgetShortList(turn.engine);
          prompts.confirmGuess(turn, { among: parsed.among }, answerText.trim());
          return undefined;
        }
        // a plain 不是 that fits several options: which, with only those listed (once)
        const which = askWhich(q.input, parsed, turn.engine, this.o.flowSet.messages.choiceWhich);
        if (which) turn.say(which);
        else prompts.reprompt(turn, parsed.error, q.example, q.input.type === 'choice' ? q.text : undefined);
        return undefined;
      }
      // a yes or a no guessed from words that answer another question of the interview (户口在项城 没迁过,
      // at 您现在怀孕了吗): no answer to this one; kept for that question, and this one asked again
      const otherWords = parsed.guessed && q.input.type === 'yesno' && !confirmed;
      if (otherWords && (await this.keptForLater(turn, [programme], asking, answerText, prompts.text(q.text, turn)))) return undefined;
      forgetShortList(turn.engine);
      // a refusal is never the result of a guess: an answer read from part of her words that makes
      // her not eligible is confirmed first; so is a plain one whose meaning the profile asks back (有)
      // (a bare word only: 有, 是, 会; not words that say what she means, 每年体检都有妇科, 怀孕12周)
      const askBack = !confirmed && plainYesNo(answerText) !== undefined ? q.confirmFirst?.[String(parsed.value)] : undefined;
      if (parsed.guessed || askBack !== undefined) {
        const facts = { ...(await this.currentFacts(turn, programme)), [asking]: parsed.value };
        const decision = programmes.decide(programme, facts, turn.today);
        if (decision.status === 'decided' && !decision.eligible) {
          // (a yes or a no has no label: her own words are asked about)
          prompts.confirmGuess(turn, parsed.value, askBack ?? (q.input.type === 'yesno' ? answerText.trim() : labelOf(q.input, parsed.value, undefined)));
          return undefined;
        }
      }
      turn.state.failures = 0;
      turn.setFact(asking, parsed.value, q.sensitive);
      // her own ID number, when her birth date was read from it: kept to find her results by
      if (q.input.type === 'birthDate') turn.ownIdNumber = ownIdNumberIn(answerText, parsed.value, turn.today);
      interview.answered.push(asking);
      noteAnswer(turn, flow.id, step, asking);
      // the rest of her message may answer what comes next ("82年的，户口在这")
      // (a "never" in the words of a later question is kept for it: 没有查过 也没有做过啥手术)
      const later = this.laterInputs(programme, asking);
      carried.push(...carriedClauses(answerText, (c) => answersAsked(q.input, c, turn.today, known, later)));
    }
    delete interview.asking;
    let facts = await this.currentFacts(turn, programme);
    let decision = programmes.decide(programme, facts, turn.today);
    let read = readCarried(this.o.programmes, turn, programme, facts, carried);
    for (; read?.kind === 'answer'; read = readCarried(this.o.programmes, turn, programme, facts, carried)) {
      turn.setFact(read.fact, read.value, read.sensitive);
      interview.answered.push(read.fact);
      noteAnswer(turn, flow.id, step, read.fact);
      facts = await this.currentFacts(turn, programme);
      decision = programmes.decide(programme, facts, turn.today);
    }
    if (readTrigger) trigger.tried.push(INTERVIEW);
    if (carried.length === 0) delete interview.carried;
    // her own words would refuse her (我怀孕了，能做两癌吗): she confirms them first, in her words; so does
    // her age without 周岁 or 虚岁 (今年65) when her full years would decide
    const confirm =
      read?.kind === 'refusal'
        ? { ...read, label: read.clause }
        : fullYearsReading(programmes, programme, facts, decision, turn.today, this.o.flowSet.messages.fullYears);
    if (confirm) {
      interview.asking = confirm.fact;
      prompts.confirmGuess(turn, confirm.value, confirm.label);
      turn.waitAt(flow.id, step.id);
      return undefined;
    }
    if (decision.status === 'needs') {
      const next = programmes.question(programme, decision.fact, facts[decision.fact])!;
      if (next.sensitive && !turn.contact.healthConsentAt) return this.host.healthConsentFirst(turn, flow, step.id);
      interview.asking = decision.fact;
      turn.say(prompts.text(next.text, turn));
      turn.waitAt(flow.id, step.id);
      return undefined;
    }
    return this.answer(turn, flow, step, programme, decision);
  }

  /**
   * At the question that chooses the programme of the interview that follows (`step` of `flow`, the
   * eligibility step next reading what it saves): her words for a question of that interview, kept
   * for it, and she is told so before the question `again`. At any other question, one answered before
   * said again (restatedAfter). False when they answer none of its questions.
   */
  async keptAtChoice(turn: Turn, flow: Flow, step: AskStep, text: string, again: string, error: ParseErrorCode): Promise<boolean> {
    const next = flow.steps.find((s) => s.id === step.next);
    const { input } = step;
    const atChoice = input.type === 'choice' && next?.kind === 'eligibility' && next.programme === `{${step.save}}`;
    // (words the question asked reads but refuses, 预产期 too far ahead, are no answer to another)
    if (!atChoice || input.type !== 'choice') return error === 'unrecognised' && this.restatedAfter(turn, text, again);
    const offered = input.options.map((o) => o.value).filter((p) => this.o.programmes.has(p));
    return this.keptForLater(turn, offered, undefined, text, again);
  }

  /**
   * At a question after the interview (a day list, a confirmation, an offer): her answer to a question
   * of the interview, said again (户口在本县咯, when she said so before: her messages and the bot's
   * crossed) or said more exactly (户口在本县 after a 是的 that fitted her own 户口 and her husband's):
   * stored, said so, and the question `again`, not 没看懂.
   */
  async restatedAfter(turn: Turn, text: string, again: string): Promise<boolean> {
    const facts = await this.allFacts(turn);
    const healthConsent = !!turn.contact.healthConsentAt;
    const answers = turn.consented ? answersAfterInterview(text, { programmes: this.o.programmes, facts, healthConsent, today: turn.today }) : undefined;
    if (!answers) return false;
    for (const answer of answers) turn.setFact(answer.fact, answer.value, false);
    turn.state.failures = 0;
    // (what she said before, the same again: nothing new kept)
    const { keptForLater, keptAlready } = this.o.flowSet.messages;
    turn.say(`${this.o.prompts.text(answers.length > 0 ? keptForLater : keptAlready, turn)}\n${again}`);
    return true;
  }

  /** The inputs of the questions of `programme` but the one asked. */
  private laterInputs(programme: string, asking: string): InputSpec[] {
    const { programmes } = this.o;
    return programmes
      .facts(programme)
      .filter((f) => f !== asking)
      .flatMap((f) => programmes.question(programme, f)?.input ?? []);
  }

  /** Her words for other questions of the interview of `programmeIds` than `asking`, kept: said so, and the question `again`. */
  private async keptForLater(turn: Turn, programmeIds: string[], asking: string | undefined, text: string, again: string): Promise<boolean> {
    const { programmes, prompts } = this.o;
    const facts = await this.allFacts(turn);
    const healthConsent = !!turn.contact.healthConsentAt;
    const words = answersToOtherQuestions(text, { programmes, programmeIds, asking, facts, healthConsent, today: turn.today });
    if (!words) return false;
    if (words.length > 0) keepForInterview(turn.engine, words);
    turn.state.failures = 0;
    // (what she said before, said again: 1975年7月10日 after 一九七五年农历六月初二 — nothing new kept)
    const { keptForLater, keptAlready } = this.o.flowSet.messages;
    turn.say(`${prompts.text(words.length > 0 ? keptForLater : keptAlready, turn)}\n${again}`);
    return true;
  }

  /** The interview's answer: the check recorded, told, and the flow goes on. */
  private answer(turn: Turn, flow: Flow, step: EligibilityStep, programme: string, decision: Extract<ProgrammeDecision, { status: 'decided' }>): Next {
    turn.recordCheck({
      programme,
      eligible: decision.eligible,
      reasonCode: decision.reasonCode,
      nextEligibleOn: decision.nextEligibleOn,
      checkedAt: turn.now,
    });
    turn.say(decision.text);
    delete turn.state.vars.programme;
    delete turn.engine.interview;
    turn.state.vars.eligible = decision.eligible ? 'yes' : 'no';
    return this.host.resolve(turn, flow, step.next);
  }

  /**
   * A yes or no (不是, 在, 户口没迁过来) that fits several options (`among`), when every one of them gives
   * her the same answer (河南两癌: any 户口 but her own is not local): that answer, and no fact stored,
   * since she did not say which. Undefined when they differ.
   */
  private async sameDecision(
    turn: Turn,
    programme: string,
    fact: string,
    among: readonly string[],
  ): Promise<Extract<ProgrammeDecision, { status: 'decided' }> | undefined> {
    if (among.length < 2) return undefined;
    const facts = await this.currentFacts(turn, programme);
    const decisions = among.map((value) => this.o.programmes.decide(programme, { ...facts, [fact]: value }, turn.today));
    const [first] = decisions;
    if (first.status !== 'decided') return undefined;
    const alike = decisions.every(
      (d) =>
        d.status === 'decided' &&
        d.eligible === first.eligible &&
        d.reasonCode === first.reasonCode &&
        d.nextEligibleOn === first.nextEligibleOn &&
        d.text === first.text,
    );
    return alike ? first : undefined;
  }

  /** Whether she answered, in this interview, a question her weeks answer (您现在怀孕了吗), and `input` is another. */
  private pregnancyTold(turn: Turn, programme: string, input: InputSpec): boolean {
    const byWeeks = (i: InputSpec | undefined) => i?.type === 'yesno' && !!i.gestationIsYes;
    return !byWeeks(input) && (turn.engine.interview?.answered ?? []).some((f) => byWeeks(this.o.programmes.question(programme, f)?.input));
  }

  /** Everything stored about her, with this turn's answers on top. */
  async allFacts(turn: Turn): Promise<Record<string, unknown>> {
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
    const answeredNow = new Set(turn.engine.interview?.answered ?? []);
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
}
