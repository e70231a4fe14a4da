import { describe, expect, it } from 'vitest';
import { requestSaidAgain } from '../../src/flows/requestAgain.js';

const STARTED = '俺11周3天 想去人民医院做NT 离俺近';

describe('her request said again at a question of the flow it started', () => {
  it.each(['中 那给俺约NT 去人民医院', '预约NT', '人民医院', 'nt'])('%s says nothing new', (text) => {
    expect(requestSaidAgain(STARTED, text)).toBe(true);
  });

  it.each([
    ['还是约唐筛吧', 'another service'],
    ['换个医院', 'a change'],
    ['不去人民医院了', 'a no'],
    ['妇幼', 'another hospital'],
    ['中', 'a bare yes: too little'],
    ['约NT 15号', 'a day'],
  ])('%s is not (%s)', (text) => {
    expect(requestSaidAgain(STARTED, text)).toBe(false);
  });

  it('is never read without the words that started the flow', () => {
    expect(requestSaidAgain(undefined, '预约NT')).toBe(false);
  });
});
