// The one way every proactive message is sent: written to the outbox in the transaction that
// causes it, then sent by the OutboxDispatcher. These types are shared by every producer.

/** 0 = she is waiting for it (waitlist offers, confirmations), 1 = notices (reminders, results), 2 = bulk (broadcasts). */
export type OutboxPriority = 0 | 1 | 2;

export interface OutboxItem {
  contactId: string;
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
}
