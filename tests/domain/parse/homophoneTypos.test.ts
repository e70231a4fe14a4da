import { describe, expect, it } from 'vitest';
import { hanWords, homophoneReader } from '../../../src/domain/parse/homophoneTypos.js';
import { wordSpans } from '../../../src/support/wordSpans.js';

const vocabulary = ['预约', '唐氏筛查（怀孕{opens}到{closes}周）', '唐筛', '花园街道', '花园', '取消', '算了', '有事', '是的'];
const read = homophoneReader(vocabulary, ['取笑', '酸了']);

describe('homophone typos (pinyin keyboards)', () => {
  it.each([
    ['预越', '预约'],
    ['我想预越两癌', '我想预约两癌'],
    ['唐晒下周一', '唐筛下周一'],
    ['花圆街道', '花园街道'],
    ['花圆', '花园'],
    ['住在花圆的', '住在花园的'],
    ['唐是筛查', '唐氏筛查'],
  ])('%s → %s', (typed, read_) => expect(read(typed)).toBe(read_));

  it('reads the 年 of a date typed as another nian character', () => {
    expect(read('1978念5月6日')).toBe('1978年5月6日');
    expect(read('78廿12月')).toBe('78年12月');
  });

  it('reads the 月 of a date typed as another yue character, between a month and a day', () => {
    expect(read('1971年3越5号')).toBe('1971年3月5号');
    expect(read('12阅20日')).toBe('12月20日');
    // both typed wrong
    expect(read('1988念5越1号')).toBe('1988年5月1号');
    // not a day after it: 越来越
    expect(read('3越来越')).toBe('3越来越');
  });

  it.each([
    // words she wrote right, and words that sound like none
    '预约',
    '花园街道',
    '我想念孩子',
    '念书',
    '今天天气好',
    // single characters never change (约 is not 越)
    '越',
    '我想约',
    // 念 only between a year and a month
    '念5月',
    '1978念',
    // real words kept as written though they sound like a known word
    '取笑',
    '酸了',
    '腰酸了',
    // digits and Latin letters are not read
    'NT 11周',
  ])('%s stays as written', (typed) => expect(read(typed)).toBe(typed));

  it('of two known words of the same sound, takes the one that keeps more of her characters; never on a tie', () => {
    const r = homophoneReader(['事情', '世情']);
    expect(r('市情')).toBe('市情');
    expect(r('事请')).toBe('事情');
    expect(r('市请')).toBe('市请');
  });

  it('never reads a stretch as a word when that cuts a word she wrote right (这礼拜六: 礼拜)', () => {
    const r = homophoneReader(['这里', '礼拜', '星期', '预约']);
    expect(r('这礼拜六')).toBe('这礼拜六');
    expect(r('这礼拜天行不')).toBe('这礼拜天行不');
    expect(r('这礼')).toBe('这里');
    expect(r('住这礼 预越')).toBe('住这里 预约');
  });

  it('never reads away a Chinese numeral that is part of a number (改成十月: 成十 is not 城市)', () => {
    const r = homophoneReader(['城市', '预约', '是的'], [], wordSpans);
    expect(r('改成十月二十号了')).toBe('改成十月二十号了');
    expect(r('预产期改成十一月三号')).toBe('预产期改成十一月三号');
    expect(r('变成十二月五日')).toBe('变成十二月五日');
    expect(r('改成十号')).toBe('改成十号');
    expect(r('改成十点')).toBe('改成十点');
    // a numeral that is no number's may still be a typo
    expect(r('成十户口')).toBe('城市户口');
    // (十里 is a word: 在成十里住 is left as written)
  });

  it('keeps a known word whole and reads what follows', () => {
    expect(read('预约唐晒')).toBe('预约唐筛');
  });

  it('with no vocabulary only the date 年 is read', () => {
    const r = homophoneReader([]);
    expect(r('预越 1978念5月')).toBe('预越 1978年5月');
  });

  it('takes the Han words of two characters or more from labels', () => {
    expect([...hanWords(['唐氏筛查（怀孕{opens}到{closes}周）', 'NT', '是'])]).toEqual(['唐氏筛查', '怀孕']);
  });
});

describe('homophoneReader: a particle only where her clause ends', () => {
  const read = homophoneReader(['做哒', '大排畸超声检查'], [], wordSpans);
  it('该做大排畸了 is not 该做哒排畸了 (做大 only sounds like 做哒)', () => {
    expect(read('该做大排畸了')).toBe('该做大排畸了');
  });
  it('做大 at the end of her clause is read as 做哒', () => {
    expect(read('NT做大 在县医院')).toBe('NT做哒 在县医院');
  });
});

describe('homophoneReader: never across two everyday words', () => {
  const r = homophoneReader(['气急', '乡下', '得行', '下午', '谢了', '城市', '项城市', '我不是', '预约', '乳腺'], ['不识'], wordSpans);
  it.each([
    ['俺约的是星期几', '俺约的是星期几'],
    ['喝糖水要空腹不 俺想下周一去', '喝糖水要空腹不 俺想下周一去'],
    ['我约的星期三上午', '我约的星期三上午'],
    ['我回去问下屋里人再说', '我回去问下屋里人再说'],
    ['恁别再给俺发那些了', '恁别再给俺发那些了'],
    ['嫁到项城十来年了', '嫁到项城十来年了'],
    ['我不识路', '我不识路'],
  ])('%s stays as written', (text, read) => {
    expect(r(text)).toBe(read);
  });
  it('a typo of one word is still read (预越, 查乳线)', () => {
    expect(r('预越 查乳线')).toBe('预约 查乳腺');
  });
});
