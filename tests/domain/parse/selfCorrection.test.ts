import { describe, expect, it } from 'vitest';
import { selfCorrection } from '../../../src/domain/parse/selfCorrection.js';

describe('selfCorrection: she corrects herself inside one answer', () => {
  it.each([
    ['十周了 哦不对 昨天检查说是十一周零两天', '十周了', '昨天检查说是十一周零两天'],
    ['1968年11月20 不對不對 是12月20 身份證上是12月', '1968年11月20', '是12月20 身份证上是12月'],
    ['3号 不对 5号', '3号', '5号'],
    ['3号，哦不，5号', '3号', '5号'],
    ['上午吧 说错了 下午', '上午吧', '下午'],
    ['13周 记错了 14周', '13周', '14周'],
    ['十周 是十一周才对', '十周', '十一周'],
    ['应该是12周', '', '12周'],
    ['不对不对 是3月1号 不是10号 打错了', '', '是3月1号'],
    ['是3月1号 不是10号', '10号', '是3月1号'],
    ['不是咯 是十四周 我讲错了', '', '是十四周'],
  ])('%j: %j taken back, %j meant', (text, before, after) => {
    expect(selfCorrection(text)).toEqual({ before, after });
  });

  it.each([['十三周 十四周'], ['对不对'], ['不是本地的'], ['不对'], ['3号 打错了'], ['']])('%j: no correction', (text) => {
    expect(selfCorrection(text)).toBeUndefined();
  });
});
