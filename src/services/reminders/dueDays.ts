// Which days of a range can have anything due, read for the whole range at once: a clock jump of
// months asks this instead of planning every evening. Each planner's part maps a day to the values
// its rows are found by (due dates, birth dates, visit days) through the same domain rules the
// planner uses, and one read per chunk says which of those values exist. The answer is a superset:
// a day it names may still plan nothing (she unsubscribed, a screening is booked), but a day it
// leaves out has nothing to plan.
import type { Db, Tx } from '../../db/client.js';
import { addDays } from '../../domain/calendarDay.js';
import { birthDatesWithAlertsOn } from '../../domain/reminders/newbornAlerts.js';
import { dueDateWithWindowClosedBefore, dueDatesWithAlertsOn } from '../../domain/reminders/prenatalAlerts.js';
import { rescreenVisitDays } from './planRescreen.js';
import type { ReminderConfig } from './reminderTypes.js';
import type { ReminderKind } from './ReminderPlanner.js';

/** Values looked up per read (well under both databases' bind limits). */
const CHUNK = 500;

interface DuePart {
  /** The values whose rows would be planned on `day`. */
  valuesOn(cfg: ReminderConfig, day: string): string[];
  /** Which of `values` some row has. */
  present(q: Tx | Db, cfg: ReminderConfig, values: string[]): Promise<string[]>;
}

// (groupBy: the database returns each value once; findMany's `distinct` would read every row)
const activeDueDates = async (q: Tx | Db, values: string[]) =>
  (await q.pregnancy.groupBy({ by: ['dueDate'], where: { status: 'active', dueDate: { in: values } } })).map((r) => r.dueDate);

/** One part per planner of ReminderPlanner's PLANNERS, in the same order. */
export const DUE_PARTS: Record<ReminderKind, DuePart[]> = {
  prenatal: [
    // window alerts
    { valuesOn: (cfg, day) => [...dueDatesWithAlertsOn(cfg.prenatal, day).keys()], present: (q, _cfg, v) => activeDueDates(q, v) },
    // the birth question after the due date
    { valuesOn: (cfg, day) => cfg.askBirthOn.map((d) => addDays(day, -d)), present: (q, _cfg, v) => activeDueDates(q, v) },
  ],
  // the day before the visit
  appointment: [
    {
      valuesOn: (_cfg, day) => [addDays(day, 1)],
      present: async (q, _cfg, v) => (await q.booking.groupBy({ by: ['day'], where: { status: 'confirmed', day: { in: v } } })).map((r) => r.day),
    },
  ],
  newborn: [
    {
      valuesOn: (cfg, day) => [...birthDatesWithAlertsOn(cfg.newborn, day).keys()],
      present: async (q, _cfg, v) =>
        (await q.pregnancy.groupBy({ by: ['birthDate'], where: { status: 'born', guardianConsentAt: { not: null }, birthDate: { in: v } } })).map(
          (r) => r.birthDate ?? '',
        ),
    },
  ],
  rescreen: [
    // eligible again from the day she was told
    {
      valuesOn: (_cfg, day) => [day],
      present: async (q, _cfg, v) =>
        (await q.eligibilityCheck.groupBy({ by: ['nextEligibleOn'], where: { nextEligibleOn: { in: v } } })).map((r) => r.nextEligibleOn ?? ''),
    },
    // re-screening, the programme's interval after a visit
    {
      valuesOn: (cfg, day) => (cfg.rescreen.years && cfg.rescreen.serviceIds.length > 0 ? rescreenVisitDays(day, cfg.rescreen.years) : []),
      present: async (q, cfg, v) =>
        (await q.booking.groupBy({ by: ['day'], where: { status: 'attended', serviceId: { in: cfg.rescreen.serviceIds }, day: { in: v } } })).map((r) => r.day),
    },
  ],
};

/** The part of markMissed: pregnancies whose window closed the day before. */
const MISSED_PART: DuePart = {
  valuesOn: (cfg, day) => cfg.prenatal.map((s) => dueDateWithWindowClosedBefore(s, day)),
  present: (q, _cfg, v) => activeDueDates(q, v),
};

async function daysWith(q: Tx | Db, cfg: ReminderConfig, days: readonly string[], parts: readonly DuePart[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of parts) {
    const daysOf = new Map<string, string[]>();
    for (const day of days) {
      if (out.has(day)) continue;
      for (const value of part.valuesOn(cfg, day)) daysOf.set(value, [...(daysOf.get(value) ?? []), day]);
    }
    const values = [...daysOf.keys()];
    for (let i = 0; i < values.length; i += CHUNK) {
      for (const found of await part.present(q, cfg, values.slice(i, i + CHUNK))) for (const day of daysOf.get(found) ?? []) out.add(day);
    }
  }
  return out;
}

/** Of `days`, those planDay may queue something for. */
export function daysWithPlansDue(q: Tx | Db, cfg: ReminderConfig, days: readonly string[]): Promise<Set<string>> {
  return daysWith(q, cfg, days, Object.values(DUE_PARTS).flat());
}

/** Of `days`, those markMissed may mark something on. */
export function daysWithWindowsClosing(q: Tx | Db, cfg: ReminderConfig, days: readonly string[]): Promise<Set<string>> {
  return daysWith(q, cfg, days, [MISSED_PART]);
}
