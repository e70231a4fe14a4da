// The hand-off inbox's periodic jobs: every five minutes, requests nobody claimed within the
// profile's office minutes are escalated to the county (once each, by a conditional update: safe in
// several processes; staff read which in GET /api/staff/handoffs?escalated=true); every night, chat
// lines older than the profile's days are deleted.
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';
import { sweepJob } from './sweepJob.js';

export function handoffJobs(o: { escalate: (now: Date) => Promise<number>; sweep: (now: Date) => Promise<number> }, logger: Logger): Job[] {
  return [
    sweepJob('handoff.escalate', { every: 'minutes', minutes: 5 }, o.escalate, {
      logger,
      level: 'warn',
      message: 'requests for staff not claimed in time escalated to the county',
    }),
    sweepJob('handoff.sweepChatLines', { every: 'day', hour: 3, minute: 20 }, o.sweep, { logger, message: 'old chat lines deleted' }),
  ];
}
