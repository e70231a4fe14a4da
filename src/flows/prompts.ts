// What the engine itself says around a question: texts filled in with the conversation's values,
// the question again, re-prompts, and the short confirmation of an answer read only from part of
// her words before it refuses her ("您是说：城镇，不是低保户，对吗？").
import { optionLines } from '../domain/parse/optionLines.js';
import { renderTemplate, type TemplateVars } from '../domain/template.js';
import type { InputSpec } from '../domain/parse/inputSpec.js';
import { parseYesNo } from '../domain/parse/parseYesNo.js';
import type { ShownOption } from '../services/conversationStore.js';
import type { AskStep, Messages } from './flowSchema.js';
import { monthWithoutDay } from '../domain/parse/monthWithoutDay.js';
import type { WhyNotAnswer } from './earlierWords.js';
import type { Turn } from './turn.js';

const MAX_FAILURES = 3;

/** Her reply to "您是说……，对吗？": yes (the guessed value), no, or neither (read it as an answer). */
export type Confirmation = { said: 'yes'; value: unknown } | { said: 'no'; instead?: unknown } | undefined;

export class Prompts {
  constructor(
    private readonly messages: () => Messages,
    /** Texts' placeholders that come from the county (countyName, operator, servicePhone, …). */
    private readonly countyVars: TemplateVars,
    /** With staff to hand her to (the profile's handoff.stuckAfter): after this many answers not read, staff are asked instead. */
    private readonly stuckAfter?: number,
  ) {}

  /** The conversation's values for texts and actions; an answer with parts (a date, a dating) also as `name.part`. */
  vars(turn: Turn): TemplateVars {
    const own: TemplateVars = {};
    const plain = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
    for (const [k, v] of Object.entries(turn.state.vars)) {
      if (plain(v)) own[k] = v;
      else if (v && typeof v === 'object' && !Array.isArray(v)) {
        for (const [part, x] of Object.entries(v)) if (plain(x)) own[`${k}.${part}`] = x;
      }
    }
    return { ...this.countyVars, ...own };
  }

  text(template: string, turn: Turn): string {
    return renderTemplate(template, this.vars(turn));
  }

  /** What she said is known already (好的，这个已经记着了). */
  heardAlready(turn: Turn): string {
    return this.text(this.messages().keptAlready, turn);
  }

  /** Her answer to a question the flow skipped, heard (好的，知道了。). */
  notAsked(turn: Turn): string {
    return this.text(this.messages().notAsked, turn);
  }

  /** Her answer to another question, kept for it (好的，记下了。). */
  keptForLater(turn: Turn): string {
    return this.text(this.messages().keptForLater, turn);
  }

  /** The question of an ask step as she reads it (a dynamic choice with its numbered options). */
  question(turn: Turn, step: AskStep, options: ShownOption[] | undefined): string {
    const text = this.text(step.text, turn);
    return options ? `${text}\n${optionLines(options)}` : text;
  }

  /**
   * Asks the question; when her words that started the flow answer it in a form it cannot take (months,
   * not weeks: `why`), it says why it asks for more, and what (not as a failed answer: she was not asked yet).
   */
  ask(turn: Turn, step: AskStep, options: ShownOption[] | undefined, why: WhyNotAnswer | undefined): void {
    if (why?.why === 'part_of_month') turn.say(this.partOfMonth(why.heard) ?? this.question(turn, step, options));
    else turn.say(why ? this.text(this.messages().monthsHeard, turn) : this.question(turn, step, options));
  }

  /** Her last period as a month without the day (冬月底): which day, naming what she said (`heard`, her words). */
  private partOfMonth(heard: string): string | undefined {
    const named = monthWithoutDay(heard);
    return named && renderTemplate(this.messages().reprompt.part_of_month, { said: named.said, month: named.month });
  }

  /** An answer that cannot be read: why (the question's own reason first), the question if given, an example. */
  reprompt(turn: Turn, error: keyof Messages['reprompt'], example: string, repeat?: string, own?: AskStep['reprompt'], heard?: string): void {
    const m = this.messages();
    turn.state.failures += 1;
    // (after consent, with staff to hand her to: the engine opens her request, turn.stuck)
    if (this.stuckAfter && turn.consented) {
      if (turn.state.failures >= this.stuckAfter) {
        turn.state.failures = 0;
        turn.stuck = true;
        return;
      }
    } else if (turn.state.failures >= MAX_FAILURES) {
      turn.state.failures = 0;
      turn.say(this.text(m.tooManyFailures, turn));
      return;
    }
    // months, not weeks (三个多月了): heard, and what dates it asks for, as when her first words said so (no 没看懂)
    if (error === 'months' && !own?.months) return void turn.say(this.text(m.monthsHeard, turn));
    // a month without the day: one sentence that names what she said and asks for the day
    const partOfMonth = error === 'part_of_month' && heard !== undefined ? this.partOfMonth(heard) : undefined;
    if (partOfMonth) return void turn.say(partOfMonth);
    const lines = [own?.[error] ? this.text(own[error], turn) : m.reprompt[error]];
    if (repeat) lines.push(this.text(repeat, turn));
    lines.push(renderTemplate(m.example, { example }));
    turn.say(lines.join('\n'));
  }

  /** Asks her to confirm a guessed answer before it is acted on; the question keeps waiting. */
  confirmGuess(turn: Turn, value: unknown, label: string): void {
    turn.engine.guess = { value, label };
    turn.say(renderTemplate(this.messages().confirmGuess, { label }));
  }

  /** Her reply to a guess waiting for her yes (and the guess forgotten); undefined when none waits or she said neither. */
  readConfirmation(turn: Turn, text: string): Confirmation {
    const guess = turn.engine.guess;
    if (!guess) return undefined;
    delete turn.engine.guess;
    // a number picks from the question's list (parseYesNo would read 1 and 2 as yes and no)
    if (/^\s*[0-9０-９]+\s*$/u.test(text)) return undefined;
    // how she counts her age (对 虚岁65), or her birth year, after her age read in full years: her answer, read as one
    if (
      (guess.value as { counting?: unknown } | null)?.counting === 'full' &&
      /虚.*[\d一二三四五六七八九十]|[\d一二三四五六七八九十].*虚|\d{2,4}年/u.test(text)
    )
      return undefined;
    const read = parseYesNo(text);
    if (!read.ok || read.guessed) return undefined;
    return read.value ? { said: 'yes', value: guess.value } : { said: 'no', ...(guess.instead === undefined ? {} : { instead: guess.instead }) };
  }
}

/** How a value she chose is named back to her: the option's label, else the value itself. */
export function labelOf(input: InputSpec, value: unknown, shown: ShownOption[] | undefined): string {
  const options = input.type === 'choice' ? input.options : (shown ?? []);
  return options.find((o) => o.value === value)?.label ?? String(value);
}

/** Whether a guessed `value` at `step` must be confirmed before it is acted on (its `confirmIfGuessed`). */
export function confirmsGuess(step: AskStep, value: unknown): boolean {
  return step.confirmIfGuessed === true || (Array.isArray(step.confirmIfGuessed) && step.confirmIfGuessed.includes(String(value)));
}
