// The outbox dispatcher (paced per bot account) and the periodic jobs, with the clock jump that
// replays both in time order.
import os from 'node:os';
import type { Channel } from '../channels/channel.js';
import { secretFromEnv, type Config } from '../config/config.js';
import type { DataFiles } from '../config/loadDataFiles.js';
import { bookingJobs } from '../jobs/bookingJobs.js';
import { clockJump } from '../jobs/clockJump.js';
import { housekeepingJobs } from '../jobs/housekeepingJobs.js';
import { forgetOldRequests } from '../services/results/hospitalClients.js';
import { sweepSessions } from '../services/staff/sessionStore.js';
import { idleConversationJob } from '../jobs/idleConversationJob.js';
import { JobScheduler } from '../jobs/JobScheduler.js';
import { reminderJobs } from '../jobs/reminderJobs.js';
import { resultJobs } from '../jobs/resultJobs.js';
import { missingYears, missingYearsWarning } from '../domain/workdays/workingDays.js';
import { escalateOverdueResults } from '../services/results/heldEscalation.js';
import { followUpJobs } from '../jobs/followUpJobs.js';
import { resultPollJob } from '../jobs/resultPollJob.js';
import { botAccountJobs } from '../jobs/botAccountJobs.js';
import { reviewFollowUpReminder } from '../services/followUp/reviewFollowUpReminder.js';
import { handoffJobs } from '../jobs/handoffJobs.js';
import { escalateUnclaimed } from '../services/handoff/escalateHandoffs.js';
import { sweepChatLines } from '../services/handoff/chatLines.js';
import { sweepAudit } from '../services/audit/audit.js';
import { sweepJob } from '../jobs/sweepJob.js';
import { pollConnectors } from '../services/results/poll/pollConnectors.js';
import { readPollHealth } from '../services/results/poll/pollHealth.js';
import { ResultPoller } from '../services/results/poll/ResultPoller.js';
import { OutboxDispatcher } from '../services/outbox/OutboxDispatcher.js';
import { closeOverduePregnancies, daysWithOverduePregnancies } from '../services/pregnancy/closeOverduePregnancies.js';
import type { Logger } from '../support/logger.js';
import type { StaffAuthLimit } from '../services/staffAuthLimit.js';
import type { Services } from './buildServices.js';
import { SMS_ACCOUNT, type SmsChannel } from '../channels/sms/SmsChannel.js';
import { reviewBotAlert } from '../services/botAccounts/botAccountAlerts.js';
import type { AccountPacing } from '../services/outbox/OutboxDispatcher.js';

/** The SMS gateway's pacing: a pause of a second, no jitter, its own daily cap; a 429 waits a minute unless it says how long. */
const SMS_PACING = (config: Config): AccountPacing => ({ minIntervalMs: 1000, maxJitterMs: 0, dailyCap: config.SMS_DAILY_CAP, throttleBackoffMs: 60_000 });

export function buildJobs(
  config: Config,
  files: DataFiles,
  s: Services,
  o: { senders: Channel[]; sms?: SmsChannel; logger: Logger; authLimit?: StaffAuthLimit; forget?: (channel: string, externalId: string) => void },
) {
  const { profile } = files;
  const { db } = s;
  const { logger } = o;
  const smsOffered = o.sms?.offered ?? false;
  const dispatcher = new OutboxDispatcher({
    db,
    provider: s.dbHandle.provider,
    channels: new Map(o.senders.map((c) => [c.name, c])),
    logger,
    // a timed reminder whose cause changed while it waited is cancelled; one whose day is over is
    // worded for today, or dropped when it no longer makes sense
    // (a follow-up reminder whose case was booked, done or closed since it was queued is not sent)
    // (an SMS to administrators about a bot account is not sent once the account is fine again)
    review: async (m, now) => (await reviewBotAlert(db, m.dedupeKey, now)) ?? (await reviewFollowUpReminder(db, m.dedupeKey)) ?? s.planner.review(m, now),
    failedForGood: (m) => s.planner.messageFailed(m.id),
    processId: config.PROCESS_ID ?? `${os.hostname()}:${process.pid}`,
    // this process's WeChat account, and the SMS gateway's (shared by every process, paced as one)
    accounts: [config.BOT_ACCOUNT, ...(smsOffered ? [SMS_ACCOUNT] : [])],
    accountSettings: new Map([[SMS_ACCOUNT, SMS_PACING(config)]]),
    settings: {
      minIntervalMs: config.OUTBOX_MIN_INTERVAL_SECONDS * 1000,
      maxJitterMs: config.OUTBOX_MAX_JITTER_SECONDS * 1000,
      dailyCap: config.OUTBOX_DAILY_CAP,
      quietStartHour: profile.messaging.quietStartHour,
      quietEndHour: profile.messaging.quietEndHour,
      claimTtlMs: 5 * 60_000,
      backoffBaseMs: 60_000,
      maxBackoffMs: 60 * 60_000,
      throttleBackoffMs: config.OUTBOX_THROTTLE_BACKOFF_HOURS * 3600_000,
    },
  });
  const closeAfterDays = profile.reminders.afterDueDate.closeAfterDays;
  // held results past their deadline go to the county; a year without its holiday calendar counts
  // Monday to Friday, and whoever runs the service is told (here and in /readyz)
  const { holdDeadline } = s;
  const noCalendar = missingYearsWarning(missingYears(s.clock.now(), files.workdays));
  if (holdDeadline && noCalendar) logger.warn({ workdays: noCalendar }, 'add the State Council holiday notice to profiles/calendar/workdays.yaml');
  // results fetched from the hospitals' laboratory systems (a county hospital's resultPoll); a
  // connector without its credentials variable is reported and left off, start-up goes on
  const connectors = pollConnectors(files.county, files.resultMappings, (variable) => secretFromEnv(variable));
  for (const c of connectors) {
    if (c.off)
      logger.warn({ hospitalId: c.hospitalId, reason: c.off.reason, variable: c.off.variable }, 'result poll off: its credentials variable is not set');
  }
  if (connectors.length > 0 && !s.results) logger.warn({ reason: 'no_results_section' }, 'result polls off: the profile has no results section');
  const poller =
    s.results && connectors.length > 0 ? new ResultPoller(db, s.results, connectors, { clock: s.clock, logger, idNumbers: !!s.identity }) : undefined;
  const pollsSince = s.clock.now();
  const { handoff } = profile;
  const scheduler = new JobScheduler(
    db,
    [
      idleConversationJob(s.store, config.CONVERSATION_IDLE_MINUTES, logger),
      ...housekeepingJobs(
        {
          contacts: s.contacts,
          purgeAfterHours: config.UNCONSENTED_PURGE_HOURS,
          forget: o.forget,
          authLimit: o.authLimit,
          forgetRequests: (now) => forgetOldRequests(db, now),
          sweepSessions: () => sweepSessions(db),
        },
        logger,
      ),
      ...bookingJobs(s.booking, s.capacity, logger),
      ...reminderJobs(
        s.planner,
        { close: (day) => closeOverduePregnancies(db, day, closeAfterDays), daysWithAny: (days) => daysWithOverduePregnancies(db, days, closeAfterDays) },
        logger,
      ),
      ...(holdDeadline ? resultJobs({ escalateOverdue: (now) => escalateOverdueResults(db, holdDeadline, now) }, logger) : []),
      ...(s.followUp ? followUpJobs(s.followUp.daily, logger) : []),
      ...(poller ? [resultPollJob(poller, logger)] : []),
      ...botAccountJobs(
        {
          db,
          wechat: o.senders.find((c) => c.name === 'wechat'),
          account: config.BOT_ACCOUNT,
          countyId: files.county.id,
          dailyCap: config.OUTBOX_DAILY_CAP,
          // administrators told by SMS where a gateway has the template
          alerts: {
            countyId: files.county.id,
            countyName: files.county.name,
            ...(o.sms?.canSend('botAccountAlert') ? { sms: { phones: config.ALERT_SMS_PHONES } } : {}),
          },
        },
        logger,
      ),
      ...(handoff
        ? handoffJobs(
            {
              escalate: (now) => escalateUnclaimed(db, { hours: handoff, calendar: files.workdays, escalateAfterMinutes: handoff.escalateAfterMinutes }, now),
              sweep: (now) => sweepChatLines(db, handoff.keepChatDays, now),
            },
            logger,
          )
        : []),
      sweepJob('audit.sweep', { every: 'day', hour: 3, minute: 40 }, (now) => sweepAudit(db, profile.audit.keepMonths, now), {
        logger,
        message: 'audit entries past the retention period deleted',
      }),
    ],
    s.clock,
    logger,
  );
  // the dispatcher is not a scheduler job: it sends in real time (start) and, after a clock jump,
  // everything due meanwhile at its paced simulated times, in time order with the jobs
  return {
    dispatcher,
    scheduler,
    catchUp: clockJump(scheduler, dispatcher, logger),
    // each connector's health for /readyz
    resultPolls: poller ? () => readPollHealth(db, connectors, s.clock.now(), pollsSince) : undefined,
  };
}
