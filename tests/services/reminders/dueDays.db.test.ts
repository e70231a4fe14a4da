// The clock jump's look-ahead: the days the planner names as possibly due must include every day on
// which planning (or marking missed windows) really does something, or a long jump would lose that
// day's reminders. Checked against planDay and markMissed run day by day over ten weeks with one
// woman of every kind of reminder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiTime } from '../../../src/domain/calendarDay.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import { bookingRow, openReminderFixture, pregnancy, sh, woman, type ReminderFixture } from './reminderFixtures.js';

function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe.skipIf(dbUnavailable)(`planner look-ahead for clock jumps (${testProvider})`, () => {
  let f: ReminderFixture;
  const days = daysFrom('2026-04-01', '2026-06-10');

  beforeAll(async () => {
    f = await openReminderFixture();
    // pregnant, due 1 Nov (NT window in April), and one due 25 May (the birth question in June)
    await pregnancy(f.db, await woman(f.db, 'pregnant'), { dueDate: '2026-11-01', registeredOn: '2026-03-01' });
    await pregnancy(f.db, await woman(f.db, 'due'), { dueDate: '2026-05-25', registeredOn: '2025-10-01' });
    // a baby born on 10 May, the mother agreed as guardian: heel blood and hearing reminders
    await pregnancy(f.db, await woman(f.db, 'mother'), {
      dueDate: '2026-05-12',
      status: 'born',
      birthDate: '2026-05-10',
      endedOn: '2026-05-10',
      guardianConsentAt: sh('2026-05-10 12:00'),
    });
    // a visit on 15 April: reminded the evening before
    await bookingRow(f.db, await woman(f.db, 'booked'), { serviceId: 'cervical', day: '2026-04-15', status: 'confirmed' });
    // told she can join on 1 June (too young then)
    await woman(f.db, 'young');
    await f.db.eligibilityCheck.create({
      data: {
        contactId: 'young',
        programme: 'twoCancer',
        eligible: false,
        reasonCode: 'age_below',
        nextEligibleOn: '2026-06-01',
        checkedAt: sh('2026-02-10 10:00'),
      },
    });
    // screened 5 years before 20 May (Henan: once per 5 years)
    await bookingRow(f.db, await woman(f.db, 'screened'), { serviceId: 'cervical', day: '2021-05-20', status: 'attended', createdAt: sh('2021-05-01 10:00') });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('every day planDay queues something for is named in advance, and most quiet days are not', async () => {
    const named = await f.planner.daysWithPlansDue(days);
    const planned: string[] = [];
    for (const day of days) {
      const r = await f.planner.planDay(day, shanghaiTime(addDays(day, -1), 20, 0));
      if (r.planned > 0) planned.push(day);
    }
    // one of each kind really planned
    expect(planned).toEqual(expect.arrayContaining(['2026-04-14', '2026-05-13', '2026-05-20', '2026-06-01']));
    expect(planned.filter((d) => !named.has(d))).toEqual([]);
    // a superset, but not every day: the jump skips the rest
    expect(named.size).toBeLessThan(days.length / 4);
  });

  it('every day markMissed marks something on is named in advance', async () => {
    const named = await f.planner.daysWithWindowsClosing(days);
    const marked: string[] = [];
    for (const day of days) if ((await f.planner.markMissed(day, shanghaiTime(addDays(day, -1), 19, 55))) > 0) marked.push(day);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((d) => !named.has(d))).toEqual([]);
    expect(named.size).toBeLessThan(days.length / 4);
  });
});
