// Weekly capacity rules (per hospital and service: weekday × session → seats) and their expansion
// over a range of calendar days.
import { eachDay, isoWeekday, type Weekday } from '../calendarDay.js';

export const SESSIONS = ['am', 'pm'] as const;
/** 上午 or 下午. */
export type Session = (typeof SESSIONS)[number];

export interface WeeklyRule {
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  session: Session;
  capacity: number;
}

/** One day × session the rules open, before closures. */
export interface PlannedSlot {
  day: string;
  weekday: Weekday;
  session: Session;
  capacity: number;
}

/** Problems with a rule list, each naming the index of the rule; empty when the list is usable. */
export function ruleProblems(rules: readonly WeeklyRule[]): { index: number; field: 'weekday' | 'session' | 'capacity'; message: string }[] {
  const problems: { index: number; field: 'weekday' | 'session' | 'capacity'; message: string }[] = [];
  const seen = new Set<string>();
  rules.forEach((r, index) => {
    if (!Number.isInteger(r.weekday) || r.weekday < 1 || r.weekday > 7) problems.push({ index, field: 'weekday', message: 'must be 1 (Monday) … 7 (Sunday)' });
    if (!SESSIONS.includes(r.session)) problems.push({ index, field: 'session', message: "must be 'am' or 'pm'" });
    if (!Number.isInteger(r.capacity) || r.capacity < 0) problems.push({ index, field: 'capacity', message: 'must be a whole number ≥ 0' });
    const key = `${r.weekday}:${r.session}`;
    if (seen.has(key)) problems.push({ index, field: 'session', message: `weekday ${r.weekday} ${r.session} is given twice` });
    seen.add(key);
  });
  return problems;
}

/** The seats the rules give one day × session (0 when no rule covers it). */
export function ruleCapacity(rules: readonly WeeklyRule[], day: string, session: Session): number {
  const weekday = isoWeekday(day);
  return rules.find((r) => r.weekday === weekday && r.session === session)?.capacity ?? 0;
}

/**
 * The day × sessions the weekly rules open between two days (both included), in day then session
 * order. Rules with no seats open nothing.
 */
export function expandRules(rules: readonly WeeklyRule[], fromDay: string, toDay: string): PlannedSlot[] {
  const out: PlannedSlot[] = [];
  for (const day of eachDay(fromDay, toDay)) {
    const weekday = isoWeekday(day);
    for (const session of SESSIONS) {
      const rule = rules.find((r) => r.weekday === weekday && r.session === session);
      if (rule && rule.capacity > 0) out.push({ day, weekday, session, capacity: rule.capacity });
    }
  }
  return out;
}

/** A county file's capacity entry: { service, weekdays, session, seats }. */
export interface CountyCapacityEntry {
  service: string;
  weekdays: readonly number[];
  session: Session;
  seats: number;
}

/**
 * The county file's starting capacity as weekly rules per service. When an entry repeats a
 * service × weekday × session, the later entry wins.
 */
export function rulesFromCounty(entries: readonly CountyCapacityEntry[]): Map<string, WeeklyRule[]> {
  const byService = new Map<string, Map<string, WeeklyRule>>();
  for (const e of entries) {
    const rules = byService.get(e.service) ?? new Map<string, WeeklyRule>();
    byService.set(e.service, rules);
    for (const weekday of e.weekdays) rules.set(`${weekday}:${e.session}`, { weekday, session: e.session, capacity: e.seats });
  }
  const out = new Map<string, WeeklyRule[]>();
  for (const [service, rules] of byService) {
    out.set(
      service,
      [...rules.values()].sort((a, b) => a.weekday - b.weekday || SESSIONS.indexOf(a.session) - SESSIONS.indexOf(b.session)),
    );
  }
  return out;
}
