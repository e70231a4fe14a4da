import { describe, expect, it } from 'vitest';
import { parseChoice, type ChoiceOptionInput } from '../../../src/domain/parse/parseChoice.js';
import type { ParseErrorCode } from '../../../src/domain/parse/parseResult.js';

const screens: ChoiceOptionInput[] = [
  { value: 'cervical', label: '宫颈癌筛查', words: ['宫颈', '子宫'] },
  { value: 'breast', label: '乳腺癌筛查', words: ['乳腺', '乳房'] },
  { value: 'both', label: '两个都做', words: ['都做', '都要'] },
];
const need: ChoiceOptionInput[] = [
  { value: 'yes', label: '需要', words: [] },
  { value: 'no', label: '不需要', words: [] },
];
const times: ChoiceOptionInput[] = [
  { value: 'am', label: '上午', words: ['早上'] },
  { value: 'pm', label: '下午', words: [] },
];
const ok = (value: string) => ({ ok: true, value });
const err = (error: ParseErrorCode) => ({ ok: false, error });

const cases: [input: string, options: ChoiceOptionInput[], expected: ReturnType<typeof ok> | ReturnType<typeof err>][] = [
  // by number
  ['1', screens, ok('cervical')],
  ['2', screens, ok('breast')],
  ['３', screens, ok('both')],
  ['一', screens, ok('cervical')],
  ['二', screens, ok('breast')],
  ['两', screens, ok('breast')],
  ['第一个', screens, ok('cervical')],
  ['第2个', screens, ok('breast')],
  ['1号', screens, ok('cervical')],
  ['选2', screens, ok('breast')],
  ['我选3吧', screens, ok('both')],
  ['2.', screens, ok('breast')],
  ['②', screens, ok('breast')],
  [' 1 ', screens, ok('cervical')],
  ['4', screens, err('out_of_range')],
  ['0', screens, err('out_of_range')],
  ['第十个', screens, err('out_of_range')],
  // by label or word
  ['宫颈癌筛查', screens, ok('cervical')],
  ['宫颈', screens, ok('cervical')],
  ['我想查宫颈', screens, ok('cervical')],
  ['查乳腺的', screens, ok('breast')],
  ['乳房检查', screens, ok('breast')],
  ['两个都做吧', screens, ok('both')],
  ['都要', screens, ok('both')],
  ['宫颈癌', screens, ok('cervical')],
  ['乳腺癌', screens, ok('breast')],
  ['宫颈和乳腺', screens, err('ambiguous')],
  ['筛查', screens, err('ambiguous')],
  ['不要乳腺，要宫颈', screens, ok('cervical')],
  ['需要', need, ok('yes')],
  ['不需要', need, ok('no')],
  ['我不需要', need, ok('no')],
  ['我需要的', need, ok('yes')],
  ['早上', times, ok('am')],
  ['早上8点可以', times, ok('am')],
  ['下午吧', times, ok('pm')],
  [
    'ＳＨＡＮＧ',
    [
      { value: 'a', label: 'shang', words: [] },
      { value: 'b', label: 'xia', words: [] },
    ],
    ok('a'),
  ],
  // nothing
  ['', screens, err('empty')],
  ['   ', screens, err('empty')],
  ['？', screens, err('unrecognised')],
  ['不知道', screens, err('unrecognised')],
  ['胃镜', screens, err('unrecognised')],
];

describe('parseChoice', () => {
  it.each(cases)('%j → %j', (input, options, expected) => {
    expect(parseChoice(input, options)).toEqual(expected);
  });
});
