// Her age on the due date (full years), which some prenatal screenings depend on (free 唐筛 under
// 35, prenatal diagnosis from 35), from a birth date she may have given only as a year, a month or
// an age (birthDateFact.ts). Pure.
import { ageRangeOn, type BirthDateFact } from '../parse/birthDateFact.js';
import { screeningApplies, type AlertScreening } from '../reminders/prenatalAlerts.js';

/**
 * The age kept with her pregnancy: her age on the due date, or, when her birth date leaves two ages
 * that no screening tells apart (born in 1990: 35 or 36), the younger (asked for more otherwise:
 * see ageDecidesScreenings).
 */
export function keptAgeOnDueDate(birth: BirthDateFact, dueDate: string): number {
  return ageRangeOn(birth, dueDate).min;
}

/** Whether the ages she can be on the due date lead to different screenings (then her birth date is asked for more). */
export function ageDecidesScreenings(screenings: readonly AlertScreening[], ages: { min: number; max: number }, twins: boolean): boolean {
  const applies = (age: number) => screenings.map((s) => screeningApplies(s, { ageOnDueDate: age, twins, referred: false, missed: new Set() }));
  const first = applies(ages.min).join();
  for (let age = ages.min + 1; age <= ages.max; age++) if (applies(age).join() !== first) return true;
  return false;
}
