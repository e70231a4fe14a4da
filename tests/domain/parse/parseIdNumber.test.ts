import { describe, expect, it } from 'vitest';
import { parseIdNumber, type IdNumberInfo } from '../../../src/domain/parse/parseIdNumber.js';
import type { ParseErrorCode } from '../../../src/domain/parse/parseResult.js';
import { withCheckChar, withWrongCheckChar } from './idTestHelpers.js';

const T = '2026-03-10';
// 11010519491231002X is the example of GB 11643 (check character X)
const SAMPLE = '11010519491231002X';
const MALE = withCheckChar('44030419800506123'); // 3: odd → male
const FEMALE = withCheckChar('41010219800506124'); // 4: even → female
const LEAP_DAY = withCheckChar('41010220000229124');

const info = (id: string, birthDate: string, sex: 'female' | 'male'): IdNumberInfo => ({
  id,
  birthDate,
  sex,
  regionCode: id.slice(0, 6),
});
const E = (error: ParseErrorCode) => ({ error });

const cases: [input: string, today: string | undefined, expected: IdNumberInfo | { error: ParseErrorCode }][] = [
  [SAMPLE, T, info(SAMPLE, '1949-12-31', 'female')],
  ['11010519491231002x', T, info(SAMPLE, '1949-12-31', 'female')],
  ['110105 19491231 002X', T, info(SAMPLE, '1949-12-31', 'female')],
  ['110105-19491231-002X', T, info(SAMPLE, '1949-12-31', 'female')],
  ['１１０１０５１９４９１２３１００２Ｘ', T, info(SAMPLE, '1949-12-31', 'female')],
  [`我的身份证号是${SAMPLE}。`, T, info(SAMPLE, '1949-12-31', 'female')],
  [`${SAMPLE} 电话13812345678`, T, info(SAMPLE, '1949-12-31', 'female')],
  [MALE, T, info(MALE, '1980-05-06', 'male')],
  [FEMALE, T, info(FEMALE, '1980-05-06', 'female')],
  [LEAP_DAY, T, info(LEAP_DAY, '2000-02-29', 'female')],
  [withCheckChar('41010220300101124'), undefined, info(withCheckChar('41010220300101124'), '2030-01-01', 'female')],
  // check character
  ['110105194912310021', T, E('checksum')],
  [withWrongCheckChar('41010219800506124'), T, E('checksum')],
  ['41010219800506124X', T, withCheckChar('41010219800506124').endsWith('X') ? info(FEMALE, '1980-05-06', 'female') : E('checksum')],
  // length
  ['11010519491231002', T, E('bad_length')],
  ['1101051949123100211', T, E('bad_length')],
  ['13812345678', T, E('bad_length')],
  ['410102800506123', T, E('bad_length')], // a 15-digit first-generation number
  ['123456', T, E('bad_length')],
  // birth date
  [withCheckChar('41010220230230124'), T, E('bad_birth_date')],
  [withCheckChar('41010220230229124'), T, E('bad_birth_date')],
  [withCheckChar('41010218990101124'), T, E('bad_birth_date')],
  [withCheckChar('41010220300101124'), T, E('bad_birth_date')],
  [withCheckChar('41010220260311124'), T, E('bad_birth_date')],
  [withCheckChar('41010220260310124'), T, info(withCheckChar('41010220260310124'), '2026-03-10', 'female')],
  // other
  [`${SAMPLE} ${FEMALE}`, T, E('ambiguous')],
  ['', T, E('empty')],
  ['不知道', T, E('unrecognised')],
  ['12345', T, E('unrecognised')],
];

describe('parseIdNumber', () => {
  it('the test helper reproduces the GB 11643 example', () => {
    expect(withCheckChar('11010519491231002')).toBe(SAMPLE);
  });

  it.each(cases)('%j (today %s)', (input, today, expected) => {
    const result = parseIdNumber(input, today);
    if ('error' in expected) expect(result).toEqual({ ok: false, error: expected.error });
    else expect(result).toEqual({ ok: true, value: expected });
  });
});
