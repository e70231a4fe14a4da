// What she says about her screenings: one is done (its alerts stop), or, when she registers late,
// whether a screening whose window closed before (NT) was done or missed.
import { runTransaction } from '../../db/transaction.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { closedPrerequisite } from '../../domain/reminders/prenatalAlerts.js';
import type { PregnancyContext } from './pregnancyContext.js';
import type { EarlierScreening } from './pregnancyTypes.js';
import { markEarlier, writeMark } from './screeningMarks.js';

/** She says a screening (prenatal, or a newborn screen) is done: its alerts stop. */
/** `doneOn`: the day she says it was done (default today). */
export async function markScreeningDone(ctx: PregnancyContext, contactId: string, screeningId: string, now: Date, doneOn?: string): Promise<boolean> {
  return runTransaction(ctx.db, async (tx) => {
    const p = await tx.pregnancy.findFirst({ where: { contactId, status: { in: ['active', 'born'] } }, orderBy: { createdAt: 'desc' } });
    if (!p) return false;
    const newborn = ctx.newborn().find((n) => n.id === screeningId);
    if (newborn) {
      await tx.pregnancy.update({
        where: { id: p.id },
        data: newborn.skipWhen === 'heelBloodDone' ? { heelBloodDone: true, updatedAt: now } : { hearingFirst: 'passed', updatedAt: now },
      });
    } else {
      await writeMark(tx, p.id, screeningId, 'done', doneOn ?? shanghaiDay(now), now);
    }
    await ctx.planner.reconcile(tx, contactId, now, ['prenatal', 'newborn']);
    return true;
  });
}

/** A screening to ask her about when she registers late (its window closed, a follow-up depends on it), unless marked already. */
export async function earlierScreeningToAsk(ctx: PregnancyContext, contactId: string, now: Date): Promise<EarlierScreening | undefined> {
  const p = await ctx.db.pregnancy.findUnique({ where: { activeKey: contactId }, include: { screenings: true } });
  if (!p) return undefined;
  const earlier = closedPrerequisite(ctx.prenatal(), p.dueDate, shanghaiDay(now));
  if (!earlier || p.screenings.some((m) => m.screeningId === earlier.id)) return undefined;
  return { id: earlier.id, name: earlier.name, opensDay: earlier.opensDay, closesDay: earlier.closesDay };
}

/**
 * What she says, when she registers late, about a screening whose window closed before (NT): done,
 * or missed (then what the programme offers after a missed one follows, e.g. Henan's fallback scan).
 */
export async function recordEarlierScreening(ctx: PregnancyContext, contactId: string, screeningId: string, done: boolean, now: Date): Promise<boolean> {
  const screening = ctx.prenatal().find((s) => s.id === screeningId);
  if (!screening) return false;
  return runTransaction(ctx.db, async (tx) => {
    const p = await tx.pregnancy.findUnique({ where: { activeKey: contactId } });
    if (!p) return false;
    await markEarlier(tx, p, screening, done ? 'done' : 'missed', now);
    await ctx.planner.reconcile(tx, contactId, now, ['prenatal']);
    return true;
  });
}
