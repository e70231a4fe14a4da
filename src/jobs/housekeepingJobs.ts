// Housekeeping every half hour: contacts that never consented and have been silent for the configured
// time are deleted with their conversation state (and the simulator forgets their transcripts), and
// the counts of failed staff authentications whose window is long over are swept, and so are the
// hospital systems' request ids past their replay window, and the console sessions past their expiry.
import type { ContactService } from '../services/contactService.js';
import type { StaffAuthLimit } from '../services/staffAuthLimit.js';
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';

export function housekeepingJobs(
  o: {
    contacts: ContactService;
    purgeAfterHours: number;
    forget?: (channel: string, externalId: string) => void;
    authLimit?: StaffAuthLimit;
    /** Forgets hospital request ids past the replay window. */
    forgetRequests?: (now: Date) => Promise<number>;
    /** Deletes the console sessions past their expiry (on the real time, as their cookies). */
    sweepSessions?: () => Promise<number>;
  },
  logger: Logger,
): Job[] {
  return [
    {
      name: 'contacts.purgeUnconsented',
      schedule: { every: 'minutes', minutes: 30 },
      catchUp: 'latest',
      async run(now) {
        const { purged, deleted } = await o.contacts.purgeSilentUnconsented(new Date(now.getTime() - o.purgeAfterHours * 3600_000));
        for (const c of purged) o.forget?.(c.channel, c.externalId);
        // (how many only: nothing about who)
        if (deleted > 0) logger.info({ count: deleted }, 'silent contacts that never consented deleted');
      },
    },
    {
      // (what has outlived its window: authentication counts, hospital request ids)
      name: 'housekeeping.sweep',
      schedule: { every: 'minutes', minutes: 30 },
      catchUp: 'latest',
      async run(now) {
        // (each on its own: one failing does not keep the other from running)
        const [swept, forgot, sessions] = await Promise.allSettled([
          o.authLimit?.sweep() ?? Promise.resolve(0),
          o.forgetRequests?.(now) ?? Promise.resolve(0),
          o.sweepSessions?.() ?? Promise.resolve(0),
        ]);
        if (swept.status === 'fulfilled' && swept.value > 0) logger.info({ count: swept.value }, 'expired authentication counts swept');
        if (sessions.status === 'fulfilled' && sessions.value > 0) logger.info({ count: sessions.value }, 'expired console sessions swept');
        for (const r of [swept, forgot, sessions]) if (r.status === 'rejected') logger.error({ error: String(r.reason) }, 'housekeeping: a sweep failed');
      },
    },
  ];
}
