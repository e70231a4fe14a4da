// Finds a warning sign (a symptom to see a doctor for, domain.md §4a) in her message, already read
// (繁→简, spoken forms: src/domain/parse/readMessage.ts), and chooses whose sign it is: hers while
// pregnant, hers after a birth, her newborn's, or any woman's (两癌). The words are the profile's
// (`warningSigns`, warningSignsSchema.ts). Pure: her situation comes from the caller.
//
// A sign is present when it is named in a clause (between punctuation or spaces) and no not-word
// (没有, 怕, 会, 以前…) stands shortly before it in that clause: 我没有出血, 怕以后会出血, 以前出过血
// are not signs; 是不是出血了 (notNot) is. A finding she was told (乳腺增生要紧吗) names no sign: it is a
// question about a result, answered by the usual flows.
import type { WarningGroup, WarningSign, WarningSigns } from './profile/warningSignsSchema.js';

export interface SignSituation {
  /** She has a pregnancy going on (registered). */
  pregnant: boolean;
  /** Days since her latest birth, when one is recorded. */
  daysSinceBirth?: number;
}

export interface FoundSign {
  group: WarningGroup;
  signId: string;
  /** The answer to send (its placeholders not yet filled in). */
  text: string;
  /** Her message without the clauses that name the sign ('' when nothing else was said). */
  rest: string;
}

const SEPARATOR = /[，,。！!？?；;、\s~～…:：]/u;
const CLAUSE = /[^，,。！!？?；;、\s~～…:：]+/gu;

/** The groups whose signs are looked for, in order: hers (or her baby's) first, then any woman's. */
export function candidateGroups(text: string, signs: WarningSigns, s: SignSituation): WarningGroup[] {
  const says = (words: readonly string[]) => words.some((w) => text.includes(w));
  const g = signs.groups;
  const recentBirth = s.daysSinceBirth !== undefined && s.daysSinceBirth >= 0 && s.daysSinceBirth <= signs.postpartumDays;
  // her words saying she gave birth win over a pregnancy whose birth was not reported yet
  const afterBirth = says(g.postpartum.contextWords) || says(g.newborn.contextWords) || (recentBirth && !s.pregnant);
  const out: WarningGroup[] = [];
  if (afterBirth) {
    if (says(signs.babyWords) || says(g.newborn.contextWords)) out.push('newborn');
    out.push('postpartum');
  } else if (s.pregnant) {
    out.push('pregnant');
  } else if (says(g.pregnant.contextWords)) {
    // only her words say she is pregnant: words of any woman's signs (同房后见红, 绝经了又见红) go first
    return says(g.twoCancer.contextWords) ? ['twoCancer', 'pregnant'] : ['pregnant', 'twoCancer'];
  }
  out.push('twoCancer');
  return out;
}

/** The first sign present in her message, of the first group (candidateGroups) that has one. */
export function findWarningSign(text: string, signs: WarningSigns, situation: SignSituation): FoundSign | undefined {
  const clauses = [...text.matchAll(CLAUSE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (const group of candidateGroups(text, signs, situation)) {
    for (const sign of signs.groups[group].signs) {
      const spans = signSpans(text, sign, signs);
      if (!spans) continue;
      const named = clauses.filter((c) => spans.some((sp) => sp.start < c.end && sp.end > c.start));
      return { group, signId: sign.id, text: sign.text ?? signs.groups[group].text, rest: without(text, named) };
    }
  }
  return undefined;
}

type Span = { start: number; end: number };

/**
 * Where `sign` is named in her message and not negated: one of its words, or its parts in order,
 * each at most `maxGap` characters after the one before (across a space or a comma: 绝经两年了 又见红了);
 * a not-word counts only in the same clause, shortly before. Undefined when it is not present.
 */
export function signSpans(text: string, sign: WarningSign, signs: WarningSigns): Span[] | undefined {
  const masked = mask(text, signs.notNot);
  const clauseStart = (at: number) => {
    let i = at;
    while (i > 0 && !SEPARATOR.test(text[i - 1])) i--;
    return i;
  };
  const clauseEnd = (at: number) => {
    let i = at;
    while (i < text.length && !SEPARATOR.test(text[i])) i++;
    return i;
  };
  const negated = (from: number, at: number) => {
    const before = masked.slice(Math.max(from, clauseStart(at), at - signs.notWithin), at);
    return signs.notWords.some((w) => before.includes(w));
  };
  const ruledOut = (spans: Span[]) =>
    spans.some((sp) => {
      const clause = text.slice(clauseStart(sp.start), clauseEnd(sp.end));
      return sign.unless.some((w) => clause.includes(w));
    });
  for (const word of sign.words) {
    for (const at of indicesOf(text, word)) {
      const spans = [{ start: at, end: at + word.length }];
      if (!negated(0, at) && !ruledOut(spans)) return spans;
    }
  }
  const chain = (parts: string[][], from: number, first: boolean): Span[] | undefined => {
    if (parts.length === 0) return [];
    for (const word of parts[0]) {
      for (const at of indicesOf(text, word)) {
        if (!first && (at < from || at - from > signs.maxGap)) continue;
        if (negated(first ? 0 : from, at)) continue;
        const after = chain(parts.slice(1), at + word.length, false);
        if (after) return [{ start: at, end: at + word.length }, ...after];
      }
    }
    return undefined;
  };
  if (sign.parts.length === 0) return undefined;
  const spans = chain(sign.parts, 0, true);
  return spans && !ruledOut(spans) ? spans : undefined;
}

function indicesOf(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

/** `text` with the pieces of `words` blanked out (same length, so positions stay). */
function mask(text: string, words: readonly string[]): string {
  let out = text;
  for (const w of words) out = out.split(w).join('\u25a1'.repeat(w.length));
  return out;
}

/** Her message without `clauses`, and without the separators left at its ends. */
function without(text: string, clauses: { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const c of clauses) {
    out += text.slice(at, c.start);
    at = c.end;
  }
  out += text.slice(at);
  return out.replace(/^[，,。！!？?；;、\s~～…:：]+|[，,。！!？?；;、\s~～…:：]+$/gu, '');
}
