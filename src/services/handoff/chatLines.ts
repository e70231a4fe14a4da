// Her chat lines: her messages and the bot's replies in her private chat, recorded after she
// consented only (design invariant 4), for the staff who take her hand-off request; staff replies
// are written by the hand-off service. Deleted with her (cascade) and swept after the profile's days.
// Never logged.
import type { Db, Tx } from '../../db/client.js';

export type ChatLineFrom = 'woman' | 'bot' | 'staff';

export interface ChatLineWrite {
  from: ChatLineFrom;
  text: string;
  accountId?: string;
}

/** Records the lines of one turn at `now`, in order (lines of one instant read back in the order written: by id). */
export async function recordChatLines(db: Db | Tx, contactId: string, lines: readonly ChatLineWrite[], now: Date): Promise<void> {
  if (lines.length === 0) return;
  await db.chatLine.createMany({
    data: lines.map((l) => ({ contactId, from: l.from, text: l.text, accountId: l.accountId ?? null, at: now })),
  });
}

/** Her lines, oldest first (the last `take`). */
export async function chatLinesOf(
  db: Db | Tx,
  contactId: string,
  take = 200,
): Promise<{ id: string; from: string; text: string; accountId: string | null; at: Date }[]> {
  const rows = await db.chatLine.findMany({
    where: { contactId },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take,
    select: { id: true, from: true, text: true, accountId: true, at: true },
  });
  return rows.reverse();
}

/** Deletes every chat line older than `keepDays` days; returns how many. */
export async function sweepChatLines(db: Db, keepDays: number, now: Date): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 24 * 3600_000);
  return (await db.chatLine.deleteMany({ where: { at: { lt: before } } })).count;
}
