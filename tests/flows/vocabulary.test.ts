import { describe, expect, it } from 'vitest';
import { loadDataFiles } from '../../src/config/loadDataFiles.js';
import { messageReader } from '../../src/domain/parse/readMessage.js';
import { knownVocabulary } from '../../src/flows/vocabulary.js';

const files = loadDataFiles({ PROFILES_DIR: 'profiles', FLOWS_DIR: 'flows', COUNTY_ID: 'xiangcheng' });
const vocabulary = knownVocabulary(files.flowSet, files.profile, files.county);

describe('the vocabulary of the shipped flows, profile and county', () => {
  it('has commands, option words, labels, place names (also without 街道/镇/村) and spoken forms', () => {
    for (const word of ['预约', '取消预约', '唐筛', '花园街道', '花园', '丁集', '邝花园村', '项城市妇幼保健院', '俺', '没有']) {
      expect(vocabulary).toContain(word);
    }
  });

  it('reads her typos as the known word, 繁体 and spoken forms too', () => {
    const read = messageReader(files.flowSet.spokenForms, vocabulary);
    expect(read('预越')).toBe('预约');
    expect(read('唐晒')).toBe('唐筛');
    expect(read('花圆街道')).toBe('花园街道');
    expect(read('預越')).toBe('预约');
    expect(read('俺想预越')).toBe('我想预约');
    expect(read('1978念5月6日')).toBe('1978年5月6日');
  });

  it('keeps a hospital as women name it (妇幼, 第一人民), not a homophone of another word', () => {
    expect(vocabulary).toEqual(expect.arrayContaining(['妇幼', '妇幼保健院', '第一人民医院', '第一人民']));
    const read = messageReader(files.flowSet.spokenForms, vocabulary);
    expect(read('后天上午去妇幼查两癌 俺55了')).toBe('后天上午去妇幼查两癌 我55了');
    // (一院 is 第一人民医院; 医院, which sounds the same, stays 医院)
    expect(read('明天去一院 去医院')).toBe('明天去一院 去医院');
    // (作田, Hunan for farming, is a word of the 农村 option: not 昨天)
    expect(read('农村的 作田的')).toBe('农村的 作田的');
    expect(read('两岩筛查咋报')).toBe('两癌筛查怎么报');
    expect(read('从来木查过')).toBe('从来没查过');
  });

  it('leaves everyday words alone', () => {
    const read = messageReader(files.flowSet.spokenForms, vocabulary);
    const everyday =
      '有时候我不知道什么时间去，家里有事，工作忙，老公在外地打工，医生说没问题，经期正常，是不是免费的，需要带什么证件，好的知道了，事情，实际，时期，取笑，酸了';
    expect(read(everyday)).toBe(everyday);
  });
});
