// The reminder planner's jobs, every evening (before the quiet hours, so a failure is seen the same
// evening): first the screenings whose window closed today with nothing booked are marked missed,
// then tomorrow's timed messages are queued (a missed NT starts the fallback scan's alerts).
// Idempotent and safe in several processes.
import type { Logger } from '../support/logger.js';
import { addDays, shanghaiDay } from '../domain/calendarDay.js';
import type { ReminderPlanner } from '../services/reminders/ReminderPlanner.js';
import type { Job } from './JobScheduler.js';

/** The pregnancies long past their due date with no birth reported. */
export interface OverduePregnancies {
  /** Closes them (returns how many). */
  close(day: string): Promise<number>;
  /** Of `days`, those with a pregnancy to close. */
  daysWithAny(days: readonly string[]): Promise<string[]>;
}

/** Of evening runs that each work on the next day, those whose next day is one of the busy days. */
async function runsPlanning(times: readonly Date[], busyDays: (days: string[]) => Promise<Set<string>>): Promise<Date[]> {
  const next = (t: Date) => addDays(shanghaiDay(t), 1);
  const busy = await busyDays(times.map(next));
  return times.filter((t) => busy.has(next(t)));
}

export function reminderJobs(planner: ReminderPlanner, overdue: OverduePregnancies, logger: Logger): Job[] {
  return [
    {
      name: 'pregnancy.closeOverdue',
      schedule: { every: 'day', hour: 19, minute: 50 },
      // a clock jump closes them on their evening (each day sees who is still pregnant); after a
      // stop, one run closes everything overdue
      catchUp: 'each',
      catchUpAtStart: 'latest',
      catchUpLimit: 400,
      busyAmong: async (times) => {
        const days = new Set(await overdue.daysWithAny(times.map((t) => shanghaiDay(t))));
        return times.filter((t) => days.has(shanghaiDay(t)));
      },
      async run(now) {
        const closed = await overdue.close(shanghaiDay(now));
        if (closed > 0) logger.info({ closed }, 'pregnancies past their due date closed');
      },
    },
    {
      name: 'reminders.markMissed',
      // just before the planning, which reads the marks
      schedule: { every: 'day', hour: 19, minute: 55 },
      // every evening passed, after a stop too: a window that closed while no process ran is still
      // marked (staff follow it up, the fallback scan depends on it); marking sends nothing
      catchUp: 'each',
      catchUpLimit: 400,
      busyAmong: (times) => runsPlanning(times, (days) => planner.daysWithWindowsClosing(days)),
      async run(now) {
        // the windows that closed today: nothing can be booked for today any more
        const missed = await planner.markMissed(addDays(shanghaiDay(now), 1), now);
        if (missed > 0) logger.info({ missed }, 'screenings marked missed');
      },
    },
    {
      name: 'reminders.daily',
      schedule: { every: 'day', hour: 20, minute: 0 },
      // every evening passed, by a clock jump or while no process ran: a day already over queues its
      // messages as they were due, and each is worded for the day it goes out, or dropped (and
      // recorded for staff) when it no longer makes sense, when its turn comes (ReminderPlanner.review)
      catchUp: 'each',
      // a pregnancy and the newborn weeks fit in 400 days; a longer stop skips what is long past
      catchUpLimit: 400,
      busyAmong: (times) => runsPlanning(times, (days) => planner.daysWithPlansDue(days)),
      async run(now) {
        const r = await planner.planDay(addDays(shanghaiDay(now), 1), now);
        logger.info({ planned: r.planned, queued: r.queued }, 'reminders planned for tomorrow');
      },
    },
  ];
}
