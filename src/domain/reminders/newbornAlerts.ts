// Which newborn-screening alerts fall on a day (pure). Alerts are days after the birth (the birth
// day is day 0), so the babies with an alert on a day are those born on one of a few days.
import { addDays, daysBetween } from '../calendarDay.js';

export interface NewbornScreen {
  id: string;
  name: string;
  window: { fromDay: number; toDay: number };
  skipWhen: 'heelBloodDone' | 'hearingPassed';
  /** `late`: the text said when it goes out after its day (absent: `text`). */
  alerts: { id: string; day: number; text: string; late?: string }[];
}

export interface NewbornDueAlert {
  screen: NewbornScreen;
  alert: NewbornScreen['alerts'][number];
}

/** What the mother told us about the newborn screens already done. */
export interface NewbornFacts {
  heelBloodDone: boolean | null;
  /** first hearing screen: passed | failed | notDone (null: not asked) */
  hearingFirst: string | null;
}

export function birthDatesWithAlertsOn(screens: readonly NewbornScreen[], day: string): Map<string, NewbornDueAlert[]> {
  const out = new Map<string, NewbornDueAlert[]>();
  for (const screen of screens) {
    for (const alert of screen.alerts) {
      const birthDate = addDays(day, -alert.day);
      const list = out.get(birthDate) ?? [];
      list.push({ screen, alert });
      out.set(birthDate, list);
    }
  }
  return out;
}

export function newbornAlertsOn(screens: readonly NewbornScreen[], birthDate: string, day: string): NewbornDueAlert[] {
  const age = daysBetween(birthDate, day);
  const out: NewbornDueAlert[] = [];
  for (const screen of screens) for (const alert of screen.alerts) if (alert.day === age) out.push({ screen, alert });
  return out;
}

/** Whether the screen is still needed: heel blood not yet taken; hearing re-screen unless the first screen was passed. */
export function newbornScreenNeeded(s: NewbornScreen, f: NewbornFacts): boolean {
  if (s.skipWhen === 'heelBloodDone') return f.heelBloodDone !== true;
  return f.hearingFirst !== 'passed';
}
