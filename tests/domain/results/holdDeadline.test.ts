// A held result's deadline: the end of the Nth working day after the day it was held (Asia/Shanghai),
// by the holiday and 调休 calendar.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { heldBeforeIsOverdue, holdDeadlineDay, isPastHoldDeadline } from '../../../src/domain/results/holdDeadline.js';
import { loadWorkdays, WORKDAYS_FILE } from '../../../src/profiles/loadWorkdays.js';

const d = { workingDays: 3, calendar: loadWorkdays(path.resolve('profiles', WORKDAYS_FILE)) };
const sh = (s: string) => new Date(`${s}+08:00`);

describe('the hold deadline', () => {
  it('held on the Thursday before the Spring Festival: overdue from midnight after Tuesday 24 February', () => {
    const heldAt = sh('2026-02-12T16:30:00');
    expect(holdDeadlineDay(heldAt, d)).toBe('2026-02-24');
    expect(isPastHoldDeadline(heldAt, sh('2026-02-24T23:59:59.999'), d)).toBe(false);
    expect(isPastHoldDeadline(heldAt, sh('2026-02-25T00:00:00'), d)).toBe(true);
  });

  it("the day is Shanghai's: 23:30 UTC on Wednesday is Thursday in Shanghai", () => {
    expect(holdDeadlineDay(new Date('2026-02-11T23:30:00Z'), d)).toBe('2026-02-24');
    // (23:30 on Wednesday in Shanghai: Thursday, Friday, the 调休 Saturday)
    expect(holdDeadlineDay(new Date('2026-02-11T15:30:00Z'), d)).toBe('2026-02-14');
  });

  it('the cutoff: held before it is overdue now, held at or after it is not', () => {
    // Wednesday 25 February 00:00: Thursday 12th is overdue, Friday 13th (deadline Wednesday 25th) not
    const now = sh('2026-02-25T00:00:00');
    const cutoff = heldBeforeIsOverdue(now, d);
    expect(cutoff).toEqual(sh('2026-02-13T00:00:00'));
    for (const at of ['2026-02-12T23:59:59', '2026-02-13T00:00:00', '2026-02-14T10:00:00', '2026-02-20T10:00:00']) {
      expect([at, isPastHoldDeadline(sh(at), now, d)]).toEqual([at, sh(at) < cutoff]);
    }
    // the moment before: nothing held on the 12th is overdue yet
    expect(heldBeforeIsOverdue(sh('2026-02-24T23:59:59'), d)).toEqual(sh('2026-02-12T00:00:00'));
  });
});
