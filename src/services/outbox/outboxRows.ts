// The state changes of one outbox row. A row is claimed by one atomic statement; every later change
// is conditional on the claim still being ours (status 'sending', claimedBy = this process).
import type { Db, Provider } from '../../db/client.js';

export interface ClaimedMessage {
  id: string;
  contactId: string | null;
  channel: string;
  externalId: string;
  account: string;
  text: string;
  dedupeKey: string;
  notBefore: Date;
  attempts: number;
  maxAttempts: number;
}

interface RawClaimed {
  id: string;
  contactId: string | null;
  channel: string;
  externalId: string;
  account: string;
  text: string;
  dedupeKey: string;
  notBefore: Date | string;
  attempts: number | bigint;
  maxAttempts: number | bigint;
}

/**
 * Claims the next message of `account` due at `now`: queued with notBefore <= now, or left 'sending'
 * past its claimedUntil by a process that died between send and mark. Order: priority, notBefore,
 * createdAt. PostgreSQL skips rows another process is claiming (FOR UPDATE SKIP LOCKED); SQLite has
 * one writer, so the single UPDATE … RETURNING is atomic.
 */
export async function claimNextMessage(
  db: Db,
  provider: Provider,
  account: string,
  processId: string,
  now: Date,
  claimTtlMs: number,
): Promise<ClaimedMessage | undefined> {
  const until = new Date(now.getTime() + claimTtlMs);
  const rows =
    provider === 'postgres'
      ? await db.$queryRaw<RawClaimed[]>`
          UPDATE "OutboxMessage"
          SET "status" = 'sending', "claimedBy" = ${processId}, "claimedUntil" = ${until}
          WHERE "id" = (
            SELECT "id" FROM "OutboxMessage"
            WHERE "account" = ${account}
              AND (("status" = 'queued' AND "notBefore" <= ${now}) OR ("status" = 'sending' AND "claimedUntil" < ${now}))
            ORDER BY "priority", "notBefore", "createdAt", "id"
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
          RETURNING "id", "contactId", "channel", "externalId", "account", "text", "dedupeKey", "notBefore", "attempts", "maxAttempts"`
      : await db.$queryRaw<RawClaimed[]>`
          UPDATE "OutboxMessage"
          SET "status" = 'sending', "claimedBy" = ${processId}, "claimedUntil" = ${until}
          WHERE "id" = (
            SELECT "id" FROM "OutboxMessage"
            WHERE "account" = ${account}
              AND (("status" = 'queued' AND "notBefore" <= ${now}) OR ("status" = 'sending' AND "claimedUntil" < ${now}))
            ORDER BY "priority", "notBefore", "createdAt", "id"
            LIMIT 1)
          AND (("status" = 'queued' AND "notBefore" <= ${now}) OR ("status" = 'sending' AND "claimedUntil" < ${now}))
          RETURNING "id", "contactId", "channel", "externalId", "account", "text", "dedupeKey", "notBefore", "attempts", "maxAttempts"`;
  const r = rows[0];
  if (!r) return undefined;
  // raw rows: SQLite gives the date as its ISO text, PostgreSQL as a Date
  return { ...r, notBefore: new Date(r.notBefore), attempts: Number(r.attempts), maxAttempts: Number(r.maxAttempts) };
}

const ours = (m: ClaimedMessage, processId: string) => ({ id: m.id, status: 'sending', claimedBy: processId });

/** Gives a claimed message back untouched (the account may not send now). */
export async function releaseMessage(db: Db, m: ClaimedMessage, processId: string): Promise<void> {
  await db.outboxMessage.updateMany({ where: ours(m, processId), data: { status: 'queued', claimedBy: null, claimedUntil: null } });
}

/** Puts a throttled message back without counting an attempt. */
export async function requeueThrottled(db: Db, m: ClaimedMessage, processId: string, reason: string): Promise<void> {
  await db.outboxMessage.updateMany({
    where: ours(m, processId),
    data: { status: 'queued', claimedBy: null, claimedUntil: null, lastError: reason },
  });
}

/** `text`: the words it went out with, when they were not its own (a late reminder re-worded). */
export async function markSent(db: Db, m: ClaimedMessage, processId: string, at: Date, text?: string): Promise<boolean> {
  const r = await db.outboxMessage.updateMany({
    where: ours(m, processId),
    data: { status: 'sent', sentAt: at, claimedBy: null, claimedUntil: null, ...(text !== undefined ? { text } : {}) },
  });
  return r.count === 1;
}

export async function markCancelled(db: Db, m: ClaimedMessage, processId: string, reason: string): Promise<void> {
  await db.outboxMessage.updateMany({
    where: ours(m, processId),
    data: { status: 'cancelled', lastError: reason, claimedBy: null, claimedUntil: null },
  });
}

/** The network refused it for good (an invalid number): failed now, whatever attempts are left. */
export async function markRejected(db: Db, m: ClaimedMessage, processId: string, error: string): Promise<'failed'> {
  await db.outboxMessage.updateMany({
    where: ours(m, processId),
    data: { status: 'failed', attempts: m.attempts + 1, lastError: `rejected: ${error}`, claimedBy: null, claimedUntil: null },
  });
  return 'failed';
}

/**
 * Counts a failed attempt: back to 'queued' with notBefore moved by the back-off, or 'failed' once
 * maxAttempts is reached. Returns the new status.
 */
export async function markAttemptFailed(
  db: Db,
  m: ClaimedMessage,
  processId: string,
  now: Date,
  error: string,
  backoff: { backoffBaseMs: number; maxBackoffMs: number },
): Promise<'queued' | 'failed'> {
  const attempts = m.attempts + 1;
  if (attempts >= m.maxAttempts) {
    await db.outboxMessage.updateMany({
      where: ours(m, processId),
      data: { status: 'failed', attempts, lastError: error, claimedBy: null, claimedUntil: null },
    });
    return 'failed';
  }
  await db.outboxMessage.updateMany({
    where: ours(m, processId),
    data: {
      status: 'queued',
      attempts,
      lastError: error,
      notBefore: new Date(now.getTime() + backoffDelayMs(attempts, backoff)),
      claimedBy: null,
      claimedUntil: null,
    },
  });
  return 'queued';
}

/** backoffBaseMs · 2^(attempts-1), at most maxBackoffMs. */
export function backoffDelayMs(attempts: number, b: { backoffBaseMs: number; maxBackoffMs: number }): number {
  const exp = Math.min(Math.max(attempts - 1, 0), 40);
  return Math.min(b.backoffBaseMs * 2 ** exp, b.maxBackoffMs);
}

/** Per account: the earliest instant one of its messages becomes claimable. */
export async function earliestDuePerAccount(db: Db, accounts?: readonly string[]): Promise<Map<string, Date>> {
  const accountFilter = accounts ? { account: { in: [...accounts] } } : {};
  const [queued, sending] = await Promise.all([
    db.outboxMessage.groupBy({ by: ['account'], where: { status: 'queued', ...accountFilter }, _min: { notBefore: true } }),
    db.outboxMessage.groupBy({ by: ['account'], where: { status: 'sending', ...accountFilter }, _min: { claimedUntil: true } }),
  ]);
  const out = new Map<string, Date>();
  const put = (account: string, at: Date | null | undefined) => {
    if (!at) return;
    const prev = out.get(account);
    if (!prev || at.getTime() < prev.getTime()) out.set(account, at);
  };
  for (const q of queued) put(q.account, q._min.notBefore);
  // a claim is taken over strictly after claimedUntil
  for (const s of sending) put(s.account, s._min.claimedUntil ? new Date(s._min.claimedUntil.getTime() + 1) : null);
  return out;
}
