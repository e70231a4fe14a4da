// The one way every proactive message is sent: written to the outbox in the transaction that
// causes it, then sent by the OutboxDispatcher. These types are shared by every producer.

/** 0 = she is waiting for it (waitlist offers, confirmations), 1 = notices (reminders, results), 2 = bulk (broadcasts). */
export type OutboxPriority = 0 | 1 | 2;

export interface OutboxItem {
  /** null: a message to staff (staffNotice.ts), not to a woman. */
  contactId: string | null;
  channel: string;
  externalId: string;
  text: string;
  priority: OutboxPriority;
  /** The same key is never queued twice (e.g. `waitlist-offer:<bookingId>`). */
  dedupeKey: string;
  /** Not sent before this instant (and never in quiet hours). */
  notBefore: Date;
  /** The bot account that sends it; default 'default'. */
  account?: string;
  /** How many send attempts before it is marked failed; default 5. */
  maxAttempts?: number;
}

/** The statuses of an outbox row: queued, sending, sent, delivered (an SMS its gateway reported delivered), failed, cancelled. */

/** Default bounded number of send attempts of one message (the column default). */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** What one dispatcher pass (or a catch-up) did. */
export interface DispatchReport {
  /** Handed to the channel and marked sent. */
  sent: number;
  /** Gave up after maxAttempts (or no channel for it). */
  failed: number;
  /** Not sent: she opted out, withdrew consent or no longer exists. */
  cancelled: number;
  /** A send failed and the message was put back with back-off. */
  retried: number;
  /** WeChat said the account sends too often: the message was put back, the account backs off. */
  throttled: number;
  /** The earliest instant at which something more could be sent (absent when nothing is queued). */
  nextDueAt?: Date;
}
