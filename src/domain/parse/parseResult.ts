// A reply parser never throws: it returns a tagged result. The error code picks the re-prompt
// text (kept in flows/messages.yaml), never shown raw to a woman.
export type ParseErrorCode =
  | 'empty'
  | 'unrecognised'
  | 'out_of_range'
  | 'in_future'
  | 'too_old'
  | 'checksum'
  | 'bad_length'
  | 'bad_birth_date'
  | 'ambiguous'
  | 'incomplete'
  /** a pregnancy counted in months (怀孕三个月): too coarse to date the screening windows */
  | 'months'
  /** a month without the day (末次月经冬月底, 3月初): she is asked which day, naming what she said */
  | 'part_of_month'
  /** a birth date that makes her a child (2019年, written for another question): not hers */
  | 'too_young';

/**
 * `guessed`: the value was read only from part of her words (a choice matched by one word of a
 * longer reply, or decided by a negation): the engine confirms it before acting on it when acting
 * would refuse her.
 */
export type ParseResult<T> =
  | { ok: true; value: T; guessed?: true }
  | {
      ok: false;
      error: ParseErrorCode;
      /** 'ambiguous' between these choice values only (a plain 不是 fitting three options): ask which, with the short list. */
      among?: string[];
    };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });
/** A reading from part of her words (see `guessed`). */
export const guessed = <T>(value: T): ParseResult<T> => ({ ok: true, value, guessed: true });
export const fail = <T = never>(error: ParseErrorCode): ParseResult<T> => ({ ok: false, error });
