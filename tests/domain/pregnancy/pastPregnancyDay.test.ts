import { describe, expect, it } from 'vitest';
import { pastPregnancyDay } from '../../../src/domain/pregnancy/pastPregnancyDay.js';

// 2026-05-18 is a Monday
const TODAY = '2026-05-18';

describe('pastPregnancyDay', () => {
  it.each([
    ['孩子没了 上礼拜三流掉了 这两天才缓过来', '2026-05-13'],
    ['上个礼拜五做的手术', '2026-05-15'],
    ['礼拜五没的', '2026-05-15'],
    ['前天做了清宮', '2026-05-16'],
    ['5月3号没的', '2026-05-03'],
    ['今天上午流掉了', TODAY],
    // a screening done elsewhere
    ['NT俺上礼拜三在周口市中心医院自己花钱做过了 还用再约不', '2026-05-13'],
    ['唐筛我上个礼拜六在长沙湘雅做哒 低风险', '2026-05-16'],
  ])('%j → %s', (words, day) => {
    expect(pastPregnancyDay(words, TODAY, '2026-12-01')).toBe(day);
  });
  it.each([
    ['孩子没保住'],
    // ahead, or before the pregnancy began (due 2026-12-01: began 2026-02-24)
    ['下周三'],
    ['2月1号流掉了'],
    // two days: which is not known
    ['3号还是5号没的'],
  ])('%j names no day of the loss', (words) => {
    expect(pastPregnancyDay(words, TODAY, '2026-12-01')).toBeUndefined();
  });
});
