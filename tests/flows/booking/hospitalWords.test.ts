import { describe, expect, it } from 'vitest';
import { hospitalWords } from '../../../src/flows/booking/hospitalWords.js';

describe('hospitalWords: a hospital as women name it', () => {
  it('without the county, and without 保健院/医院', () => {
    expect(hospitalWords('项城市妇幼保健院', '项城市')).toEqual(['项城市妇幼保健院', '妇幼保健院', '妇幼']);
  });

  it('a numbered people’s hospital by its number too (一院, 人民医院, 第一医院)', () => {
    expect(hospitalWords('项城市第一人民医院', '项城市')).toEqual(['项城市第一人民医院', '第一人民医院', '第一人民', '一院', '人民医院', '第一医院']);
  });
});
