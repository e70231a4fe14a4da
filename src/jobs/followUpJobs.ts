// Follow-up cases, every morning: the cases overdue by the profile's days are escalated to county
// staff, and women are reminded of their next step (sent in the day, outside the quiet hours).
// Idempotent and safe in several processes (FollowUpDaily); after a stop or a clock jump, one run
// catches up: an escalation is still marked, a missed reminder day is made up once, never in a burst.
import type { FollowUpDaily } from '../services/followUp/followUpDaily.js';
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';

export function followUpJobs(daily: FollowUpDaily, logger: Logger): Job[] {
  return [
    {
      name: 'followUp.daily',
      schedule: { every: 'day', hour: 9, minute: 30 },
      catchUp: 'latest',
      async run(now) {
        const escalated = await daily.escalate(now);
        const reminded = await daily.remind(now);
        if (escalated > 0 || reminded > 0) logger.info({ escalated, reminded }, 'follow-up cases escalated and reminded');
      },
    },
  ];
}
