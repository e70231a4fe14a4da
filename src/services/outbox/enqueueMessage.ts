// Writing into the outbox, always inside the caller's transaction: the message exists if and only if
// the change that caused it was committed (invariant 2). A dedupe key never queues the same message twice.
import type { Db, Tx } from '../../db/client.js';
import { join, sql } from '../../db/sql.js';
import { BOOKING_NEWS_KEY_PREFIXES } from './bookingNews.js';
import { outboxId } from './outboxId.js';
import { DEFAULT_MAX_ATTEMPTS, type OutboxItem } from './outboxTypes.js';

/**
 * Queues one message in the caller's transaction (or directly on the client). Returns false, changing
 * nothing, when a message with the same dedupeKey exists; that case is an `ON CONFLICT DO NOTHING`, so it
 * never aborts the caller's PostgreSQL transaction.
 */
export async function enqueueMessage(tx: Tx | Db, item: OutboxItem, now: Date): Promise<boolean> {
  return (await enqueueMessages(tx, [item], now)) === 1;
}

/** Rows per INSERT statement (13 parameters each: well under SQLite's and PostgreSQL's limits). */
const ROWS_PER_STATEMENT = 200;

/**
 * Queues many messages in the caller's transaction, a few hundred rows per statement (the reminder
 * planner queues tens of thousands a day). Rows whose dedupeKey exists are skipped; returns how many
 * were queued.
 */
export async function enqueueMessages(tx: Tx | Db, items: readonly OutboxItem[], now: Date): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) {
    const rows = items.slice(i, i + ROWS_PER_STATEMENT).map((item) => {
      const maxAttempts = item.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('enqueueMessage: maxAttempts must be a positive integer');
      if (![0, 1, 2].includes(item.priority)) throw new Error('enqueueMessage: priority must be 0, 1 or 2');
      if (!item.dedupeKey) throw new Error('enqueueMessage: dedupeKey is required');
      // Dates go through the driver adapter's own formatting (ISO-8601 text on SQLite, timestamp on
      // PostgreSQL), exactly as Prisma writes them, so Prisma reads these rows back unchanged.
      return sql`(${outboxId(now)}, ${item.contactId}, ${item.channel}, ${item.externalId}, ${item.account ?? 'default'},
        ${item.text}, ${item.priority}, ${item.dedupeKey}, 'queued', ${item.notBefore}, 0, ${maxAttempts}, ${now})`;
    });
    // one Sql object built whole (a template on `tx` would not flatten these rows on the PostgreSQL client)
    inserted += await tx.$executeRaw(sql`
      INSERT INTO "OutboxMessage"
        ("id", "contactId", "channel", "externalId", "account", "text", "priority", "dedupeKey", "status",
         "notBefore", "attempts", "maxAttempts", "createdAt")
      VALUES ${join(rows)}
      ON CONFLICT ("dedupeKey") DO NOTHING`);
  }
  return inserted;
}

export interface CancelWhere {
  contactId?: string;
  dedupeKeyPrefix?: string;
  /** Leave news about a booking she holds queued (退订: it is still sent, see bookingNews.ts). */
  keepBookingNews?: boolean;
}

/**
 * Cancels the still-queued messages matching `where` (all conditions given must hold), e.g. every
 * pending message of a woman who withdrew, or the reminders of a cancelled booking
 * (`dedupeKeyPrefix: 'reminder:<bookingId>:'`). Messages being sent or already sent are left alone.
 * Returns how many were cancelled. `now` is accepted for symmetry with enqueue (no column records it).
 */
export async function cancelQueuedMessages(tx: Tx | Db, where: CancelWhere, reason: string, _now: Date): Promise<number> {
  if (where.contactId === undefined && where.dedupeKeyPrefix === undefined) {
    throw new Error('cancelQueuedMessages: give a contactId or a dedupeKeyPrefix');
  }
  if (where.dedupeKeyPrefix === '') throw new Error('cancelQueuedMessages: an empty dedupeKeyPrefix would match everything');
  const result = await tx.outboxMessage.updateMany({
    where: {
      status: 'queued',
      ...(where.contactId !== undefined ? { contactId: where.contactId } : {}),
      ...(where.dedupeKeyPrefix !== undefined ? { dedupeKey: { startsWith: where.dedupeKeyPrefix } } : {}),
      ...(where.keepBookingNews ? { NOT: BOOKING_NEWS_KEY_PREFIXES.map((p) => ({ dedupeKey: { startsWith: p } })) } : {}),
    },
    data: { status: 'cancelled', lastError: reason.slice(0, 200), claimedBy: null, claimedUntil: null },
  });
  return result.count;
}
