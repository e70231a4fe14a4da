// The reminder she may be answering: the screenings named by the prenatal alert last sent to her
// (NT快可以做了: dedupe key preg:<pregnancyId>:<day>:nt.soon, several joined by +). Her reply to it
// (收到了 给我约下礼拜三) means that screening when her words name none (flows/README.md).
import type { Db } from '../../db/client.js';

/** How long a reminder is what her words answer: a reply days later is a new request. */
const ANSWERED_WITHIN_MS = 2 * 24 * 3600 * 1000;

/** The screening ids of a prenatal alert's dedupe key (none for any other message). */
export function screeningsOfKey(dedupeKey: string): string[] {
  const [kind, , , set] = dedupeKey.split(':');
  if (kind !== 'preg' || !set) return [];
  const ids = set.split('+').map((a) => (a.includes('.') ? a.slice(0, a.indexOf('.')) : ''));
  return ids.every(Boolean) ? [...new Set(ids)] : [];
}

/** The screenings of the last message sent to her, when it is a prenatal alert sent in the last two days. */
export async function remindedScreenings(db: Db, contactId: string, now: Date): Promise<string[]> {
  const last = await db.outboxMessage.findFirst({
    where: { contactId, status: { in: ['sent', 'delivered'] }, sentAt: { gte: new Date(now.getTime() - ANSWERED_WITHIN_MS), lte: now } },
    orderBy: { sentAt: 'desc' },
    select: { dedupeKey: true },
  });
  return last ? screeningsOfKey(last.dedupeKey) : [];
}
