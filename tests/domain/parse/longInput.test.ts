// Every parser is linear in its input: 100,000 characters of a woman's kind of words are read in
// bounded time (before, the date readers took 20–35 s on them: each expression found re-copied the
// whole text). The channel reads at most MAX_MESSAGE_CHARS of a message (src/channels/inboundRouter.ts);
// this bound is the parsers' own.
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../src/flows/parseInput.js';
import { inputSpecSchema, type InputSpec } from '../../../src/domain/parse/inputSpec.js';
import { readDayWords } from '../../../src/domain/booking/readDay.js';
import { carriedClauses } from '../../../src/domain/parse/carriedClauses.js';
import { normalizeText } from '../../../src/domain/parse/normalizeText.js';

const UNIT = '我想约两癌 明天上午 3月5号 末次月经腊月初八 户口在这 不是低保 ';
const LONG = UNIT.repeat(Math.ceil(100_000 / UNIT.length)).slice(0, 100_000);
const TODAY = '2026-03-02';
/** Far above the ~2 s the slowest takes on the 2-core machine, far below the 20–35 s of a quadratic reader. */
const BOUND_MS = 10_000;

const SPECS: [string, InputSpec][] = (
  [
    ['date', { type: 'date', direction: 'past' }],
    ['birthDate', { type: 'birthDate' }],
    ['gestation', { type: 'gestation' }],
    ['dating', { type: 'dating' }],
    ['yesno', { type: 'yesno' }],
    ['idNumber', { type: 'idNumber' }],
    ['mobile', { type: 'mobile' }],
    [
      'choice',
      {
        type: 'choice',
        options: [
          { value: 'a', label: '我的户口在本地', words: ['本地'] },
          { value: 'b', label: '都不是' },
        ],
        yes: ['a'],
        no: ['b'],
      },
    ],
  ] as const
).map(([name, spec]) => [name, inputSpecSchema.parse(spec)]);

const timed = (read: () => unknown): number => {
  const started = performance.now();
  read();
  return performance.now() - started;
};

describe('parsers on 100,000 characters', { timeout: 60_000 }, () => {
  it.each(SPECS)('%s reads them in bounded time', (_name, spec) => {
    expect(timed(() => parseInput(spec, LONG, TODAY))).toBeLessThan(BOUND_MS);
  });

  it('a date reader on 100,000 characters full of calendar words (农历) reads them in bounded time', () => {
    const lunar = '农历1月1日 '.repeat(12_500);
    expect(timed(() => parseInput(SPECS[0][1], lunar, TODAY))).toBeLessThan(BOUND_MS);
  });

  it.each([
    ['readDayWords', () => readDayWords(LONG, TODAY)],
    ['carriedClauses', () => carriedClauses(LONG, undefined, true)],
    ['normalizeText', () => normalizeText(LONG)],
  ])('%s reads them in bounded time', (_name, read) => {
    expect(timed(read)).toBeLessThan(BOUND_MS);
  });
});
