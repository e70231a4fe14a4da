// An 18-character resident identity number (GB 11643-1999): 6-digit region code, 8-digit birth
// date, 3-digit sequence (odd = male, even = female), and a check character (ISO 7064 MOD 11-2,
// 0–9 or X). Spaces and dashes inside are tolerated; the X may be lower case. Checks in order:
// length ('bad_length'), check character ('checksum'), birth date ('bad_birth_date': not a real day,
// before 1900, or after `today` when given).
import { dayParts } from '../calendarDay.js';
import { normalizeText } from './normalizeText.js';
import { fail, ok, type ParseResult } from './parseResult.js';

export interface IdNumberInfo {
  /** the 18 characters, X upper case */
  id: string;
  birthDate: string;
  sex: 'female' | 'male';
  regionCode: string;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11];
}

export function parseIdNumber(text: string, today?: string): ParseResult<IdNumberInfo> {
  const normalized = normalizeText(text);
  if (normalized === '') return fail('empty');
  // join digit groups written with spaces or dashes: "110105 19491231 002X"
  const compact = normalized.replace(/(?<=[\dx])[\s-]+(?=[\dx])/gu, '');
  const runs = compact.match(/\d+x?/gu) ?? [];
  const candidates = runs.filter((r) => r.length >= 10);
  if (candidates.length === 0) return runs.some((r) => r.length >= 6) ? fail('bad_length') : fail('unrecognised');
  const ids = [...new Set(candidates.filter((r) => /^\d{17}[\dx]$/u.test(r)))];
  if (ids.length === 0) return fail('bad_length');
  if (ids.length > 1) return fail('ambiguous');

  const id = ids[0].toUpperCase();
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return fail('checksum');

  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const birth = dayParts(birthDate);
  if (!birth || birth.y < 1900) return fail('bad_birth_date');
  if (today !== undefined && birthDate > today) return fail('bad_birth_date');

  return ok({
    id,
    birthDate,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  });
}
