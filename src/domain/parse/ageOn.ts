// Age in full years (周岁) on a given day, by calendarDay's addYears: someone born on 29 Feb turns
// a year older on 1 Mar in a common year (on 28 Feb she is still the younger age). NaN for a
// malformed day.
import { addYears, dayParts } from '../calendarDay.js';

export function ageOn(birthDate: string, day: string): number {
  const birth = dayParts(birthDate);
  const on = dayParts(day);
  if (!birth || !on) return Number.NaN;
  const years = on.y - birth.y;
  return addYears(birthDate, years) <= day ? years : years - 1;
}
