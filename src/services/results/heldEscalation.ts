// Held results past their deadline (src/domain/results/holdDeadline.ts) are escalated to the county:
// `escalatedAt` set once, by a conditional update (two processes, or a run repeated, escalate it once),
// with a ResultEvent `escalated` by `system` in the same transaction. An escalated result stays held:
// the escalation tells the county (the staff list, /readyz, the job's log line), never her; a release
// or a told-in-person afterwards is recorded as usual.
import type { Db } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { heldBeforeIsOverdue, type HoldDeadline } from '../../domain/results/holdDeadline.js';

/** Who escalates: the service itself, not a person. */
export const SYSTEM_ACTOR = 'system';
/** How many are read at once. */
const PAGE = 200;

/** Escalates every held result past its deadline at `now`; returns how many this run escalated. */
export async function escalateOverdueResults(db: Db, deadline: HoldDeadline, now: Date): Promise<number> {
  const heldBefore = heldBeforeIsOverdue(now, deadline);
  const due = { status: 'held', escalatedAt: null, heldAt: { lt: heldBefore } };
  let escalated = 0;
  let after = '';
  for (;;) {
    const page = await db.screeningResult.findMany({ where: { ...due, id: { gt: after } }, orderBy: { id: 'asc' }, take: PAGE, select: { id: true } });
    for (const { id } of page) {
      const done = await runTransaction(db, async (tx) => {
        // (still held, not escalated and held before the cutoff: a release, another process or a
        // correction held again meanwhile leaves it be)
        const moved = await tx.screeningResult.updateMany({ where: { id, ...due }, data: { escalatedAt: now } });
        if (moved.count === 0) return false;
        await tx.resultEvent.create({ data: { resultId: id, kind: 'escalated', actor: SYSTEM_ACTOR, at: now } });
        return true;
      });
      if (done) escalated++;
    }
    if (page.length < PAGE) return escalated;
    after = page[page.length - 1].id;
  }
}

/** For /readyz: how many results wait for a person, and how many of them were escalated (counts only). */
export async function heldCounts(db: Db): Promise<{ held: number; escalated: number }> {
  const [held, escalated] = await Promise.all([
    db.screeningResult.count({ where: { status: 'held' } }),
    db.screeningResult.count({ where: { status: 'held', escalatedAt: { not: null } } }),
  ]);
  return { held, escalated };
}
