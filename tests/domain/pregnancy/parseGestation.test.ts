import { describe, expect, it } from 'vitest';
import { parseGestation } from '../../../src/domain/pregnancy/parseGestation.js';
import { formatGestationalAge, gestationalAgeDays, windowDays } from '../../../src/domain/pregnancy/gestation.js';

const TODAY = '2026-03-02';

describe('parseGestation', () => {
  it.each([
    ['孕12周', { dueDate: '2026-09-14', from: 'weeks' }],
    ['12周', { dueDate: '2026-09-14', from: 'weeks' }],
    ['怀孕十二周', { dueDate: '2026-09-14', from: 'weeks' }],
    ['12周3天', { dueDate: '2026-09-11', from: 'weeks' }],
    ['12+3', { dueDate: '2026-09-11', from: 'weeks' }],
    ['预产期9月14号', { dueDate: '2026-09-14', from: 'dueDate' }],
    ['2026年9月14日', { dueDate: '2026-09-14', from: 'dueDate' }],
    ['末次月经12月8号', { dueDate: '2026-09-14', from: 'lastPeriod' }],
    ['上次来月经是2025年12月8日', { dueDate: '2026-09-14', from: 'lastPeriod' }],
    ['农历十月十九来的月经', { dueDate: '2026-09-14', from: 'lastPeriod' }],
  ])('%s → %o', (text, want) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: true, value: want });
  });

  it.each([
    ['', 'empty'],
    ['不知道', 'unrecognised'],
    ['孕50周', 'out_of_range'],
    ['预产期2028年1月1日', 'out_of_range'],
    ['末次月经2024年1月1日', 'out_of_range'],
    ['12周9天', 'unrecognised'],
  ])('%s → %s', (text, error) => {
    expect(parseGestation(text, TODAY)).toEqual({ ok: false, error });
  });
});

describe('gestational age and windows', () => {
  it('computes GA from the due date', () => {
    expect(gestationalAgeDays('2026-09-14', '2026-03-02')).toBe(84);
    expect(formatGestationalAge(84)).toBe('12周');
    expect(formatGestationalAge(87)).toBe('12周3天');
  });
  it('gives the calendar days of a window (NT 11w0d–13w6d)', () => {
    expect(windowDays('2026-09-14', { opens: '11w0d', closes: '13w6d' })).toEqual({ from: '2026-02-23', to: '2026-03-15' });
  });
});
