import { describe, expect, it } from 'vitest';
import { parseMobile } from '../../../src/domain/parse/parseMobile.js';
import type { ParseErrorCode } from '../../../src/domain/parse/parseResult.js';

const E = (error: ParseErrorCode) => ({ error });

const cases: [input: string, expected: string | { error: ParseErrorCode }][] = [
  ['13812345678', '13812345678'],
  ['19912345678', '19912345678'],
  ['15012345678', '15012345678'],
  ['138 1234 5678', '13812345678'],
  ['138-1234-5678', '13812345678'],
  ['138.1234.5678', '13812345678'],
  ['+8613812345678', '13812345678'],
  ['+86 138 1234 5678', '13812345678'],
  ['(+86)13812345678', '13812345678'],
  ['8613812345678', '13812345678'],
  ['008613812345678', '13812345678'],
  ['１３８１２３４５６７８', '13812345678'],
  ['幺三八一二三四五六七八', '13812345678'],
  ['我的电话是13812345678，打这个', '13812345678'],
  ['手机:13812345678', '13812345678'],
  ['13812345678 13812345678', '13812345678'],
  // wrong length
  ['1381234567', E('bad_length')],
  ['138123456789', E('bad_length')],
  ['138 1234 567', E('bad_length')],
  ['12345', E('bad_length')],
  // not a mobile number
  ['12812345678', E('unrecognised')],
  ['03711234567', E('unrecognised')],
  ['1234', E('unrecognised')],
  ['没有手机', E('unrecognised')],
  ['', E('empty')],
  ['13812345678或者13912345678', E('ambiguous')],
];

describe('parseMobile', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    const result = parseMobile(input);
    if (typeof expected === 'string') expect(result).toEqual({ ok: true, value: expected });
    else expect(result).toEqual({ ok: false, error: expected.error });
  });
});
