// The day someone born on birthDate turns `age` (consistent with ageOn: a Feb 29 birthday falls on
// Mar 1 in non-leap years). Returns '' for a malformed date or a non-integer age.
import { formatYmd, isLeapYear, readYmd } from './gregorianDay.js';

export function birthdayOfAge(birthDate: string, age: number): string {
  const birth = readYmd(birthDate);
  if (!birth || !Number.isInteger(age)) return '';
  const year = birth.y + age;
  if (birth.m === 2 && birth.d === 29 && !isLeapYear(year)) return formatYmd(year, 3, 1);
  return formatYmd(year, birth.m, birth.d);
}
