// A mainland mobile number: 11 digits starting 1[3-9]. Spaces, dashes, dots, brackets, a +86 /
// 0086 / 86 prefix, full-width and Chinese digits (幺三八…) are tolerated; text around it is
// ignored. Returns the 11 digits. A digit string of another length → 'bad_length'; 11 digits that
// are not a mobile number (a landline 0371…) → 'unrecognised'; two different numbers → 'ambiguous'.
import { CHINESE_DIGITS } from './chineseNumber.js';
import { normalizeText } from './normalizeText.js';
import { fail, ok, type ParseResult } from './parseResult.js';

const MOBILE = /^1[3-9]\d{9}$/u;

export function parseMobile(text: string): ParseResult<string> {
  const normalized = normalizeText(text);
  if (normalized === '') return fail('empty');
  const digits = [...normalized].map((c) => (c in CHINESE_DIGITS ? String(CHINESE_DIGITS[c]) : c)).join('');

  // digit runs, allowing separators inside: "138 1234-5678", "(+86) 138…"
  const withoutPrefix = (r: string): string => {
    if (r.length === 15 && r.startsWith('0086')) return r.slice(4);
    if (r.length === 13 && r.startsWith('86')) return r.slice(2);
    return r;
  };
  const numbers = (digits.match(/\+?\d(?:[\s\-.()]*\d)*/gu) ?? []).flatMap((run) => {
    const joined = withoutPrefix(run.replace(/\D/gu, ''));
    if (MOBILE.test(joined)) return [joined];
    // two numbers separated by a space: "13812345678 13912345678"
    const pieces = run.split(/\s+/u).map((p) => withoutPrefix(p.replace(/\D/gu, '')));
    return pieces.some((p) => MOBILE.test(p)) ? pieces : [joined];
  });
  if (!numbers.some((n) => n.length >= 5)) return fail('unrecognised');

  const mobiles = [...new Set(numbers.filter((n) => MOBILE.test(n)))];
  if (mobiles.length === 1) return ok(mobiles[0]);
  if (mobiles.length > 1) return fail('ambiguous');
  return numbers.some((n) => n.length === 11) ? fail('unrecognised') : fail('bad_length');
}
