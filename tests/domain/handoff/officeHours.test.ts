import { describe, expect, it } from 'vitest';
import { handoffSchema } from '../../../src/domain/profile/handoffSchema.js';
import { isOpen, nextOpening, officeDeadline } from '../../../src/domain/handoff/officeHours.js';
import type { WorkdayCalendar } from '../../../src/domain/workdays/workingDays.js';

const weekday = ['08:00-12:00', '14:30-17:30'];
const hours = handoffSchema.parse({
  officeHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [], sun: [] },
  escalateAfterMinutes: 60,
  keepChatDays: 30,
});
// 2026: 2026-10-01..08 off (国庆), Sunday 2026-09-20 and Saturday 2026-10-10 worked (an example calendar)
const calendar: WorkdayCalendar = {
  years: new Map([[2026, { holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']), workdays: new Set(['2026-10-10']) }]]),
};
const at = (s: string) => new Date(s);

describe('office hours', () => {
  it.each([
    ['2026-03-02T08:00:00+08:00', true],
    ['2026-03-02T07:59:00+08:00', false],
    ['2026-03-02T12:00:00+08:00', false],
    ['2026-03-02T15:00:00+08:00', true],
    ['2026-03-07T10:00:00+08:00', false], // Saturday
    ['2026-10-05T10:00:00+08:00', false], // a public holiday (Monday)
    ['2026-10-10T10:00:00+08:00', true], // a Saturday worked (调休上班)
  ])('%s open: %s', (instant, open) => {
    expect(isOpen(at(instant), hours, calendar)).toBe(open);
  });

  it('next opening: later today, tomorrow morning, after the weekend, after a holiday; none while open', () => {
    expect(nextOpening(at('2026-03-02T12:30:00+08:00'), hours, calendar)).toEqual(at('2026-03-02T14:30:00+08:00'));
    expect(nextOpening(at('2026-03-02T20:00:00+08:00'), hours, calendar)).toEqual(at('2026-03-03T08:00:00+08:00'));
    expect(nextOpening(at('2026-03-06T18:00:00+08:00'), hours, calendar)).toEqual(at('2026-03-09T08:00:00+08:00'));
    expect(nextOpening(at('2026-09-30T18:00:00+08:00'), hours, calendar)).toEqual(at('2026-10-06T08:00:00+08:00'));
    expect(nextOpening(at('2026-03-02T09:00:00+08:00'), hours, calendar)).toBeUndefined();
  });

  it('counts only office minutes to the escalation', () => {
    expect(officeDeadline(at('2026-03-02T09:00:00+08:00'), 60, hours, calendar)).toEqual(at('2026-03-02T10:00:00+08:00'));
    // 11:30 + 30 min before noon, 30 min after 14:30
    expect(officeDeadline(at('2026-03-02T11:30:00+08:00'), 60, hours, calendar)).toEqual(at('2026-03-02T15:00:00+08:00'));
    // opened Friday night: counted from Monday 08:00
    expect(officeDeadline(at('2026-03-06T22:00:00+08:00'), 60, hours, calendar)).toEqual(at('2026-03-09T09:00:00+08:00'));
  });

  it('refuses a span that ends before it starts', () => {
    expect(() =>
      handoffSchema.parse({
        officeHours: { mon: ['12:00-08:00'], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
        escalateAfterMinutes: 1,
        keepChatDays: 1,
      }),
    ).toThrow(/end after it starts/);
  });
});
