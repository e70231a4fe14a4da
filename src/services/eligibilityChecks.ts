// Her eligibility answers as kept (one row per check, written with the conversation turn).
import type { Db } from '../db/client.js';

/** Her latest answer for a programme, if any. */
export async function lastEligibilityCheck(db: Db, contactId: string, programme: string): Promise<{ eligible: boolean; checkedAt: Date } | undefined> {
  return (
    (await db.eligibilityCheck.findFirst({ where: { contactId, programme }, orderBy: { checkedAt: 'desc' }, select: { eligible: true, checkedAt: true } })) ??
    undefined
  );
}
