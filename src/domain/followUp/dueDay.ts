// By when a follow-up case's next step is due (pure). The grade's `dueDays` count from the day she is
// told, or the day the result arrived while nobody has told her (never before the sample was taken);
// a limit of the profile comes first where it is earlier: a prenatal diagnosis before its window of
// her pregnancy closes, a baby's re-screen or diagnosis by an age. Never before the case was opened
// (a window already closed makes it due at once).
import { addDays, addMonths } from '../calendarDay.js';
import type { FollowUpSettings } from '../profile/followUpSchema.js';
import { windowDays } from '../pregnancy/gestation.js';

/** A limit resolved against the profile: the last gestational age (e.g. 22w6d), or a baby's age. */
export type DueLimit = { lastWeek: string } | { babyAge: { months?: number; days?: number } };

export interface DueFacts {
  /** The day she was told, or the day the result arrived. */
  from: string;
  /** The day the sample was taken. */
  testDate: string;
  dueDays: number;
  limit?: DueLimit;
  /** Her active pregnancy's due date, when she is a woman of the bot's and registered one. */
  pregnancyDueDate?: string | null;
  /** Her baby's birth day, when she reported it. */
  babyBirthDate?: string | null;
}

/** The latest day the limit allows, when the facts it needs are known. */
export function limitDay(limit: DueLimit, f: Pick<DueFacts, 'pregnancyDueDate' | 'babyBirthDate'>): string | undefined {
  if ('lastWeek' in limit) return f.pregnancyDueDate ? windowDays(f.pregnancyDueDate, { opens: '0w0d', closes: limit.lastWeek }).to : undefined;
  if (!f.babyBirthDate) return undefined;
  const months = limit.babyAge.months ? addMonths(f.babyBirthDate, limit.babyAge.months) : undefined;
  const days = limit.babyAge.days ? addDays(f.babyBirthDate, limit.babyAge.days) : undefined;
  return [months, days].filter((d): d is string => !!d).sort()[0];
}

/** The case's due day (YYYY-MM-DD). */
export function followUpDueDay(f: DueFacts): string {
  const from = f.from > f.testDate ? f.from : f.testDate;
  const byDays = addDays(from, f.dueDays);
  const limit = f.limit ? limitDay(f.limit, f) : undefined;
  const due = limit && limit < byDays ? limit : byDays;
  return due < from ? from : due;
}

/** The profile's limits by `category.grade`, with a window named by its prenatal screening resolved to its last week. */
export function dueLimits(s: FollowUpSettings, prenatalWindows: ReadonlyMap<string, { closes: string }>): Map<string, DueLimit> {
  const out = new Map<string, DueLimit>();
  for (const l of s.limits) {
    const limit: DueLimit | undefined =
      'beforeWindowCloses' in l
        ? prenatalWindows.get(l.beforeWindowCloses) && { lastWeek: prenatalWindows.get(l.beforeWindowCloses)!.closes }
        : { babyAge: l.babyAge };
    if (!limit) throw new Error(`followUp: no prenatal screening ${'beforeWindowCloses' in l ? l.beforeWindowCloses : ''} with a window`);
    for (const g of l.grades) out.set(g, limit);
  }
  return out;
}
