import { describe, expect, it } from 'vitest';
import { carriedClauses } from '../../../src/domain/parse/carriedClauses.js';

describe('carriedClauses', () => {
  it('splits at punctuation and spaces, keeping dates with dots whole', () => {
    expect(carriedClauses('1978.5.6，本地户口 农村的')).toEqual(['1978.5.6', '本地户口', '农村的']);
  });
  it('never carries a question', () => {
    expect(carriedClauses('想查两癌 能免费吗？是 我50了')).toEqual(['想查两癌', '是', '我50了']);
  });
  it('keeps the statement run into a question, before or after it', () => {
    expect(carriedClauses('我怀孕了能做两癌吗')).toEqual(['我怀孕了']);
    expect(carriedClauses('我想问一下唐氏筛查是不是免费的我户口是项城的')).toEqual(['我想问一下唐氏筛查', '我户口是项城的']);
    expect(carriedClauses('怎么约时间')).toEqual([]);
    expect(carriedClauses('我怀孕了能做乳腺检查不')).toEqual(['我怀孕了']);
    // (closed by 了 before the thing she asks about)
    expect(carriedClauses('怀孕了检查能免费不')).toEqual(['怀孕了']);
    expect(carriedClauses('生了孩子检查能免费不')).toEqual([]);
    expect(carriedClauses('我姐怀孕了唐筛能免费做吗')).toEqual([]);
  });
  it('splits her cycle from the day of her last period in a run-on', () => {
    expect(carriedClauses('最后一回来身上是五月十号我这个月经不准三十五天才来一回')).toEqual(['最后一回来身上是五月十号', '我这个月经不准三十五天才来一回']);
    expect(carriedClauses('有免费的没')).toEqual([]);
    expect(carriedClauses('户口不在这 居住证也没')).toEqual(['户口不在这', '居住证也没']);
  });

  it('keeps the statement before a question tagged on at its end (中不中, 行不行)', () => {
    expect(carriedClauses('户口就在丁集沈庄没迁过中不中')).toEqual(['户口就在丁集沈庄没迁过']);
    expect(carriedClauses('俺是七零年阴历腊月初六生哩户口就在丁集沈庄没迁过中不中')).toEqual(['俺是七零年阴历腊月初六生哩', '户口就在丁集沈庄没迁过']);
    expect(carriedClauses('查两癌行不行')).toEqual([]);
  });

  it('ends a clause at a question asked as 可以不 / 中不 with a particle, in the middle of a run-on', () => {
    expect(carriedClauses('我想约一下两癌周一早上去可以不咯我周一才有空')).toEqual(['我想约一下两癌周一早上去', '我周一才有空']);
    expect(carriedClauses('俺想约唐筛后天上午中不中啊俺后天有空')).toEqual(['俺想约唐筛后天上午', '俺后天有空']);
  });

  it('ends a clause at a closing particle run into the next words, and keeps what a check found', () => {
    expect(carriedClauses('我那个检查出来是双胞胎咯现在有十四个星期了想登记一下到时候提醒我去检查')).toEqual([
      '我',
      '双胞胎',
      '现在有十四个星期了想登记一下到时候提醒我去检查',
    ]);
    expect(carriedClauses('B超说是一个 12周了')).toEqual(['一个', '12周了']);
  });

  it('ends a clause at the fillers of voice typing', () => {
    expect(carriedClauses('我想问一下就是怀孕了那个唐氏筛查是不是免费的我户口是项城的')).toEqual(['我想问一下', '怀孕了', '唐氏筛查', '我户口是项城的']);
  });
  it('leaves out the clause that answered', () => {
    expect(carriedClauses('82年的 户口在这', (c) => c.startsWith('82'))).toEqual(['户口在这']);
  });
  it('splits a long voice-typed run-on where it turns to another fact of hers', () => {
    expect(carriedClauses('喂你好我想问一下那个两癌筛查我是1972年3月15号的户口就在咱项城李寨镇能不能给我查')).toEqual([
      '喂你好我想问一下',
      '我是1972年3月15号的',
      '户口就在咱项城李寨镇',
    ]);
    expect(carriedClauses('医生能不能给我看')).toEqual([]);
  });
  it('keeps a 啥 / 什么 that means "any" after a negation: a statement, not a question', () => {
    expect(carriedClauses('没有查过 也没有做过啥手术')).toEqual(['没有查过', '也没有做过啥手术']);
    expect(carriedClauses('从来没查过 啥手术都没做过')).toEqual(['从来没查过', '啥手术都没做过']);
    expect(carriedClauses('没做过什么手术 能查吗')).toEqual(['没做过什么手术']);
    // still questions
    expect(carriedClauses('有没有啥要带的')).toEqual([]);
    expect(carriedClauses('为啥都不让查')).toEqual([]);
    expect(carriedClauses('不知道啥时候能查')).toEqual([]);
    expect(carriedClauses('要带啥')).toEqual([]);
  });

  it('splits a voice-typed run-on of any length where a complete answer turns to another fact', () => {
    const cases: [string, string[]][] = [
      ['喂你好俺想问一下那个两癌筛查俺能不能查俺今年五十二了户口在丁集镇沈庄村哩', ['喂你好俺想问一下', '俺今年五十二了', '户口在丁集镇沈庄村哩']],
      ['我是一九七七年八月十五号的户口在城关镇东门村是农村的', ['我是一九七七年八月十五号的', '户口在城关镇东门村', '是农村的']],
      ['今年五十一户口就在东门村', ['今年五十一', '户口就在东门村']],
      ['五十二了户口在李寨', ['五十二了', '户口在李寨']],
      ['俺72年哩户口在丁集', ['俺72年哩', '户口在丁集']],
      ['我48岁户口在本村', ['我48岁', '户口在本村']],
      ['户口在石门村家在县城', ['户口在石门村', '家在县城']],
      ['户口在东门村乡里的', ['户口在东门村', '乡里的']],
      ['能查吗我今年52了', ['我今年52了']],
      ['能不能查俺今年五十一户口在东门村', ['俺今年五十一', '户口在东门村']],
    ];
    for (const [text, clauses] of cases) expect(carriedClauses(text), text).toEqual(clauses);
  });
  it('does not split inside a date, a place name or a short statement', () => {
    for (const text of ['我是一九七一年三月十五号的', '户口在丁集镇沈庄村哩', '我娘家在东门村', '俺是城里的低保户', '冇得单位在屋里种田']) {
      expect(carriedClauses(text), text).toEqual([text]);
    }
  });
  it('never carries a question to the bot (你们礼拜六上不上班): an A-not-A question, or words to the bot', () => {
    expect(carriedClauses('喂你好我问一下咯那个两癌检查是不是免费的我是一九七一年的户口在东门村你们礼拜六上不上班')).toEqual([
      '喂你好我问一下',
      '两癌检查',
      '我是一九七一年的',
      '户口在东门村',
    ]);
    expect(carriedClauses('户口在东门村乡里的你们礼拜六上不上班')).toEqual(['户口在东门村', '乡里的']);
    expect(carriedClauses('我是72年的你们说我能不能查')).toEqual(['我是72年的']);
    expect(carriedClauses('你们礼拜六上班不')).toEqual([]);
    expect(carriedClauses('查不查得')).toEqual([]);
    expect(carriedClauses('时不时疼')).toEqual(['时不时疼']);
  });
});

describe('carriedClauses: a yes-or-no question about going there', () => {
  it.each([
    ['唐筛 后天晌午能去妇幼不', ['唐筛', '后天晌午', '去妇幼']],
    ['妇幼能做不', ['妇幼', '做']],
    ['后天晌午行不行', ['后天晌午']],
    ['可以约礼拜五上午吗', ['约礼拜五上午']],
    ['明天去中不中', ['明天', '去']],
  ])('%s: its place, day and session, for a booking', (text, clauses) => {
    expect(carriedClauses(text, undefined, true)).toEqual(clauses);
  });

  it.each(['妇幼在哪', '人民医院远不远', '能做两癌不', '能查吗'])('%s: a question about a place, or a bare one, carries nothing', (text) => {
    expect(carriedClauses(text, undefined, true)).toEqual([]);
  });

  it.each([
    ['后天上午去妇幼查两癌', ['后天上午', '去妇幼', '查两癌']],
    ['想在妇幼约个两癌', ['想在妇幼', '约个两癌']],
    ['下礼拜一上午妇幼查两癌', ['下礼拜一上午', '妇幼', '查两癌']],
  ])('%s: a statement of going carries its parts too', (text, clauses) => {
    expect(carriedClauses(text, undefined, true)).toEqual(clauses);
  });

  it('not for the interview', () => {
    expect(carriedClauses('后天上午能去妇幼查两癌不 俺是秣陵的')).toEqual(['俺是秣陵的']);
  });
});

describe('carriedClauses: who it is said of, and a question closed by 了没有', () => {
  it('keeps 我跟我老公 with what it says of both of them (one clause, not her husband alone)', () => {
    expect(carriedClauses('NT免费啵 我怀孕十一周 我跟我老公户口都不在这里 在这边租房子住了一年多')).toEqual([
      'nt免费啵',
      '我怀孕十一周',
      '我跟我老公户口都不在这里',
      '在这边租房子住了一年多',
    ]);
  });

  it('splits a run-on where she turns to her pregnancy (…户口都在湘源|我现在怀起三个多月哒)', () => {
    expect(carriedClauses('我跟我爱人户口都在湘源我现在怀起三个多月了')).toEqual(['我跟我爱人户口都在湘源', '我现在怀起三个多月了']);
  });

  it('joins a year and its month and day said in the next breath, not a month of something else', () => {
    expect(carriedClauses('俺是七九年嘞 三月十六')).toEqual(['俺是七九年三月十六']);
    expect(carriedClauses('1961年的，12月份体检过一回')).toEqual(['1961年的', '12月份体检过一回']);
  });

  it('never carries a question closed by 了没有 (两癌今年开始搞了冇: not a screening this year)', () => {
    expect(carriedClauses('两癌今年开始搞了没有')).toEqual([]);
  });
});
