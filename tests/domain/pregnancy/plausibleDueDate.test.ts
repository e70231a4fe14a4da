// One rule for a plausible due date, used by the parser (what she writes) and the pregnancy service.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendarDay.js';
import { parseGestation } from '../../../src/domain/pregnancy/parseGestation.js';
import { MAX_DUE_DATE_AHEAD_DAYS, plausibleDueDate } from '../../../src/domain/pregnancy/plausibleDueDate.js';

const TODAY = '2026-03-05';
const written = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return `预产期${y}年${m}月${d}日`;
};

describe('plausibleDueDate', () => {
  it('from two weeks past to 43 weeks ahead', () => {
    expect(MAX_DUE_DATE_AHEAD_DAYS).toBe(301);
    expect(plausibleDueDate(addDays(TODAY, 301), TODAY)).toBe(true);
    expect(plausibleDueDate(addDays(TODAY, 302), TODAY)).toBe(false);
    expect(plausibleDueDate(addDays(TODAY, -14), TODAY)).toBe(true);
    expect(plausibleDueDate(addDays(TODAY, -15), TODAY)).toBe(false);
  });

  it('the parser takes a written due date up to the same limit ahead (and none in the past)', () => {
    expect(parseGestation(written(addDays(TODAY, 301)), TODAY)).toEqual({ ok: true, value: { dueDate: addDays(TODAY, 301), from: 'dueDate' } });
    expect(parseGestation(written(addDays(TODAY, 302)), TODAY)).toEqual({ ok: false, error: 'out_of_range' });
    expect(parseGestation(written(addDays(TODAY, -1)), TODAY)).toEqual({ ok: false, error: 'out_of_range' });
  });
});
