import { describe, expect, it } from 'vitest';
import { loadDataFiles } from '../../src/config/loadDataFiles.js';
import { matchTrigger } from '../../src/flows/matchWords.js';

const { flows } = loadDataFiles({ PROFILES_DIR: 'profiles', FLOWS_DIR: 'flows', COUNTY_ID: 'xiangcheng' }).flowSet;

describe('再约: later, or another booking', () => {
  it.each(['过几天再约个时间吧', '等俺男人回来再约个时间', '改天再约个日子', '这几天忙 过些天再约'])('%s: she books later', (text) => {
    expect(matchTrigger(text, flows.values())?.flowId).toBe('book_later');
  });

  it('再约个NT with a screening named: she books that one too', () => {
    expect(matchTrigger('想登记一下 再约个NT', flows.values())?.flowId).not.toBe('book_later');
  });
});
