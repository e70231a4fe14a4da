// By when a follow-up case's next step is due: the grade's days from the day she is told, or earlier
// where the profile's limit says so (prenatal diagnosis before its window closes, a baby's age).
import { describe, expect, it } from 'vitest';
import { dueLimits, followUpDueDay, limitDay } from '../../../src/domain/followUp/dueDay.js';
import { demoCounty } from '../../services/reminders/wireReminders.js';

describe('followUpDueDay', () => {
  it("counts the grade's days from the day she is told (never from before the test)", () => {
    expect(followUpDueDay({ from: '2026-03-20', testDate: '2026-03-10', dueDays: 28 })).toBe('2026-04-17');
    expect(followUpDueDay({ from: '2026-03-01', testDate: '2026-03-10', dueDays: 7 })).toBe('2026-03-17');
  });

  it('prenatal diagnosis: the last day of its window (22w6d) when that comes first', () => {
    const limit = { lastWeek: '22w6d' };
    // due 2026-09-01: conception dating LMP 2025-11-25; 22w6d = day 160 → 2026-05-04
    expect(limitDay(limit, { pregnancyDueDate: '2026-09-01' })).toBe('2026-05-04');
    expect(followUpDueDay({ from: '2026-04-25', testDate: '2026-04-20', dueDays: 14, limit, pregnancyDueDate: '2026-09-01' })).toBe('2026-05-04');
    // the window far ahead: the grade's days
    expect(followUpDueDay({ from: '2026-03-01', testDate: '2026-03-01', dueDays: 14, limit, pregnancyDueDate: '2026-09-01' })).toBe('2026-03-15');
    // no pregnancy known (an unmatched result): the grade's days
    expect(followUpDueDay({ from: '2026-04-25', testDate: '2026-04-20', dueDays: 14, limit })).toBe('2026-05-09');
    // the window already closed: due at once, not in the past
    expect(followUpDueDay({ from: '2026-05-10', testDate: '2026-05-08', dueDays: 14, limit, pregnancyDueDate: '2026-09-01' })).toBe('2026-05-10');
  });

  it("a baby's hearing: diagnosis by 3 months of age, re-screen by day 42", () => {
    const threeMonths = { babyAge: { months: 3 } };
    expect(followUpDueDay({ from: '2026-03-20', testDate: '2026-03-15', dueDays: 60, limit: threeMonths, babyBirthDate: '2026-02-01' })).toBe('2026-05-01');
    expect(followUpDueDay({ from: '2026-02-05', testDate: '2026-02-03', dueDays: 42, limit: { babyAge: { days: 42 } }, babyBirthDate: '2026-02-01' })).toBe(
      '2026-03-15',
    );
    expect(limitDay({ babyAge: { months: 3, days: 80 } }, { babyBirthDate: '2026-02-01' })).toBe('2026-04-22');
  });

  it("the profile's limits, with the prenatal-diagnosis window read from its screening", () => {
    const { profile } = demoCounty();
    const windows = new Map(profile.programmes.prenatal.screenings.flatMap((s) => (s.window ? [[s.id, s.window] as const] : [])));
    const limits = dueLimits(profile.followUp!, windows);
    expect(limits.get('serum.high')).toEqual({ lastWeek: '22w6d' });
    expect(limits.get('nipt.high')).toEqual({ lastWeek: '22w6d' });
    expect(limits.get('hearing.referAtRescreen')).toEqual({ babyAge: { months: 3 } });
    expect(limits.get('hearing.refer')).toEqual({ babyAge: { days: 42 } });
    expect(limits.has('cytology.hsil')).toBe(false);
  });
});
