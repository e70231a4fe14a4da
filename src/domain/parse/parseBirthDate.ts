// A birth date: an 18-digit ID number (checked; its errors are returned as they are) or a
// Gregorian or lunar date in the past, 1930 or later. Two-digit years: 30–99 → 19xx, otherwise
// 20xx (so a year after this one is 'in_future'). "1980年5月" is read as May 1st; a year alone or
// a date without a year ("5月6号") is 'ambiguous'. 今天 / 昨天 are accepted (a newborn).
import { normalizeText } from './normalizeText.js';
import { parseIdNumber } from './parseIdNumber.js';
import { fail, ok, type ParseResult } from './parseResult.js';
import { readDate } from './readDate.js';

export interface BirthDateValue {
  birthDate: string;
  fromIdNumber: boolean;
}

const OLDEST = '1930-01-01';

const widenYear = (yy: number): number => (yy >= 30 ? 1900 + yy : 2000 + yy);

export function parseBirthDate(text: string, today: string): ParseResult<BirthDateValue> {
  const normalized = normalizeText(text);
  if (normalized === '') return fail('empty');

  // a long digit string is an ID number (or a mistyped one)
  const compact = normalized.replace(/(?<=[\dx])[\s-]+(?=[\dx])/gu, '');
  if (/\d{10,}/u.test(compact)) {
    const id = parseIdNumber(text, today);
    if (!id.ok) return fail(id.error);
    if (id.value.birthDate < OLDEST) return fail('too_old');
    return ok({ birthDate: id.value.birthDate, fromIdNumber: true });
  }

  const read = readDate(text, { today, calendar: 'gregorian', direction: 'past', widenYear, requireYear: true });
  if (!read.ok) {
    // a year far in the past is "too old", not "out of range"
    const year = /(?<!\d)(1[0-9]{3})(?!\d)/u.exec(compact);
    if (read.error === 'out_of_range' && year && Number(year[1]) < 1930) return fail('too_old');
    return fail(read.error);
  }
  // a birth date without its day could put her on the wrong side of an age limit: ask for the day
  if (read.value.precision !== 'day') return fail('incomplete');
  if (read.value.date < OLDEST) return fail('too_old');
  return ok({ birthDate: read.value.date, fromIdNumber: false });
}
