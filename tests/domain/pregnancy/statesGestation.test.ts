// Whether her words say how far along she is (a yes to 您现在怀孕了吗): weeks, a due date, months.
import { describe, expect, it } from 'vitest';
import { monthsPregnant } from '../../../src/domain/pregnancy/monthsPregnant.js';
import { statesGestation } from '../../../src/domain/pregnancy/statesGestation.js';

const TODAY = '2026-03-02';

describe('statesGestation', () => {
  it.each([
    ['孕12周', true],
    ['我12w3d哒', true],
    ['预产期10月15', true],
    ['怀孕50天', true],
    ['怀孕三个月了', true],
    ['5个月了', true],
    // a last period alone says nothing (she may be past them); a count of days that may be her cycle
    ['末次月经2月10号', false],
    ['三十天左右', false],
    // a day named from today is when she wants to go (想约后天上午查两癌), unless it is called her due date
    ['想约后天上午查两癌', false],
    ['明天上午去妇幼', false],
    ['预产期就是后天', true],
    ['后天去卫生院查两癌', false],
    ['后天医生让我去查两癌', false],
    ['5月20号去妇幼查两癌', false],
  ])('%j → %j', (text, expected) => {
    expect(statesGestation(text, TODAY)).toBe(expected);
  });
});

describe('monthsPregnant', () => {
  it.each([
    '俺怀孕四个月了',
    '怀孕三个月了 帮俺登记一下',
    '三个月',
    '四个多月',
    '5个月了',
    '孕5月',
    '差不多五个月了吧',
    '现在快四个月了',
    '有三个多月了',
    '肚子四个多月了',
    '怀孕三个月 能做唐筛吗',
  ])('%j: her pregnancy in months', (text) => {
    expect(monthsPregnant(text, TODAY)).toBe(true);
  });
  it.each([
    // a baby's age, a time ago or ahead, a period missed, trying, living somewhere, another woman's
    '宝宝三个月了',
    '三个月前',
    '三个月以后',
    '月经三个月没来',
    '备孕三个月了',
    '在这住了五个月',
    '俺闺女怀孕四个月了',
    // weeks date it: not months
    '怀孕12周',
    '不知道',
  ])('%j: not', (text) => {
    expect(monthsPregnant(text, TODAY)).toBe(false);
  });

  it('takes her last period as a yes where the question says so (asked of a woman who asks for a pregnancy screening)', () => {
    expect(statesGestation('末次月经是2月10号 再约个NT', TODAY, true)).toBe(true);
    // (one before the last 42 weeks dates no pregnancy now)
    expect(statesGestation('末次月经是去年3月', TODAY, true)).toBe(false);
    expect(statesGestation('三十天左右', TODAY, true)).toBe(false);
  });
});
