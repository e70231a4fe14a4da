// The reminder planner's jobs: every evening it queues tomorrow's timed messages (before the quiet
// hours, so a failure is seen the same evening); every night it marks the screenings whose window
// closed yesterday as missed. Both are idempotent and safe in several processes.
import type { Logger } from '../app/logger.js';
import { addDays, shanghaiDay } from '../domain/calendarDay.js';
import type { ReminderPlanner } from '../services/reminders/ReminderPlanner.js';
import type { Job } from './JobScheduler.js';

export function reminderJobs(planner: ReminderPlanner, logger: Logger): Job[] {
  return [
    {
      name: 'reminders.planTomorrow',
      schedule: { every: 'day', hour: 20, minute: 0 },
      // a clock jump plans every day it passes; after a stop, only the latest (no burst of old reminders)
      catchUp: 'each',
      catchUpAtStart: 'latest',
      async run(now) {
        const r = await planner.planDay(addDays(shanghaiDay(now), 1), now);
        logger.info({ planned: r.planned, queued: r.queued }, 'reminders planned for tomorrow');
      },
    },
    {
      name: 'reminders.markMissed',
      schedule: { every: 'day', hour: 0, minute: 10 },
      catchUp: 'each',
      async run(now) {
        const n = await planner.markMissed(shanghaiDay(now), now);
        if (n > 0) logger.info({ count: n }, 'screenings marked missed');
      },
    },
  ];
}
