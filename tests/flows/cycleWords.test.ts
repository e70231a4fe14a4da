import { describe, expect, it } from 'vitest';
import { datesPregnancy } from '../../src/flows/cycleWords.js';

describe('datesPregnancy', () => {
  it.each(['末次月经正月十五来的', '末次月经25号', '正月初八', '3月1号', '孕8周', '8周了', '12w3d', '我想登记怀孕', '预产期10月5号'])(
    '%s dates the pregnancy: not read as her cycle',
    (text) => {
      expect(datesPregnancy(text)).toBe(true);
    },
  );

  it.each(['四十来天来一回', '我月经不准', '28天一次', '一个月一回', '30天左右', '四个礼拜来一回', '四周来一回', '周期30天', '不记得', '一个多月来一次'])(
    '%s may be her cycle',
    (text) => {
      expect(datesPregnancy(text)).toBe(false);
    },
  );
});
