// Where a pregnancy stands today, for staff: its gestational age and the next screening window the
// programme offers it (the first not yet done or missed whose window has not closed). Pure.
import { screeningApplies, windowOf, type AlertScreening, type PregnancyFacts } from '../reminders/prenatalAlerts.js';
import { gestationalAgeDays } from './gestation.js';

export interface NextWindow {
  screeningId: string;
  name: string;
  from: string;
  to: string;
  /** Open today (else it opens on `from`). */
  open: boolean;
}

export interface PregnancyToday {
  /** Days of gestation today (null once it has ended). */
  gestationDays: number | null;
  next: NextWindow | null;
}

export function pregnancyToday(
  screenings: readonly AlertScreening[],
  p: PregnancyFacts & { dueDate: string; status: string; done: ReadonlySet<string> },
  today: string,
): PregnancyToday {
  if (p.status !== 'active') return { gestationDays: null, next: null };
  const ahead = [...screenings]
    .sort((a, b) => a.opensDay - b.opensDay || a.closesDay - b.closesDay)
    .filter((s) => !p.done.has(s.id) && !p.missed.has(s.id) && screeningApplies(s, p))
    .map((s) => ({ s, w: windowOf(s, p.dueDate) }))
    .find(({ w }) => w.to >= today);
  return {
    gestationDays: gestationalAgeDays(p.dueDate, today),
    next: ahead ? { screeningId: ahead.s.id, name: ahead.s.name, from: ahead.w.from, to: ahead.w.to, open: ahead.w.from <= today } : null,
  };
}
