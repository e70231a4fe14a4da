// Her eligibility answers as kept (one row per check, written with the conversation turn).
import type { Db } from '../db/client.js';
import { RESCREEN_CHECK_PREFIX } from './results/rescreenAfterResult.js';

/**
 * Her latest answer for a programme, if any. A row a normal result wrote (it plans her re-screening
 * reminder) is not an answer of hers: it never stands for her answers when she books.
 */
export async function lastEligibilityCheck(db: Db, contactId: string, programme: string): Promise<{ eligible: boolean; checkedAt: Date } | undefined> {
  return (
    (await db.eligibilityCheck.findFirst({
      where: { contactId, programme, NOT: { id: { startsWith: RESCREEN_CHECK_PREFIX } } },
      orderBy: { checkedAt: 'desc' },
      select: { eligible: true, checkedAt: true },
    })) ?? undefined
  );
}
