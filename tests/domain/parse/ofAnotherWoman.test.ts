import { describe, expect, it } from 'vitest';
import { speaksOfAnotherWoman } from '../../../src/domain/parse/ofAnotherWoman.js';

describe('speaksOfAnotherWoman', () => {
  it.each([
    '我妹妹怀孕12周',
    '俺妹怀孕十二周了',
    '帮俺儿媳妇问问 18周了',
    '我嫂子预产期10月15',
    '不是我 是我姐 怀孕13周',
    '她预产期8月20号',
    '我老婆怀孕11周了',
    '俺闺女怀孕四个月了',
  ])('%j speaks of another woman', (text) => expect(speaksOfAnotherWoman(text)).toBe(true));
  it.each(['怀孕11周了 想约NT', '俺现在17周', '预产期8月20号 想约唐筛', '俺生了个闺女 3月1号生的', '怀的是个女儿 18周了', '我怀孕十三周哒', '老公户口在项城'])(
    '%j speaks of herself (or of the baby)',
    (text) => expect(speaksOfAnotherWoman(text)).toBe(false),
  );
});
