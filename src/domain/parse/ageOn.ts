// Age in full years on a given day. Someone born on Feb 29 turns a year older on Mar 1 in a
// non-leap year (on Feb 28 she is still the younger age). Returns NaN for malformed dates.
import { readYmd } from './gregorianDay.js';

export function ageOn(birthDate: string, day: string): number {
  const birth = readYmd(birthDate);
  const on = readYmd(day);
  if (!birth || !on) return Number.NaN;
  const hadBirthday = on.m > birth.m || (on.m === birth.m && on.d >= birth.d);
  return on.y - birth.y - (hadBirthday ? 0 : 1);
}
