import { describe, expect, it } from 'vitest';
import { choiceByNamePart } from '../../../src/domain/parse/namePart.js';

const hospitals = [
  { value: 'mch', label: '项城市妇幼保健院' },
  { value: 'first', label: '项城市第一人民医院' },
  { value: 'tcm', label: '项城市中医院' },
];
const services = [
  { value: 'twoCancer', label: '两癌筛查（宫颈癌和乳腺癌一起查）' },
  { value: 'nt', label: 'NT超声检查（怀孕11到13周）' },
  { value: 'nipt', label: '无创DNA（怀孕12到22周，自费）' },
  { value: 'anomaly', label: '大排畸超声（怀孕20到24周）' },
];

describe('choiceByNamePart', () => {
  it.each([
    ['妇幼保健院那个', 'mch'],
    ['还是妇幼', 'mch'],
    ['去妇幼那边吧', 'mch'],
    ['就去人民医院吧', 'first'],
    ['人民医院', 'first'],
    ['一院', 'first'],
    ['市一院就行', 'first'],
    ['中医院吧', 'tcm'],
  ])('%s names %s', (text, value) => {
    expect(choiceByNamePart(text, hospitals)).toEqual({ ok: true, value, guessed: true });
  });

  it.each(['医院', '去医院', '保健院', '项城市的', '随便哪个', '那个'])('%s names no hospital', (text) => {
    expect(choiceByNamePart(text, hospitals)).toBeUndefined();
  });

  it('parts of two names: ambiguous', () => {
    expect(choiceByNamePart('妇幼或者人民医院都行', hospitals)).toEqual({ ok: false, error: 'ambiguous' });
  });

  it('a negation in her words: no reading', () => {
    expect(choiceByNamePart('不去妇幼', hospitals)).toBeUndefined();
    expect(choiceByNamePart('别约人民医院', hospitals)).toBeUndefined();
  });

  it('reads names, not what the label says in brackets', () => {
    expect(choiceByNamePart('约个排畸', services)).toEqual({ ok: true, value: 'anomaly', guessed: true });
    expect(choiceByNamePart('我怀孕22周了', services)).toBeUndefined();
    expect(choiceByNamePart('做个检查', services)).toBeUndefined();
  });
});
