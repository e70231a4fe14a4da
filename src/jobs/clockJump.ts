// A jump of the simulator's clock: every job that would have run meanwhile runs, in time order,
// and what the outbox would have sent meanwhile is sent at its simulated time: what fell due before
// a job's run is sent before that job runs, so each job sees the world as it would have in real time.
import type { Logger } from '../support/logger.js';
import type { OutboxDispatcher } from '../services/outbox/OutboxDispatcher.js';
import type { JobScheduler } from './JobScheduler.js';

/** What fell due is sent before a job runs unless the last such send is this recent. */
const SEND_BEFORE_JOBS_GAP_MS = 30 * 60_000;

/**
 * `progress(at)` is told each time every job before `at` has run and what fell due before it was sent
 * (the simulator saves its clock there: a process killed during a long jump starts again from a
 * time whose work is done, never from the jump's end with the work between never done).
 */
export function clockJump(scheduler: JobScheduler, dispatcher: OutboxDispatcher, logger: Logger) {
  return async (from: Date, to: Date, progress?: (at: Date) => Promise<void>): Promise<void> => {
    let sentUntil = from;
    await scheduler.catchUp(from, to, async (at) => {
      // jobs close together (the evening's 19:50, 19:55 and 20:00) share one send-up-to
      if (at.getTime() - sentUntil.getTime() < SEND_BEFORE_JOBS_GAP_MS) return;
      try {
        await dispatcher.catchUp(sentUntil, at);
      } catch (err) {
        // a failed pass must not stop the jump: the jobs still run, what was not sent waits
        logger.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'outbox catch-up failed');
      }
      sentUntil = at;
      await progress?.(at);
    });
    await dispatcher.catchUp(sentUntil, to);
  };
}
