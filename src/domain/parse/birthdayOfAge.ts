// The day someone born on birthDate turns `age`: addYears, as ageOn counts (a 29 Feb birthday
// falls on 1 Mar in common years). '' for a malformed date or a non-integer age.
import { addYears, isCalendarDay } from '../calendarDay.js';

export function birthdayOfAge(birthDate: string, age: number): string {
  if (!isCalendarDay(birthDate) || !Number.isInteger(age)) return '';
  return addYears(birthDate, age);
}
