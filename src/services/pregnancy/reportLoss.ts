// The pregnancy was lost: it ends (on the day she named, or today), every message about it is cancelled and its screenings'
// bookings are released, in one transaction.
import { runTransaction } from '../../db/transaction.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { cancelQueuedMessages } from '../outbox/enqueueMessage.js';
import type { PregnancyContext } from './pregnancyContext.js';
import { endPrenatalBookings } from './pregnancyRows.js';

const LOST = 'pregnancy lost';

/**
 * Returns whether she had a pregnancy registered, and how many bookings were released. `endedOn`:
 * the day she said it ended (not after today); today otherwise.
 */
export async function reportLoss(ctx: PregnancyContext, contactId: string, now: Date, endedOn?: string): Promise<{ ended: boolean; bookingsReleased: number }> {
  const today = shanghaiDay(now);
  return runTransaction(ctx.db, async (tx) => {
    const p = await tx.pregnancy.findUnique({ where: { activeKey: contactId } });
    if (p) {
      await tx.pregnancy.update({
        where: { id: p.id },
        data: { status: 'lost', activeKey: null, endedOn: endedOn && endedOn <= today ? endedOn : today, updatedAt: now },
      });
      await cancelQueuedMessages(tx, { contactId, dedupeKeyPrefix: `preg:${p.id}:` }, LOST, now);
    }
    // not registered, she may still have booked a prenatal visit (the booking asks her dating itself):
    // it ends too, with the due date she gave for it
    const bookingsReleased = await endPrenatalBookings(tx, ctx, contactId, LOST, now);
    await tx.fact.deleteMany({ where: { contactId, key: 'dueDate' } });
    await ctx.planner.reconcile(tx, contactId, now);
    return { ended: p !== null, bookingsReleased };
  });
}
