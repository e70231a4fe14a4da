// The reminder planner's job: every evening (before the quiet hours, so a failure is seen the same
// evening) it marks the screenings whose window closed today with nothing booked as missed, then
// queues tomorrow's timed messages. Idempotent and safe in several processes.
import type { Logger } from '../app/logger.js';
import { addDays, shanghaiDay } from '../domain/calendarDay.js';
import type { ReminderPlanner } from '../services/reminders/ReminderPlanner.js';
import type { Job } from './JobScheduler.js';

export function reminderJobs(planner: ReminderPlanner, logger: Logger): Job[] {
  return [
    {
      name: 'reminders.daily',
      schedule: { every: 'day', hour: 20, minute: 0 },
      // a clock jump plans every day it passes; after a stop, only the latest (no burst of old reminders)
      catchUp: 'each',
      catchUpAtStart: 'latest',
      // a pregnancy and the newborn weeks fit in 400 days; a longer jump skips what is long past
      catchUpLimit: 400,
      async run(now) {
        const tomorrow = addDays(shanghaiDay(now), 1);
        // the windows that closed today: nothing can be booked for today any more
        const missed = await planner.markMissed(tomorrow, now);
        const r = await planner.planDay(tomorrow, now);
        logger.info({ missed, planned: r.planned, queued: r.queued }, 'reminders planned for tomorrow');
      },
    },
  ];
}
