// One account's share of a dispatcher pass: claim its next due message, check she still wants it,
// take the account's send permission, send, mark. Repeats while pacing allows (usually once).
import { ChannelRejectedError, ChannelThrottledError, type MessageSender } from './senderPort.js';
import { isBookingNews } from './bookingNews.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import type { Db, Provider } from '../../db/client.js';
import type { Logger } from '../../support/logger.js';
import type { OutboxSettings } from './outboxSettings.js';
import type { DispatchReport } from './outboxTypes.js';
import {
  claimNextMessage,
  markAttemptFailed,
  markCancelled,
  markRejected,
  markSent,
  releaseMessage,
  requeueThrottled,
  type ClaimedMessage,
} from './outboxRows.js';
import { accountReadyAt, takeSendPermission, throttleSendAccount, type AccountState } from './sendAccounts.js';
import { describeSendError, isThrottleError } from './sendErrors.js';
import { isStaffNotice } from './staffNotice.js';

/** Safety bound on sends of one account in one pass (pacing normally allows one). */
const MAX_PER_ACCOUNT_PER_PASS = 50;

export interface DispatchContext {
  db: Db;
  provider: Provider;
  channels: ReadonlyMap<string, MessageSender>;
  logger: Logger;
  processId: string;
  settings: Required<OutboxSettings>;
  random: () => number;
  beforeMarkSent?: (messageId: string) => void | Promise<void>;
  /**
   * Asked when a message's turn comes: `cancel` (a timed reminder whose cause changed, or that no
   * longer makes sense after its day) cancels it with that reason; `text` sends other words (a late
   * reminder worded for today); `settle` runs once it is sent or cancelled.
   */
  review?: (m: ClaimedMessage, now: Date) => Promise<MessageReview>;
  /** A message that failed for good (its attempts used up): what was merged into it goes out on its own. */
  failedForGood?: (m: ClaimedMessage) => Promise<unknown>;
}

/** What `review` decided for a message (see ReminderPlanner.review). */
export interface MessageReview {
  cancel?: string;
  /** What the log says of the cancel (reason codes only: no screening she is due for). Default: `cancel`. */
  logReason?: string;
  text?: string;
  settle?: () => Promise<void>;
}

export type Counts = Omit<DispatchReport, 'nextDueAt'>;

/** Whether the message is still to be sent to her, and with which words. */
async function reviewMessage(ctx: DispatchContext, m: ClaimedMessage, now: Date): Promise<MessageReview> {
  if (isStaffNotice(m)) return prefixCancel((await ctx.review?.(m, now)) ?? {});
  if (!m.contactId) return { cancel: 'cancelled: no contact' };
  const c = await ctx.db.contact.findUnique({ where: { id: m.contactId }, select: { subscribed: true, consent: true } });
  if (!c) return { cancel: 'cancelled: contact no longer exists' };
  // 退订 stops reminders and campaign notices, never news about a booking she holds
  if (!c.subscribed && !isBookingNews(m.dedupeKey)) return { cancel: 'cancelled: unsubscribed' };
  if (c.consent !== 'given') return { cancel: `cancelled: consent ${c.consent}` };
  return prefixCancel((await ctx.review?.(m, now)) ?? {});
}

const prefixCancel = (r: MessageReview): MessageReview => (r.cancel ? { ...r, cancel: `cancelled: ${r.cancel}` } : r);

/** Runs a review's `settle` once the message is sent or cancelled; a failure is logged, never re-sends. */
async function settle(ctx: DispatchContext, review: MessageReview, log: object): Promise<void> {
  try {
    await review.settle?.();
  } catch (err) {
    ctx.logger.error({ ...log, error: err instanceof Error ? err.message : String(err) }, 'could not record what a late message left out');
  }
}

function jitterMs(ctx: DispatchContext): number {
  const r = ctx.random();
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0;
  return unit * ctx.settings.maxJitterMs;
}

export async function dispatchAccount(ctx: DispatchContext, account: string, state: AccountState | undefined, now: Date, counts: Counts): Promise<void> {
  const { db, settings: s, processId, logger } = ctx;
  let local = state;
  for (let n = 0; n < MAX_PER_ACCOUNT_PER_PASS; n++) {
    if (accountReadyAt(local, now, s).getTime() > now.getTime()) return;
    const m = await claimNextMessage(db, ctx.provider, account, processId, now, s.claimTtlMs);
    if (!m) return;
    const log = { messageId: m.id, account, channel: m.channel };

    const review = await reviewMessage(ctx, m, now);
    if (review.cancel) {
      await markCancelled(db, m, processId, review.cancel);
      await settle(ctx, review, log);
      counts.cancelled++;
      logger.info({ ...log, reason: review.logReason ?? review.cancel }, 'outbox message cancelled');
      continue;
    }
    const text = review.text ?? m.text;

    const channel = ctx.channels.get(m.channel);
    if (!channel) {
      const status = await markAttemptFailed(db, m, processId, now, `no channel "${m.channel}" in this process`, s);
      if (status === 'failed') await ctx.failedForGood?.(m);
      counts[status === 'failed' ? 'failed' : 'retried']++;
      logger.warn({ ...log, status }, 'outbox message for a channel this process does not have');
      continue;
    }
    if (channel.status().state !== 'online') {
      // not an attempt: the channel is logging in or down; the message waits
      await releaseMessage(db, m, processId);
      return;
    }

    const jitter = jitterMs(ctx);
    if (!(await takeSendPermission(db, account, now, jitter, s))) {
      await releaseMessage(db, m, processId); // another process sent for this account meanwhile
      return;
    }
    const day = shanghaiDay(now);
    local = {
      account,
      lastSentAt: now,
      backoffUntil: new Date(now.getTime() + s.minIntervalMs + jitter),
      day,
      sentToday: (local?.day === day ? local.sentToday : 0) + 1,
    };

    try {
      await channel.send(m.externalId, text, now, { messageId: m.id });
    } catch (err) {
      const error = describeSendError(err, m);
      if (isThrottleError(err)) {
        const wait = err instanceof ChannelThrottledError && err.retryAfterMs !== undefined ? err.retryAfterMs : s.throttleBackoffMs;
        const until = new Date(now.getTime() + wait);
        await throttleSendAccount(db, account, now, until);
        await requeueThrottled(db, m, processId, `throttled: ${error}`);
        counts.throttled++;
        logger.warn({ ...log, backoffUntil: until.toISOString() }, 'account throttled by the network: backing off');
        return;
      }
      // (refused for good, e.g. not a valid mobile number: no retry)
      const status =
        err instanceof ChannelRejectedError ? await markRejected(db, m, processId, error) : await markAttemptFailed(db, m, processId, now, error, s);
      if (status === 'failed') await ctx.failedForGood?.(m);
      counts[status === 'failed' ? 'failed' : 'retried']++;
      logger.warn({ ...log, attempts: m.attempts + 1, status, error }, 'outbox send failed');
      continue;
    }

    try {
      await ctx.beforeMarkSent?.(m.id);
      await markSent(db, m, processId, now, text !== m.text ? text : undefined);
      await settle(ctx, review, log);
      counts.sent++;
      logger.info(log, 'outbox message sent');
    } catch (err) {
      // Sent but not marked: the claim expires and it is sent again (at most this one message repeats).
      logger.error({ ...log, error: describeSendError(err, m) }, 'could not mark a sent outbox message');
      return;
    }
  }
}
