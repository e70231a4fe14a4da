// 重新回答 / 写错了, and a voice message or a photo, before her message is routed as usual.
//
// At a question, 重新回答 (the command `correct`) goes back to the question she answered last in this
// conversation (`engine.answered`): its answer (the fact it stored, the variable it set) is dropped and
// it is asked again; an answer she names (户口写错了, 生日不对: messages.yaml `correction.topics`) goes back
// to that question. Then the flow or the interview goes on from there (the answers after it are kept,
// and the rules check them again). At rest, an answer she names is dropped and her latest check run
// again (correct_answers.yaml, step `again`); plain 重新回答 at rest lists her answers (same flow).
// A voice message or a photo gets its answer (messages.yaml `media`), then the question she was on.
import type { InboundMessage } from '../channels/channel.js';
import { renderTemplate } from '../domain/template.js';
import type { EngineOptions } from './engineOptions.js';
import { MENU, NOTICE } from './engineOptions.js';
import type { EligibilityInterview } from './eligibilityInterview.js';
import type { Flow, Step } from './flowSchema.js';
import type { Messages } from './flowSchema.js';
import { hasWord, longestWord } from './looseWords.js';
import { isOwnAnswerWord, matchCommand, matchTrigger } from './matchWords.js';
import type { Prompts } from './prompts.js';
import type { SideAnswer } from './sideQuestions.js';
import type { Turn } from './turn.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { parseInput } from './parseInput.js';
import { plainYesNo } from '../domain/parse/parseYesNo.js';
import { readDayWords } from '../domain/booking/readDay.js';
import { readEarlierChoice } from './readShownChoice.js';
import { strayReply } from './strayWords.js';
import { DAYS_SOURCE } from './answerAhead.js';

const CLAUSE = /[\s,，。.!！?？、~～:：;；]+/u;
/** A clause that takes back what she said before (不是没查过, 不是78年). */
const TAKEN_BACK = /^(?:不是|并不是|也不是)/u;

/** Her words besides the clauses that say something was wrong ('' when there are none). */
function restOf(text: string, wrongWords: readonly string[]): string {
  return text
    .split(CLAUSE)
    .filter((clause) => clause && !hasWord(clause, wrongWords))
    .join(' ')
    .trim();
}

/** Whether her words read, not as a guess, as an answer to a question of this input (not a list chosen from: that needs its options). */
function readsAsAnswer(input: InputSpec, text: string, today: string, whole = false): boolean {
  if (input.type === 'dynamicChoice') return false;
  const read = parseInput(input, text, today);
  if (!read.ok || read.guessed) return false;
  const value = read.value as { precision?: unknown } | null;
  return !whole || typeof value !== 'object' || value === null || value.precision === undefined || value.precision === 'day';
}

/** The flow of 重新回答 at rest (and of an answer she names at rest: its step `again`). */
export const CORRECT = 'correct_answers';
/** The flow of the eligibility check (its triggers name the programme). */
const ELIGIBILITY = 'eligibility';
/** A check named with at most a filler (还查两癌, 查两癌, 我要查两癌): no more, no question, no stop. */
const CHECK_NAMED = /^\s*(?:我|俺)?(?:还|再)?(?:要|想)?(?:查|做)?(?:两癌|宫颈癌|乳腺癌)(?:筛查|检查)?\s*$/u;
const CORRECT_AGAIN = 'again';
/** The flow variable that holds the fact she names (read by the action answers.again). */
export const CORRECT_FACT = 'correctFact';

type Answered = NonNullable<Turn['engine']['answered']>[number];

/** What the engine does for this module: read and route her words, run a step, answer beside the question she is on. */
export interface TurnHost {
  read(text: string): string;
  route(turn: Turn, text: string): Promise<void>;
  run(turn: Turn, flow: Flow, step: Step): Promise<void>;
  carryOn(turn: Turn, rest: string, side: SideAnswer): Promise<void>;
}

/**
 * Notes an answered question: a flow's step that saves her answer, when it was asked (not one its
 * variable or her first words answered without asking), or a question of the interview (`fact`).
 */
export function noteAnswer(turn: Turn, flowId: string, step: { id: string; save?: string; fact?: string }, fact?: string): void {
  if (!turn.consented || flowId === MENU || flowId === NOTICE || flowId === CORRECT) return;
  if (!fact && (turn.state.flowId !== flowId || turn.state.stepId !== step.id)) return;
  const entry: Answered = { flowId, stepId: step.id, fact: fact ?? step.fact, save: fact ? undefined : step.save };
  if (!entry.fact && !entry.save) return;
  const list = (turn.engine.answered ?? []).filter((e) => !(e.flowId === entry.flowId && e.stepId === entry.stepId && e.fact === entry.fact));
  turn.engine.answered = [...list, entry];
}

/** The fact (or flow variable) her message names as answered wrong (户口写错了), if it does. */
export function namedAnswer(text: string, correction: Messages['correction']): string | undefined {
  if (!hasWord(text, correction.wrongWords) || hasWord(text, correction.notWords)) return undefined;
  let best: { key: string; length: number } | undefined;
  for (const [key, words] of Object.entries(correction.topics)) {
    const hit = longestWord(text, words);
    if (hit && (!best || hit.end - hit.start > best.length)) best = { key, length: hit.end - hit.start };
  }
  return best?.key;
}

export class AnswerAgain {
  /** Where the replies of the question asked again start (back), this message. */
  private askedAgainAt: number | undefined;

  constructor(
    private readonly o: EngineOptions,
    private readonly say: Prompts,
    private readonly interview: EligibilityInterview,
  ) {}

  /** Her message: a voice message or a photo, a correction, or else routed as usual. */
  async handle(turn: Turn, message: InboundMessage, host: TurnHost): Promise<void> {
    const { messages } = this.o.flowSet;
    if (message.kind) {
      const text = this.say.text(message.kind === 'voice' ? messages.media.voice : messages.media.image, turn);
      return host.carryOn(turn, '', { text, rest: '', booked: false, unasked: '' });
    }
    const text = host.read(message.text);
    if (await this.correct(turn, text, host)) return;
    // a thank-you, an emoji, 同意 again at a question: a kind line, and the question again
    const waiting = turn.consented ? turn.waitingStep(this.o.flowSet.flows) : undefined;
    const input = waiting && waiting.flow.id !== NOTICE && waiting.flow.id !== MENU ? this.askedInput(turn, waiting.step) : undefined;
    // (not a word an option of the list takes: 好 to 要排队等号吗, one of a list of hospitals)
    const shown = turn.engine.options;
    // (nor her answer to 您是说…，对吗？ or to which of two readings: 好的 and 👌 are her yes there)
    const confirming = turn.engine.guess !== undefined || !!shown?.some((o) => o.which);
    const chosen = confirming || (input?.type === 'dynamicChoice' && !!shown && readEarlierChoice(text, shown, turn.today).read.ok);
    const stray = input && !chosen && (strayReply(text, input, waiting?.step.kind === 'eligibility', messages.stray) ?? this.namesItsCheck(turn, text, input));
    if (stray) return host.carryOn(turn, '', { text: stray, rest: '', booked: false, unasked: '' });
    await host.route(turn, text);
  }

  /** Whether her message went back to a question (handled); false: route it as usual. */
  private async correct(turn: Turn, text: string, host: TurnHost): Promise<boolean> {
    const { flows, commands, messages } = this.o.flowSet;
    if (!turn.consented) return false;
    const waiting = turn.waitingStep(flows);
    if (waiting && isOwnAnswerWord(text, waiting.step)) return false;
    // an answer to the question she is on, corrected as she wrote it (1968年11月20 不对 是12月20): its answer
    const asked = waiting && this.askedInput(turn, waiting.step);
    // (not when her words name another answer: 说错了 俺做哩是结扎 子宫没切, at the next question, is not its no)
    const said = namedAnswer(text, messages.correction);
    const other = said !== undefined && said !== this.askedFact(turn, waiting?.step);
    if (asked && !other && restOf(text, messages.correction.wrongWords) && readsAsAnswer(asked, text, turn.today)) return false;
    // (刚才说错了 俺是七二年的: no answer named, but her new words answer one she gave before)
    const named = said ?? this.answeredBy(turn, text);
    const plain = !named && matchCommand(text, commands) === CORRECT;
    // a day corrected later in a booking (礼拜二, then 哎呀说错了 是礼拜三 上午 at 上午还是下午): back to the days
    const dayStep = !named && !plain && waiting ? this.dayCorrected(turn, waiting.flow, text) : undefined;
    if (dayStep) return (await this.back(turn, { flowId: waiting!.flow.id, stepId: dayStep.id, save: dayStep.save }, host)) && this.newAnswer(turn, text, host);
    if (!named && !plain) return false;
    const answered = turn.engine.answered ?? [];
    if (waiting && waiting.flow.id !== CORRECT) {
      const entry = plain ? answered.at(-1) : [...answered].reverse().find((e) => (e.fact ?? e.save) === named || e.save === named);
      const before = entry?.fact ? (await this.interview.allFacts(turn))[entry.fact] : undefined;
      const kept = other && entry ? this.answerBeside(turn, text, entry) : undefined;
      if (entry && (await this.back(turn, entry, host))) {
        if (kept) turn.state.vars[kept.save] = kept.value;
        return this.newAnswer(turn, kept ? kept.rest : text, host, before);
      }
      // her answer from before (a birth date kept from another day), at a question of the interview that asks it
      const step = waiting.step;
      const programme = step.kind === 'eligibility' ? this.say.text(step.programme, turn) : undefined;
      if (named && programme && this.o.programmes.has(programme) && this.o.programmes.facts(programme).includes(named)) {
        return (await this.back(turn, { flowId: waiting.flow.id, stepId: step.id, fact: named }, host)) && this.newAnswer(turn, text, host);
      }
    }
    // at rest (or a question of a flow that did not ask it): the list of her answers, or the one she names asked again
    // (stored, or not: 不在这, refused without asking which, stores nothing; her latest check that asks it asks it again)
    const facts = await this.interview.allFacts(turn);
    const asksIt = (p: string) => this.o.programmes.has(p) && this.o.programmes.facts(p).includes(named!);
    if (plain || !(named! in facts || this.o.programmes.ids().some(asksIt))) return false;
    const flow = flows.get(CORRECT)!;
    turn.rest();
    turn.state.vars[CORRECT_FACT] = named;
    this.askedAgainAt = turn.replies.length;
    await host.run(
      turn,
      flow,
      flow.steps.find((s) => s.id === CORRECT_AGAIN)!,
    );
    return this.newAnswer(turn, text, host, facts[named!]);
  }

  /**
   * The right answer she wrote beside the correction (户口那个俺点错了 俺户口就在项城): read as her answer
   * to the question asked again, when it says as much as the answer it replaces (`before`).
   */
  private async newAnswer(turn: Turn, text: string, host: TurnHost, before?: unknown): Promise<true> {
    const rest = restOf(text, this.o.flowSet.messages.correction.wrongWords);
    const waiting = rest ? turn.waitingStep(this.o.flowSet.flows) : undefined;
    const asked = waiting && this.askedInput(turn, waiting.step);
    // a whole answer (应该是87年 is part of a birth date given to the day: she is asked it whole), or
    // a year for a year (刚才说错了 俺是七二年的, after 七三年的)
    // (a year said again for what she gave as a year, or had not given at all: 2020年 for 没查过)
    const yearBefore = before === null || before === undefined || (before as { precision?: unknown }).precision === 'year';
    const reads = (c: string) => !!asked && readsAsAnswer(asked, c, turn.today, !yearBefore);
    const clauses = rest.split(CLAUSE).filter(Boolean);
    // her words whole; else the clauses that read (俺户口就在项城 | 不是外地的), never what she takes back
    // (不是没查过 | 2020年在乡里查过一回); a list shown again (the days) reads them against it
    const shown = asked?.type === 'dynamicChoice' ? turn.engine.options : undefined;
    const reading = shown
      ? readEarlierChoice(rest, shown, turn.today).read.ok
        ? [rest]
        : []
      : !clauses.some((c) => TAKEN_BACK.test(c)) && reads(rest)
        ? [rest]
        : clauses.filter((c) => !TAKEN_BACK.test(c) && reads(c));
    // (two clauses that give the same answer, 我冇得单位 没单位: the first; two that differ: none)
    const values = new Set(reading.map((c) => JSON.stringify(asked && parseInput(asked, c, turn.today))));
    const answer = values.size === 1 ? reading[0] : undefined;
    if (answer !== undefined) {
      // (the question is not asked again when her words answer it: 好的，改过来了, and what follows)
      if (this.askedAgainAt !== undefined)
        turn.replies.splice(this.askedAgainAt, turn.replies.length - this.askedAgainAt, this.say.text(this.o.flowSet.messages.correction.changed, turn));
      await host.route(turn, answer);
    }
    return true;
  }

  /**
   * Her answer to the question she is on, written beside the correction of another one (一个 | 刚才月经讲错哒
   * 是35天一次, at 一个还是双胞胎): a clause its question reads by itself and the corrected one does not. Kept
   * for that question (a step asked once, `skipIfSet`), her other words read as the corrected answer.
   */
  private answerBeside(turn: Turn, text: string, corrected: Answered): { save: string; value: unknown; rest: string } | undefined {
    const waiting = turn.waitingStep(this.o.flowSet.flows);
    const step = waiting?.step;
    if (step?.kind !== 'ask' || !step.save || !step.skipIfSet) return undefined;
    const target = this.o.flowSet.flows.get(corrected.flowId)?.steps.find((s) => s.id === corrected.stepId);
    const { wrongWords } = this.o.flowSet.messages.correction;
    const clauses = text.split(CLAUSE).filter(Boolean);
    const own = clauses.filter(
      (c) => !hasWord(c, wrongWords) && readsAsAnswer(step.input, c, turn.today) && !(target?.kind === 'ask' && readsAsAnswer(target.input, c, turn.today)),
    );
    if (own.length !== 1) return undefined;
    const read = parseInput(step.input, own[0], turn.today);
    if (!read.ok) return undefined;
    return { save: step.save, value: read.value, rest: clauses.filter((c) => c !== own[0]).join(' ') };
  }

  /**
   * The answer her correction is about when it names none (搞错了 我是七四年的 三月六号): the one she gave
   * last in this conversation that her other words answer, surely (not a plain yes or no: that could answer anything).
   */
  private answeredBy(turn: Turn, text: string): string | undefined {
    const { correction } = this.o.flowSet.messages;
    if (!hasWord(text, correction.wrongWords) || hasWord(text, correction.notWords)) return undefined;
    const rest = restOf(text, correction.wrongWords);
    if (!rest || plainYesNo(rest) !== undefined) return undefined;
    const { flows } = this.o.flowSet;
    for (const entry of [...(turn.engine.answered ?? [])].reverse()) {
      const step = flows.get(entry.flowId)?.steps.find((s) => s.id === entry.stepId);
      const input =
        step?.kind === 'ask'
          ? step.input
          : step?.kind === 'eligibility' && entry.fact
            ? this.o.programmes.question(this.say.text(step.programme, turn), entry.fact)?.input
            : undefined;
      if (input && readsAsAnswer(input, rest, turn.today)) return entry.fact ?? entry.save;
    }
    return undefined;
  }

  /**
   * At a question of the interview of a check, a short message naming that check (还查两癌, 查两癌):
   * she is still on it, the question again.
   */
  private namesItsCheck(turn: Turn, text: string, input: InputSpec): string | undefined {
    const waiting = turn.waitingStep(this.o.flowSet.flows);
    // (only the check's name and a filler: not 两癌不查了, 两癌算了, 两癌多少钱)
    if (!waiting || !CHECK_NAMED.test(text) || parseInput(input, text, turn.today).ok) return undefined;
    const trigger = matchTrigger(text, this.o.flowSet.flows.values());
    const programme = trigger?.flowId === ELIGIBILITY ? trigger.vars.programme : undefined;
    const step = waiting.step;
    const same = step.kind === 'eligibility' && programme !== undefined && this.say.text(step.programme, turn) === programme;
    return same ? this.o.flowSet.messages.stray.reply : undefined;
  }

  /** The day step of `flow` when her correction names a day other than the one it holds (that step), else undefined. */
  private dayCorrected(turn: Turn, flow: Flow, text: string): { id: string; save: string } | undefined {
    const { correction } = this.o.flowSet.messages;
    if (!hasWord(text, correction.wrongWords) || hasWord(text, correction.notWords)) return undefined;
    const step = flow.steps.find((s) => s.kind === 'ask' && s.input.type === 'dynamicChoice' && s.input.source === DAYS_SOURCE);
    const held = step?.kind === 'ask' && step.save ? turn.state.vars[step.save] : undefined;
    const words = readDayWords(restOf(text, correction.wrongWords), turn.today);
    return step?.kind === 'ask' && step.save && typeof held === 'string' && words.kind === 'day' && words.day !== held
      ? { id: step.id, save: step.save }
      : undefined;
  }

  /** The fact the question she is on asks (an ask step's, or the interview's). */
  private askedFact(turn: Turn, step: Step | undefined): string | undefined {
    if (step?.kind === 'ask') return step.fact ?? step.save;
    return step?.kind === 'eligibility' ? turn.engine.interview?.asking : undefined;
  }

  /** What the question she is on reads: an ask step's input, or the interview's question. */
  private askedInput(turn: Turn, step: Step): InputSpec | undefined {
    if (step.kind === 'ask') return step.input;
    if (step.kind !== 'eligibility') return undefined;
    const fact = turn.engine.interview?.asking;
    return fact ? this.o.programmes.question(this.say.text(step.programme, turn), fact)?.input : undefined;
  }

  /** Back to the question of `entry`: her answer dropped, the flows called since left, and the question asked again. */
  private async back(turn: Turn, entry: Answered, host: TurnHost): Promise<boolean> {
    const { flows, messages } = this.o.flowSet;
    const flow = flows.get(entry.flowId);
    const step = flow?.steps.find((s) => s.id === entry.stepId);
    if (!flow || !step) return false;
    const { engine, state } = turn;
    if (flow.id !== state.flowId) {
      // a flow that called the one she is on (booking → eligibility): back in it
      const at = engine.stack.map((f) => f.flowId).lastIndexOf(flow.id);
      if (at < 0) return false;
      engine.stack.length = at;
    }
    await this.interview.allFacts(turn);
    engine.answered = (engine.answered ?? []).filter((e) => e !== entry && !(e.flowId === entry.flowId && e.stepId === entry.stepId && e.fact === entry.fact));
    if (entry.save) delete state.vars[entry.save];
    if (entry.fact) turn.forgetFacts([entry.fact]);
    for (const k of ['options', 'guess', 'among', 'nextAnswer', 'carried'] as const) delete engine[k];
    state.failures = 0;
    if (step.kind === 'eligibility' && engine.interview) {
      // the interview goes on from that question: the rules ask what they need, her other answers kept
      const interview = engine.interview;
      interview.answered = interview.answered.filter((f) => f !== entry.fact);
      delete interview.asking;
      delete interview.carried;
    } else {
      delete engine.interview;
    }
    this.askedAgainAt = turn.replies.length;
    turn.say(this.say.text(messages.correction.again, turn));
    await host.run(turn, flow, step);
    return true;
  }
}

/** A line of the list of her answers (correct_answers.yaml), for the fact `key` of value `value` in words. */
export function answerOption(correction: Messages['correction'], label: string, value: string): string {
  return renderTemplate(correction.option, { label, value });
}
