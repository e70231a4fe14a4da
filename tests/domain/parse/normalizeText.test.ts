import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../src/domain/parse/normalizeText.js';

const cases: [input: string, expected: string][] = [
  ['  是的  ', '是的'],
  ['１３８１２３４５６７８', '13812345678'],
  ['ＡＢＣ ｘｙｚ', 'abc xyz'],
  ['ＯＫ', 'ok'],
  ['YES', 'yes'],
  ['好的，谢谢！', '好的,谢谢!'],
  ['什么？', '什么?'],
  ['时间：３月５号；地点（卫生院）', '时间:3月5号;地点(卫生院)'],
  ['好的。', '好的.'],
  ['宫颈、乳腺', '宫颈,乳腺'],
  ['2026—03—05', '2026-03-05'],
  ['2026－03－05', '2026-03-05'],
  ['a\u3000\u3000b', 'a b'],
  ['第一行\n\n第二行\t结束', '第一行 第二行 结束'],
  ['“好的”', '"好的"'],
  ['农历八月初一', '农历八月初一'],
  ['', ''],
  ['   ', ''],
];

describe('normalizeText', () => {
  it.each(cases)('%j → %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});
