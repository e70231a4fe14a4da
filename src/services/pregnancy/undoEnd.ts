// 不是我 / 弄错了 the same day: a loss or a birth she told of today is undone. The pregnancy is active
// again, every message about it cancelled by that end is queued again at its own time, and the
// prenatal bookings the end released are returned for the conversation to offer again (through the
// booking service, with its capacity rules). One transaction.
import type { Pregnancy, Tx } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import type { PregnancyContext } from './pregnancyContext.js';
import { writeDueDateFact } from './pregnancyRows.js';
import { remarkAfterRedating } from './screeningMarks.js';

/** The reasons reportLoss.ts and reportBirth.ts record on the messages they cancel. */
const END_REASONS = ['pregnancy lost', 'born'];

export interface ReleasedBooking {
  hospitalId: string;
  serviceId: string;
  day: string;
  session: string;
}

export interface UndoableEnd {
  pregnancyId: string;
  ended: 'lost' | 'born' | 'redated';
}

/** Her active pregnancy re-dated today (its dating before kept): the re-dating she may undo. */
async function redatedToday(q: Tx | PregnancyContext['db'], contactId: string, now: Date): Promise<Pregnancy | undefined> {
  const p = await q.pregnancy.findUnique({ where: { activeKey: contactId } });
  return p && p.redatedFrom && p.redatedOn === shanghaiDay(now) ? p : undefined;
}

/** Puts back the dating before today's re-dating; its reminders move back with it (the planner reconciles). */
async function undoRedate(ctx: PregnancyContext, tx: Tx, p: Pregnancy, now: Date): Promise<void> {
  const before = JSON.parse(p.redatedFrom!) as { dueDate: string; datingFrom: string; ageOnDueDate: number | null };
  const restored = await tx.pregnancy.update({
    where: { id: p.id },
    data: { dueDate: before.dueDate, datingFrom: before.datingFrom, ageOnDueDate: before.ageOnDueDate, redatedFrom: null, redatedOn: null, updatedAt: now },
  });
  await remarkAfterRedating(tx, restored, ctx.prenatal(), now);
  await writeDueDateFact(tx, p.contactId, before.dueDate, now);
  await ctx.planner.reconcile(tx, p.contactId, now);
}

/**
 * Her pregnancy ended (lost or born) by what she told today, and nothing registered since: the end
 * she may undo. Not a birth told without a registered pregnancy (there was nothing to end).
 */
async function endedToday(q: Tx | PregnancyContext['db'], contactId: string, now: Date): Promise<Pregnancy | undefined> {
  const p = await q.pregnancy.findFirst({ where: { contactId }, orderBy: { createdAt: 'desc' } });
  if (!p || (p.status !== 'lost' && p.status !== 'born') || p.datingFrom === 'birth') return undefined;
  // the end was told today: a birth's endedOn is the day she told it; a loss may name an earlier day,
  // and nothing changes a lost pregnancy after (updatedAt: every change writes it with the service's clock)
  const today = shanghaiDay(now);
  if (p.status === 'born' ? p.endedOn !== today : shanghaiDay(p.updatedAt) !== today) return undefined;
  if (await q.pregnancy.findUnique({ where: { activeKey: contactId }, select: { id: true } })) return undefined;
  return p;
}

export async function undoableEnd(ctx: PregnancyContext, contactId: string, now: Date): Promise<UndoableEnd | undefined> {
  const p = await endedToday(ctx.db, contactId, now);
  if (p) return { pregnancyId: p.id, ended: p.status as UndoableEnd['ended'] };
  const redated = await redatedToday(ctx.db, contactId, now);
  return redated && { pregnancyId: redated.id, ended: 'redated' };
}

/** Undoes the end told today; undefined when there is none to undo (the next day, or already undone). */
export async function undoEnd(
  ctx: PregnancyContext,
  contactId: string,
  now: Date,
): Promise<{ ended: UndoableEnd['ended']; released: ReleasedBooking[] } | undefined> {
  return runTransaction(ctx.db, async (tx) => {
    const p = await endedToday(tx, contactId, now);
    if (!p) {
      const redated = await redatedToday(tx, contactId, now);
      if (!redated) return undefined;
      await undoRedate(ctx, tx, redated, now);
      return { ended: 'redated' as const, released: [] };
    }
    await tx.pregnancy.update({
      where: { id: p.id },
      data: {
        status: 'active',
        activeKey: contactId,
        endedOn: null,
        birthDate: null,
        guardianConsentAt: null,
        heelBloodDone: null,
        hearingFirst: null,
        updatedAt: now,
      },
    });
    // the messages the end cancelled, at their own times (a day already over: worded for today, or dropped, by review)
    await tx.outboxMessage.updateMany({
      where: { contactId, dedupeKey: { startsWith: `preg:${p.id}:` }, status: 'cancelled', lastError: { in: END_REASONS } },
      data: { status: 'queued', lastError: null, attempts: 0 },
    });
    await writeDueDateFact(tx, contactId, p.dueDate, now);
    // the prenatal bookings the end released (in its transaction, at its instant)
    const released = await tx.booking.findMany({
      where: { contactId, status: 'cancelled', cancelledAt: p.updatedAt, serviceId: { in: ctx.prenatal().map((s) => s.id) } },
      orderBy: [{ day: 'asc' }, { session: 'asc' }, { serviceId: 'asc' }],
    });
    await ctx.planner.reconcile(tx, contactId, now);
    return {
      ended: p.status as 'lost' | 'born',
      released: released.map((b) => ({ hospitalId: b.hospitalId, serviceId: b.serviceId, day: b.day, session: b.session })),
    };
  });
}
