// The hand-off inbox's periodic jobs: every five minutes, requests nobody claimed within the
// profile's office minutes are escalated to the county (once each, by a conditional update: safe in
// several processes); every night, chat lines older than the profile's days are deleted. Both are
// idempotent; after a clock jump or a stop, one run at the latest missed time does all that is due.
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';

export function handoffJobs(o: { escalate: (now: Date) => Promise<number>; sweep: (now: Date) => Promise<number> }, logger: Logger): Job[] {
  return [
    {
      name: 'handoff.escalate',
      schedule: { every: 'minutes', minutes: 5 },
      catchUp: 'latest',
      async run(now) {
        const n = await o.escalate(now);
        // (how many only: staff read which in GET /api/staff/handoffs?escalated=true)
        if (n > 0) logger.warn({ count: n }, 'requests for staff not claimed in time escalated to the county');
      },
    },
    {
      name: 'handoff.sweepChatLines',
      schedule: { every: 'day', hour: 3, minute: 20 },
      catchUp: 'latest',
      async run(now) {
        const n = await o.sweep(now);
        if (n > 0) logger.info({ count: n }, 'old chat lines deleted');
      },
    },
  ];
}
