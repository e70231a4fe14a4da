// What the engine needs from the county's programme profile: the next fact to ask, how to ask it,
// and the answer in words. Implemented over the profile files (src/profiles).
import type { InputSpec } from '../domain/parse/inputSpec.js';

export interface ProfileQuestion {
  text: string;
  example: string;
  input: InputSpec;
  sensitive: boolean;
  /** How long a stored answer is reused: 'always', or days (0 = ask every time). */
  remember: 'always' | number;
  /** What a plain answer that refuses her means, asked back first, by the answer's value ("no": a plain no among options). */
  confirmFirst?: Record<string, string>;
}

export type ProgrammeDecision =
  { status: 'needs'; fact: string } | { status: 'decided'; eligible: boolean; reasonCode?: string; nextEligibleOn?: string; text: string };

export interface ProgrammePort {
  has(programmeId: string): boolean;
  /** The programmes the county runs. */
  ids(): string[];
  /** The programme's name as the profile gives it (e.g. 两癌免费筛查). */
  name(programmeId: string): string | undefined;
  decide(programmeId: string, facts: Record<string, unknown>, today: string): ProgrammeDecision;
  /** The facts its interview may ask (those of its rules that have a question), in the rules' order. */
  facts(programmeId: string): string[];
  /**
   * How to ask a fact. `known`: what she gave for it before, when that was not enough (a birth date
   * given as a year leaves her on either side of an age limit): the question asks for more.
   */
  question(programmeId: string, fact: string, known?: unknown): ProfileQuestion | undefined;
  /** Her stored answer in words, for 我的信息 (choice values as their labels, dates in Chinese). */
  describeFact(fact: string, value: unknown): string;
  /** Who may take part (its age range, its `whoCanJoin` text), said to a woman who asks for another woman; undefined when the profile does not say. */
  whoCanJoin(programmeId: string): string | undefined;
}
