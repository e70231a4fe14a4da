import { describe, expect, it } from 'vitest';
import { saysNoInOwnWords } from '../../../src/domain/parse/ownWordsNo.js';

// as the privacy notice says them (flows/consent.yaml)
const notice = {
  verbs: ['记', '登记', '留', '存', '录'],
  onlyAsking: ['就问问', '就问下', '就问一下', '就看看', '就看下', '只是问问', '随便问问'],
};

describe('saysNoInOwnWords', () => {
  it.each([
    // a negation before a verb of what she is asked to allow
    '我就问问 不用记我的',
    '不用登记我的信息',
    '别记我的',
    '我不想留信息',
    '不留了 我就看看',
    '信息就不留了',
    '不用给我记',
    '甭登记了',
    // only asking, beside a no
    '先不用了 我就问下',
    '不要 我就看看',
  ])('%s: a no in her own words', (text) => {
    expect(saysNoInOwnWords(text, notice)).toBe(true);
  });

  it.each([
    // not the verb (记得, 记不清), not a no about it (我不会写字), or asked (不留信息能查吗)
    '不记得了',
    '记不清了',
    '我不会写字',
    '不识字',
    '不留信息能查吗',
    '不登记行不行',
    '不登记可以不',
    // only asking, without a no
    '我就问问',
    '我就问问 要钱不',
    '同意',
  ])('%s: not a no in her own words', (text) => {
    expect(saysNoInOwnWords(text, notice)).toBe(false);
  });
});
