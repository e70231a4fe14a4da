// A periodic job that does its work in one call returning how many things it did, and logs that
// count when it did any (sweeps, expiries, escalations): the shape most of the jobs have. Idempotent
// work only: after a clock jump or a stop, one run at the latest missed time does all that is due.
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';
import type { Schedule } from './schedule.js';

export function sweepJob(
  name: string,
  schedule: Schedule,
  work: (now: Date) => Promise<number>,
  report: { logger: Logger; level?: 'info' | 'warn'; message: string },
): Job {
  return {
    name,
    schedule,
    catchUp: 'latest',
    async run(now) {
      const count = await work(now);
      // (how many only: never who or what)
      if (count > 0) report.logger[report.level ?? 'info']({ count }, report.message);
    },
  };
}
