// The days her timed reminders will come on (pure), for 下回啥时候提醒我 and 我的信息: the same
// alerts the planner sends (prenatalAlerts.ts, newbornAlerts.ts), read forwards from a day instead
// of backwards from one, so what she is told is what she will get.
import { addDays } from '../calendarDay.js';
import { alertGestationDay, type AlertScreening, type DueAlert } from './prenatalAlerts.js';
import type { NewbornDueAlert, NewbornScreen } from './newbornAlerts.js';

/** One day with reminders: the planner sends the alerts of a day as one message. */
export interface AlertDay<A> {
  day: string;
  alerts: A[];
}

function byDay<A>(rows: { day: string; alert: A }[], fromDay: string): AlertDay<A>[] {
  const out = new Map<string, A[]>();
  for (const r of rows.filter((x) => x.day >= fromDay).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) {
    out.set(r.day, [...(out.get(r.day) ?? []), r.alert]);
  }
  return [...out].map(([day, alerts]) => ({ day, alerts }));
}

/**
 * The prenatal alerts of a pregnancy due on `dueDate` from `fromDay` on, by day, soonest first.
 * `pending`: the screenings the planner still alerts her of (offered to her, not done, missed or
 * booked: see planPrenatal.ts), in the profile's order, which is the order within a day.
 */
export function upcomingPrenatalAlerts(
  screenings: readonly AlertScreening[],
  dueDate: string,
  pending: ReadonlySet<string>,
  fromDay: string,
): AlertDay<DueAlert>[] {
  const lmp = addDays(dueDate, -280);
  const rows = screenings
    .filter((s) => pending.has(s.id))
    .flatMap((screening) => screening.alerts.map((alert) => ({ day: addDays(lmp, alertGestationDay(screening, alert)), alert: { screening, alert } })));
  return byDay(rows, fromDay);
}

/** The newborn alerts of a baby born on `birthDate` from `fromDay` on, by day, for the screens still `needed`. */
export function upcomingNewbornAlerts(
  screens: readonly NewbornScreen[],
  birthDate: string,
  needed: ReadonlySet<string>,
  fromDay: string,
): AlertDay<NewbornDueAlert>[] {
  const rows = screens
    .filter((s) => needed.has(s.id))
    .flatMap((screen) => screen.alerts.map((alert) => ({ day: addDays(birthDate, alert.day), alert: { screen, alert } })));
  return byDay(rows, fromDay);
}
