// One account's share of a dispatcher pass: claim its next due message, check she still wants it,
// take the account's send permission, send, mark. Repeats while pacing allows (usually once).
import type { MessageSender } from './senderPort.js';
import { isBookingNews } from './bookingNews.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import type { Db, Provider } from '../../db/client.js';
import type { Logger } from '../../support/logger.js';
import type { OutboxSettings } from './outboxSettings.js';
import type { DispatchReport } from './outboxTypes.js';
import { claimNextMessage, markAttemptFailed, markCancelled, markSent, releaseMessage, requeueThrottled, type ClaimedMessage } from './outboxRows.js';
import { accountReadyAt, takeSendPermission, throttleSendAccount, type AccountState } from './sendAccounts.js';
import { describeSendError, isThrottleError } from './sendErrors.js';

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
   * Why a message is no longer to be sent when its turn comes, if so (a timed reminder whose cause
   * changed, or whose day is over): it is cancelled with that reason.
   */
  staleReason?: (m: ClaimedMessage, now: Date) => Promise<string | undefined>;
}

export type Counts = Omit<DispatchReport, 'nextDueAt'>;

/** Why a message must not be sent to her any more, if so. */
async function cancelReason(ctx: DispatchContext, m: ClaimedMessage, now: Date): Promise<string | undefined> {
  if (!m.contactId) return 'cancelled: no contact';
  const c = await ctx.db.contact.findUnique({ where: { id: m.contactId }, select: { subscribed: true, consent: true } });
  if (!c) return 'cancelled: contact no longer exists';
  // 退订 stops reminders and campaign notices, never news about a booking she holds
  if (!c.subscribed && !isBookingNews(m.dedupeKey)) return 'cancelled: unsubscribed';
  if (c.consent !== 'given') return `cancelled: consent ${c.consent}`;
  const stale = await ctx.staleReason?.(m, now);
  return stale ? `cancelled: ${stale}` : undefined;
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

    const reason = await cancelReason(ctx, m, now);
    if (reason) {
      await markCancelled(db, m, processId, reason);
      counts.cancelled++;
      logger.info({ ...log, reason }, 'outbox message cancelled');
      continue;
    }

    const channel = ctx.channels.get(m.channel);
    if (!channel) {
      const status = await markAttemptFailed(db, m, processId, now, `no channel "${m.channel}" in this process`, s);
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
      await channel.send(m.externalId, m.text, now);
    } catch (err) {
      const error = describeSendError(err, m);
      if (isThrottleError(err)) {
        const until = new Date(now.getTime() + s.throttleBackoffMs);
        await throttleSendAccount(db, account, now, until);
        await requeueThrottled(db, m, processId, `throttled: ${error}`);
        counts.throttled++;
        logger.warn({ ...log, backoffUntil: until.toISOString() }, 'account throttled by the network: backing off');
        return;
      }
      const status = await markAttemptFailed(db, m, processId, now, error, s);
      counts[status === 'failed' ? 'failed' : 'retried']++;
      logger.warn({ ...log, attempts: m.attempts + 1, status, error }, 'outbox send failed');
      continue;
    }

    try {
      await ctx.beforeMarkSent?.(m.id);
      await markSent(db, m, processId, now);
      counts.sent++;
      logger.info(log, 'outbox message sent');
    } catch (err) {
      // Sent but not marked: the claim expires and it is sent again (at most this one message repeats).
      logger.error({ ...log, error: describeSendError(err, m) }, 'could not mark a sent outbox message');
      return;
    }
  }
}
