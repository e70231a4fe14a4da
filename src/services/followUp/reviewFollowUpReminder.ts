// A follow-up reminder waiting in the outbox (queued at 09:30, sent as her account's pacing allows) is
// looked at again just before it goes: if staff marked the case booked, done or closed meanwhile, or
// she booked the step herself, it is cancelled rather than telling her to do what is already arranged.
import type { Db } from '../../db/client.js';
import { FOLLOW_UP_REMINDER_PREFIX } from '../outbox/bookingNews.js';

/** undefined: not a follow-up reminder (another reviewer's); else cancel with the reason, or send. */
export async function reviewFollowUpReminder(db: Db, dedupeKey: string): Promise<{ cancel?: string } | undefined> {
  if (!dedupeKey.startsWith(FOLLOW_UP_REMINDER_PREFIX)) return undefined;
  const caseId = dedupeKey.slice(FOLLOW_UP_REMINDER_PREFIX.length).split(':')[0];
  const c = await db.followUpCase.findUnique({ where: { id: caseId }, select: { bookedAt: true, doneAt: true, closedAt: true } });
  if (!c) return { cancel: 'follow-up case gone' };
  if (c.closedAt) return { cancel: 'follow-up case closed' };
  if (c.doneAt) return { cancel: 'follow-up step done' };
  if (c.bookedAt) return { cancel: 'follow-up step booked' };
  return {};
}
