import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../../src/domain/parse/parseBirthDate.js';
import type { ParseErrorCode } from '../../../src/domain/parse/parseResult.js';
import { withCheckChar, withWrongCheckChar } from './idTestHelpers.js';

const T = '2026-03-10';
const typed = (birthDate: string) => ({ birthDate, fromIdNumber: false });
const fromId = (birthDate: string) => ({ birthDate, fromIdNumber: true });
const E = (error: ParseErrorCode) => ({ error });

const cases: [input: string, expected: { birthDate: string; fromIdNumber: boolean } | { error: ParseErrorCode }][] = [
  // Gregorian dates
  ['1980年5月6日', typed('1980-05-06')],
  ['1980年5月6号', typed('1980-05-06')],
  ['1980-05-06', typed('1980-05-06')],
  ['1980.5.6', typed('1980-05-06')],
  ['19800506', typed('1980-05-06')],
  ['我是1980年5月6号出生的', typed('1980-05-06')],
  ['一九八〇年五月六号', typed('1980-05-06')],
  ['一九八零年五月六日', typed('1980-05-06')],
  // two-digit years: 30–99 → 19xx, 00–26 → 20xx
  ['80年5月6号', typed('1980-05-06')],
  ['八〇年五月六号', typed('1980-05-06')],
  ['80.5.6', typed('1980-05-06')],
  ['30年1月1号', typed('1930-01-01')],
  ['99年12月31号', typed('1999-12-31')],
  ['05年3月1号', typed('2005-03-01')],
  ['00年1月1号', typed('2000-01-01')],
  ['26年1月1号', typed('2026-01-01')],
  ['27年1月1号', E('in_future')],
  ['29年1月1号', E('in_future')],
  // lunar
  ['农历1980年四月初二', typed('1980-05-15')],
  ['阴历80年四月初二', typed('1980-05-15')],
  ['1980年农历四月初二', typed('1980-05-15')],
  // without its day a birth date could fall on the wrong side of an age limit: ask for it
  ['1980年5月', E('incomplete')],
  ['1980年', E('incomplete')],
  ['1980', E('incomplete')],
  ['80年', E('incomplete')],

  ['5月6号', E('ambiguous')],
  ['农历四月初二', E('ambiguous')],
  // limits
  ['1930年1月1日', typed('1930-01-01')],
  ['1929年12月31日', E('too_old')],
  ['1850年1月1日', E('too_old')],
  ['2026年3月10日', typed('2026-03-10')],
  ['2026年3月11日', E('in_future')],
  ['2027年1月1日', E('in_future')],
  ['今天', typed('2026-03-10')],
  ['昨天', typed('2026-03-09')],
  ['去年3月5号', typed('2025-03-05')],
  ['1980年2月30日', E('out_of_range')],
  // ID numbers
  ['11010519491231002X', fromId('1949-12-31')],
  ['110105 19491231 002x', fromId('1949-12-31')],
  [withCheckChar('41010219800506124'), fromId('1980-05-06')],
  [withWrongCheckChar('41010219800506124'), E('checksum')],
  ['11010519491231002', E('bad_length')],
  ['13812345678', E('bad_length')],
  [withCheckChar('41010220300101124'), E('bad_birth_date')],
  [withCheckChar('41010219250101124'), E('too_old')],
  // nothing
  ['', E('empty')],
  ['hello', E('unrecognised')],
  ['不知道', E('unrecognised')],
];

describe('parseBirthDate (today 2026-03-10)', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    const result = parseBirthDate(input, T);
    if ('error' in expected) expect(result).toEqual({ ok: false, error: expected.error });
    else expect(result).toEqual({ ok: true, value: expected });
  });
});
