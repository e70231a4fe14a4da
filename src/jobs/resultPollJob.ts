// The result poll: every minute, each hospital's laboratory system whose next poll time has come is
// asked for new results (ResultPoller: the connector's own interval, back-off and claim). A tick
// never throws out of the job: a failure is the connector's state, shown in /readyz.
import type { ResultPoller } from '../services/results/poll/ResultPoller.js';
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';

export function resultPollJob(poller: ResultPoller, logger: Logger): Job {
  return {
    name: 'results.poll',
    schedule: { every: 'minutes', minutes: 1 },
    // (the cursor is in the database: one poll after a jump catches up by itself)
    catchUp: 'latest',
    async run(now) {
      try {
        await poller.pollDue(now);
      } catch (err) {
        logger.error({ reason: 'poll_tick_failed', error: (err as Error)?.name }, 'result poll tick failed');
      }
    },
  };
}
