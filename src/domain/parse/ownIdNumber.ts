// Her own resident ID number in the words she answered her birth date with (身份证号 4113…): kept to
// find her screening results by. Only a valid number of a woman (an even sequence digit) whose birth
// date is the one read: a husband's or a child's number is not hers, and a number she wrote beside
// another date is not read as hers.
import { parseIdNumber } from './parseIdNumber.js';

export function ownIdNumberIn(text: string, birthDate: unknown, today: string): string | undefined {
  const r = parseIdNumber(text, today);
  if (!r.ok || r.value.sex !== 'female' || r.value.birthDate !== birthDate) return undefined;
  return r.value.id;
}
