// Which prenatal alerts fall on a day (pure). An alert is fixed to a gestational age: the day a
// screening window opens or closes, moved by its `days`. So the pregnancies with an alert on a day
// are exactly those with one of a few due dates, which is how the planner finds them without
// reading every pregnancy (domain.md §2: GA = 280 − (EDD − day)).
import { addDays } from '../calendarDay.js';
import { gestationalAgeDays, weeksDaysToDays } from '../pregnancy/gestation.js';

export interface AlertRule {
  id: string;
  anchor: 'opens' | 'closes';
  days: number;
  text: string;
  /** The text said when it goes out after its day (absent: `text`, with that day's numbers). */
  late?: string;
}

/** A prenatal screening as the planner sees it: its window in days of gestation and its alerts. */
export interface AlertScreening {
  id: string;
  name: string;
  opensDay: number;
  closesDay: number;
  alerts: AlertRule[];
  maxAgeOnDueDate?: number;
  singleOnly: boolean;
  onlyIf?: { referred?: boolean; minAgeOnDueDate?: number; minAgeOnDueDateTwins?: number; missed?: string };
}

/** One alert due: which screening, which alert, and the day of gestation it belongs to. */
export interface DueAlert {
  screening: AlertScreening;
  alert: AlertRule;
}

/** What the conditions of a screening need to know about the pregnancy. */
export interface PregnancyFacts {
  ageOnDueDate: number | null;
  twins: boolean;
  referred: boolean;
  /** Screenings of this pregnancy marked missed. */
  missed: ReadonlySet<string>;
}

export function toAlertScreening(
  s: {
    id: string;
    name: string;
    window?: { opens: string; closes: string };
    alerts?: AlertRule[];
    maxAgeOnDueDate?: number;
    singleOnly?: boolean;
    onlyIf?: AlertScreening['onlyIf'];
  },
  defaultAlerts: AlertRule[],
): AlertScreening | undefined {
  if (!s.window) return undefined;
  return {
    id: s.id,
    name: s.name,
    opensDay: weeksDaysToDays(s.window.opens),
    closesDay: weeksDaysToDays(s.window.closes),
    alerts: s.alerts ?? defaultAlerts,
    maxAgeOnDueDate: s.maxAgeOnDueDate,
    singleOnly: s.singleOnly ?? false,
    onlyIf: s.onlyIf,
  };
}

/** The day of gestation (in days) on which an alert fires. */
export function alertGestationDay(s: AlertScreening, a: AlertRule): number {
  return (a.anchor === 'opens' ? s.opensDay : s.closesDay) + a.days;
}

/** Every due date with an alert on `day`, and the alerts each has. */
export function dueDatesWithAlertsOn(screenings: readonly AlertScreening[], day: string): Map<string, DueAlert[]> {
  const out = new Map<string, DueAlert[]>();
  for (const screening of screenings) {
    for (const alert of screening.alerts) {
      const dueDate = addDays(day, 280 - alertGestationDay(screening, alert));
      const list = out.get(dueDate) ?? [];
      list.push({ screening, alert });
      out.set(dueDate, list);
    }
  }
  return out;
}

/** The alerts of a pregnancy due on `dueDate` that fall on `day`. */
export function alertsOn(screenings: readonly AlertScreening[], dueDate: string, day: string): DueAlert[] {
  const ga = gestationalAgeDays(dueDate, day);
  const out: DueAlert[] = [];
  for (const screening of screenings) {
    for (const alert of screening.alerts) if (alertGestationDay(screening, alert) === ga) out.push({ screening, alert });
  }
  return out;
}

/** Whether the programme offers this screening to this pregnancy (age on the due date, twins, referral, a missed one). */
export function screeningApplies(s: Pick<AlertScreening, 'maxAgeOnDueDate' | 'singleOnly' | 'onlyIf'>, p: PregnancyFacts): boolean {
  if (s.maxAgeOnDueDate !== undefined && p.ageOnDueDate !== null && p.ageOnDueDate > s.maxAgeOnDueDate) return false;
  if (s.singleOnly && p.twins) return false;
  const c = s.onlyIf;
  if (!c) return true;
  if (c.referred && p.referred) return true;
  if (c.minAgeOnDueDate !== undefined && p.ageOnDueDate !== null && p.ageOnDueDate >= c.minAgeOnDueDate) return true;
  if (c.minAgeOnDueDateTwins !== undefined && p.twins && p.ageOnDueDate !== null && p.ageOnDueDate >= c.minAgeOnDueDateTwins) return true;
  if (c.missed !== undefined && p.missed.has(c.missed)) return true;
  return false;
}

/** The calendar days of a screening's window for a pregnancy due on `dueDate`. */
export function windowOf(s: AlertScreening, dueDate: string): { from: string; to: string } {
  const lmp = addDays(dueDate, -280);
  return { from: addDays(lmp, s.opensDay), to: addDays(lmp, s.closesDay) };
}

/**
 * A screening to ask a late registrant about: its window closed before `today`, and another that the
 * programme offers only when it was missed (Henan's fallback scan after NT) is still ahead or open.
 */
export function closedPrerequisite(screenings: readonly AlertScreening[], dueDate: string, today: string): AlertScreening | undefined {
  for (const dependent of screenings) {
    const pre = dependent.onlyIf?.missed ? screenings.find((s) => s.id === dependent.onlyIf!.missed) : undefined;
    if (pre && windowOf(pre, dueDate).to < today && windowOf(dependent, dueDate).to >= today) return pre;
  }
  return undefined;
}

/** The due dates whose window of `s` closed the day before `day` (for marking missed screenings). */
export function dueDateWithWindowClosedBefore(s: AlertScreening, day: string): string {
  return addDays(addDays(day, -1), 280 - s.closesDay);
}

/** A stable key for a set of alerts: the same alerts on the same day make the same message. */
export function alertSetKey(alerts: readonly DueAlert[]): string {
  return alerts
    .map((a) => `${a.screening.id}.${a.alert.id}`)
    .sort()
    .join('+');
}
