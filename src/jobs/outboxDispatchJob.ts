// The outbox dispatcher as a periodic job: a safety net beside the dispatcher's own real-time loop.
// After a clock jump the scheduler runs it once at the end ('latest'); sending the backlog at its
// paced simulated times is OutboxDispatcher.catchUp, which the app calls for jumps.
import type { OutboxDispatcher } from '../services/outbox/OutboxDispatcher.js';
import type { Job } from './JobScheduler.js';

export function outboxDispatchJob(dispatcher: Pick<OutboxDispatcher, 'runOnce'>): Job {
  return {
    name: 'outbox.dispatch',
    schedule: { every: 'minutes', minutes: 1 },
    catchUp: 'latest',
    async run(now) {
      await dispatcher.runOnce(now);
    },
  };
}
