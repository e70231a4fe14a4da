import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../../src/domain/parse/toSimplified.js';

describe('toSimplified', () => {
  it.each([
    ['懷孕十週兩天', '怀孕十周两天'],
    ['預產期是9月20號', '预产期是9月20号'],
    ['沒有', '没有'],
    ['是的', '是的'],
    ['對', '对'],
    ['戶口不在這，居住證也沒有', '户口不在这，居住证也没有'],
    ['著急', '着急'], // a Taiwan variant
    ['衞生院', '卫生院'], // a Hong Kong variant
    ['登記孕期', '登记孕期'],
    ['要錢麼', '要钱么'],
  ])('%s → %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it.each(['要钱么', '可以么', '什么', '幺妹', '我想约唐筛 18周了', '１２３ＡＢＣ', '[强]👍', '中午', ''])('leaves Simplified text as it is: %j', (text) => {
    expect(toSimplified(text)).toBe(text);
  });

  it('leaves every shipped flow and profile text as it is (they are Simplified)', () => {
    const files = ['flows', 'profiles'].flatMap((dir) =>
      fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => path.join(dir, f)),
    );
    const changed = files.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => toSimplified(line) !== line)
        .map((line) => `${f}: ${line}`),
    );
    expect(changed).toEqual([]);
  });
});
