import { describe, expect, it } from 'vitest';
import { speaksOfAnotherWoman, whoseNews } from '../../../src/domain/parse/ofAnotherWoman.js';

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

describe('whoseNews', () => {
  const loss = (c: string) => /没保住|没了|胎停|生了/.test(c);
  const clauses = (text: string) => text.split(/[\s,，]+/).filter(Boolean);
  it.each([
    ['我妹妹孩子没保住', 'another'],
    ['俺邻居家媳妇前几天胎停了 俺这才十周', 'another'],
    ['我老妹昨天生了 是个满崽', 'another'],
    ['俺儿媳妇胎停了', 'another'],
    // her husband may be writing; 她 is no one named; a relative named beside the news, not in it
    ['我媳妇胎停了', 'unclear'],
    ['她孩子没了', 'unclear'],
    ['孩子没了 我嫂子说的', 'unclear'],
    ['我妹妹陪我去医院，孩子没了', 'unclear'],
    ['俺闺女前儿个早上生了 顺的', 'unclear'],
    ['孩子没保住', 'self'],
    ['俺生了个闺女', 'self'],
    ['俺前天剖了 俩闺女 都挺好', 'self'],
  ])('%j is news of %s', (text, whose) => expect(whoseNews(clauses(text), loss)).toBe(whose));
});
