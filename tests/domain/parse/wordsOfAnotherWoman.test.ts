import { describe, expect, it } from 'vitest';
import { wordsOfAnotherWoman } from '../../../src/domain/parse/wordsOfAnotherWoman.js';

describe('wordsOfAnotherWoman', () => {
  it.each([
    '俺娘今年六十一了 能查两癌不 她木有微信 俺替她问问',
    '我姆妈今年五十八哒 户口在东门村 她想查两癌 我帮她问下',
    '俺妹子今年四十三 户口在范集镇 她在外地打工 她能查两癌不',
    '俺婆婆六十了 她能查不',
    '我妈妈55岁 可以免费查宫颈癌吗',
    '帮我嫂子问问 她47 户口在王明口 能查不',
    '俺老娘六十三 能做乳腺检查不',
    '我母亲1968年的，能参加两癌筛查吗',
  ])('sets apart what %s says of another woman', (text) => {
    expect(wordsOfAnotherWoman(text)).toEqual({ own: '', asks: true });
  });

  it('keeps her own clauses after a clause about herself', () => {
    expect(wordsOfAnotherWoman('俺妹子今年四十三 她能查两癌不 俺今年五十二 俺也想查')).toEqual({ own: '俺今年五十二 俺也想查', asks: true });
  });

  it.each([
    '我48了 户口在娘家 能查两癌不',
    '两癌 1975年3月8日',
    '俺是个姑娘家 能查不',
    '我妈让我来问问',
    '俺婆子住院了 17号去不了了 先给俺退了吧',
    '俺婆婆住院了 礼拜三那个检查去不了了 给俺退了吧',
    '俺闺女叫俺问问 查两癌真不要钱？',
    '喂喂能听见不俺是王明口的俺闺女说微信上能约那个免费的妇科检查就是查宫颈跟乳腺那个俺今年五十二了能不能给俺弄一个',
  ])('reads %s as hers alone or asking nothing', (text) => {
    expect(wordsOfAnotherWoman(text)?.asks ?? false).toBe(false);
  });

  it('leaves a pregnancy to ofAnotherWoman.ts', () => {
    expect(wordsOfAnotherWoman('我妹妹怀孕12周 能做唐筛吗')).toBeUndefined();
  });
});
