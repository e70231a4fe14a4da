// Decides whether a woman qualifies for a programme from the facts known so far. Pure: the day
// is passed in (Asia/Shanghai calendar day). Rules come from the programme profile and are
// evaluated in order; the first rule lacking a fact is asked next and the first failing rule
// decides, so she is never asked a question after the decisive answer. A birth date known only to
// the month, the year or as an age decides when every day it can be gives the same answer; else
// the fact is needed again (asked for more).
import type { ProgrammeProfile, Rule } from '../profile/profileSchema.js';
import { isCalendarDay } from '../calendarDay.js';
import { addYearsWithPrecision } from './addYearsWithPrecision.js';
import { ageRangeOn, asBirthDateFact, birthDayRange } from '../parse/birthDateFact.js';
import { birthdayOfAge } from '../parse/birthdayOfAge.js';
import { formatChineseDate, type DatePrecision } from '../parse/formatChineseDate.js';

export { renderOutcome } from './renderOutcome.js';

/** A text to add to the answer: a partial exclusion ("no cervical screen for you, breast yes"). */
export type OutcomeNote = { textKey: string; vars: Record<string, string> };

export type EligibilityOutcome =
  /** Ask this fact next (its question is programme.questions[fact]). */
  | { status: 'needs'; fact: string }
  | {
      status: 'eligible';
      /** vars for the `eligible` text: programme, screenings, preparation */
      vars: Record<string, string>;
      /** ids of the screenings she can have (partial exclusions removed) */
      screenings: string[];
      /** partial exclusions to mention after the eligible text */
      notes: OutcomeNote[];
    }
  | {
      status: 'ineligible';
      /** age_below | age_above | residence | group | pregnant | notPregnant | interval | exclusion:<fact> */
      reason: string;
      /** key in programme.texts */
      textKey: string;
      vars: Record<string, string>;
      /** the first day she qualifies again, when that is known (YYYY-MM-DD) */
      nextEligibleOn?: string;
      /** earlier partial exclusions (shown before the main text) */
      notes: OutcomeNote[];
    };

/** `lastScreening` fact: when she was last screened, to what precision; null = never. */
type LastScreening = { date: string; precision: DatePrecision } | null;

const PRECISIONS: readonly string[] = ['day', 'month', 'year'];

export function evaluateEligibility(programme: ProgrammeProfile, facts: Record<string, unknown>, today: string): EligibilityOutcome {
  if (!isCalendarDay(today)) throw new Error(`evaluateEligibility: today must be YYYY-MM-DD, got ${today}`);
  const common = { programme: programme.name };
  const notes: OutcomeNote[] = [];
  // (a further test booked on a result's referral is not part of what she may join)
  let remaining = programme.screenings.filter((s) => !s.referral).map((s) => s.id);

  const needs = (fact: string): EligibilityOutcome => ({ status: 'needs', fact });
  const no = (reason: string, textKey: string, vars: Record<string, string> = {}, nextEligibleOn?: string): EligibilityOutcome => ({
    status: 'ineligible',
    reason,
    textKey,
    vars: { ...common, ...vars },
    ...(nextEligibleOn ? { nextEligibleOn } : {}),
    notes,
  });

  for (const rule of programme.rules) {
    const value = facts[rule.fact];
    switch (rule.type) {
      case 'age': {
        // a birth date after today is not an answer: ask again
        const birth = asBirthDateFact(value);
        const born = birth && birthDayRange(birth);
        if (!birth || !born || born.earliest > today) return needs(rule.fact);
        const age = ageRangeOn(birth, today);
        const exact = born.earliest === born.latest;
        const vars = { min: String(rule.min), max: String(rule.max), age: String(age.min) };
        if (age.max < rule.min) {
          // too young whichever day it was: from the day she surely is old enough
          const on = birthdayOfAge(born.latest, rule.min);
          return exact ? no('age_below', 'age_below', { ...vars, date: formatChineseDate(on) }, on) : no('age_below', 'age_below_about', vars, on);
        }
        if (age.min > rule.max) return no('age_above', exact ? 'age_above' : 'age_above_about', vars);
        // a year, a month or an age that leaves her on either side of a limit: ask for more
        if (age.min < rule.min || age.max > rule.max) return needs(rule.fact);
        break;
      }
      case 'residence':
      case 'group': {
        if (typeof value !== 'string' || value === '') return needs(rule.fact);
        if (!(rule.accept as readonly string[]).includes(value)) return no(rule.type, rule.type);
        break;
      }
      case 'notPregnant': {
        if (typeof value !== 'boolean') return needs(rule.fact);
        if (value) return no('pregnant', 'pregnant');
        break;
      }
      case 'pregnant': {
        if (typeof value !== 'boolean') return needs(rule.fact);
        if (!value) return no('notPregnant', 'notPregnant');
        break;
      }
      case 'exclusion': {
        const hit = (rule.removes ?? programme.screenings.map((s) => s.id)).filter((id) => remaining.includes(id));
        if (hit.length === 0) break; // nothing of hers left for it to exclude: not asked
        if (typeof value !== 'boolean') return needs(rule.fact);
        if (value !== rule.when) break;
        const note: OutcomeNote = { textKey: rule.text, vars: { ...common, excluded: screeningNames(programme, hit) } };
        remaining = remaining.filter((id) => !hit.includes(id));
        if (remaining.length > 0) {
          notes.push(note);
          break;
        }
        if (notes.length === 0) return no(`exclusion:${rule.fact}`, rule.text, note.vars);
        notes.push(note);
        return no(`exclusion:${rule.fact}`, 'excluded_all');
      }
      case 'interval': {
        if (value === null) break; // never screened
        const last = asLastScreening(value);
        if (!last || last.date > today) return needs(rule.fact);
        const next = addYearsWithPrecision(last.date, last.precision, rule.years);
        if (next > today) {
          return no(
            'interval',
            'interval',
            { last: formatChineseDate(last.date, last.precision), years: String(rule.years), date: formatChineseDate(next) },
            next,
          );
        }
        break;
      }
      default:
        assertNever(rule);
    }
  }

  const kept = programme.screenings.filter((s) => remaining.includes(s.id));
  return {
    status: 'eligible',
    vars: {
      ...common,
      screenings: screeningNames(programme, remaining),
      preparation: kept.flatMap((s) => (s.preparation ? [s.preparation] : [])).join(''),
    },
    screenings: remaining,
    notes,
  };
}

function asLastScreening(value: unknown): Exclude<LastScreening, null> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { date, precision } = value as Record<string, unknown>;
  if (!isCalendarDay(date) || typeof precision !== 'string' || !PRECISIONS.includes(precision)) return undefined;
  return { date, precision: precision as DatePrecision };
}

/** Names of the given screenings in profile order, joined the Chinese way: A、B和C. */
function screeningNames(programme: ProgrammeProfile, ids: string[]): string {
  const names = programme.screenings.filter((s) => ids.includes(s.id)).map((s) => s.name);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}

function assertNever(rule: never): never {
  throw new Error(`unknown rule type: ${(rule as Rule).type}`);
}
