import { describe, expect, it } from 'vitest';
import { parseBirthDate } from '../../../src/domain/parse/parseBirthDate.js';
import { parseChoice } from '../../../src/domain/parse/parseChoice.js';
import { parseDate } from '../../../src/domain/parse/parseDate.js';
import { parseIdNumber } from '../../../src/domain/parse/parseIdNumber.js';
import { parseInteger } from '../../../src/domain/parse/parseInteger.js';
import { parseMobile } from '../../../src/domain/parse/parseMobile.js';
import { parseYesNo } from '../../../src/domain/parse/parseYesNo.js';

// Deterministic random replies built from the characters the parsers care about: no parser may
// throw, and every result is either a value or one of the error codes.
const ALPHABET = [...'0123456789０１２３４５６７８９xX -/.年月日号初廿闰正冬腊农历阳上下个这今去明前后天是不没有要对好吗？，。一二三四五六七八九十百零〇两'];
function* replies(count: number): Generator<string> {
  let seed = 20260310;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < count; i += 1) {
    const length = Math.floor(next() * 24);
    let text = '';
    for (let j = 0; j < length; j += 1) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
    yield text;
  }
}

const options = [
  { value: 'a', label: '宫颈', words: ['子宫'] },
  { value: 'b', label: '乳腺', words: [] },
];

describe('parsers never throw', () => {
  it('on 3000 random replies', () => {
    for (const text of replies(3000)) {
      const results = [
        parseYesNo(text),
        parseChoice(text, options),
        parseInteger(text, { min: 0, max: 120 }),
        parseDate(text, { today: '2026-03-10' }),
        parseDate(text, { today: '2026-01-03', calendar: 'lunar', direction: 'future' }),
        parseMobile(text),
        parseIdNumber(text, '2026-03-10'),
        parseBirthDate(text, '2026-03-10'),
      ];
      for (const r of results) expect(r.ok ? 'value' in r : typeof r.error === 'string').toBe(true);
    }
  });
});
