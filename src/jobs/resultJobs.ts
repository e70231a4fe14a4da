// The results' periodic job: every hour, the held results past their deadline are escalated to the
// county (heldEscalation.ts). Idempotent and safe in several processes (each is escalated once, by a
// conditional update); after a clock jump or a stop, one run at the latest missed time escalates
// everything overdue by then.
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';

export function resultJobs(o: { escalateOverdue: (now: Date) => Promise<number> }, logger: Logger): Job[] {
  return [
    {
      name: 'results.escalateHeld',
      // (a deadline ends at midnight: the first run after it escalates; every hour, so a run missed
      // by a restart is made up within the hour)
      schedule: { every: 'minutes', minutes: 60 },
      catchUp: 'latest',
      async run(now) {
        const n = await o.escalateOverdue(now);
        // (how many only: staff read which in GET /api/staff/results?escalated=true)
        if (n > 0) logger.warn({ count: n }, 'held results past their deadline escalated to the county');
      },
    },
  ];
}
