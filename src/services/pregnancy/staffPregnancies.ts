// Staff: a pregnancy referred for prenatal diagnosis (or not any more), and the screenings marked
// missed, to follow up.
import { runTransaction } from '../../db/transaction.js';
import type { PregnancyContext } from './pregnancyContext.js';
import { pregnancyView } from './pregnancyRows.js';
import type { MissedScreening, PregnancyView } from './pregnancyTypes.js';

export async function setReferred(ctx: PregnancyContext, pregnancyId: string, referred: boolean, now: Date): Promise<PregnancyView | undefined> {
  return runTransaction(ctx.db, async (tx) => {
    const p = await tx.pregnancy.findUnique({ where: { id: pregnancyId } });
    if (!p) return undefined;
    const updated = await tx.pregnancy.update({ where: { id: p.id }, data: { referred, updatedAt: now } });
    await ctx.planner.reconcile(tx, p.contactId, now, ['prenatal']);
    return pregnancyView(updated);
  });
}

/** Screenings marked missed between two days (inclusive), oldest first. */
export async function missedScreenings(ctx: PregnancyContext, from: string, to: string, take: number): Promise<MissedScreening[]> {
  const rows = await ctx.db.pregnancyScreening.findMany({
    where: { status: 'missed', day: { gte: from, lte: to } },
    orderBy: [{ day: 'asc' }, { pregnancyId: 'asc' }, { screeningId: 'asc' }],
    take,
    select: {
      screeningId: true,
      day: true,
      pregnancy: { select: { id: true, dueDate: true, status: true, contact: { select: { id: true, channel: true, externalId: true } } } },
    },
  });
  const names = new Map(ctx.prenatal().map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    pregnancyId: r.pregnancy.id,
    screeningId: r.screeningId,
    screening: names.get(r.screeningId) ?? r.screeningId,
    windowClosedOn: r.day,
    dueDate: r.pregnancy.dueDate,
    pregnancyStatus: r.pregnancy.status,
    contact: { id: r.pregnancy.contact.id, channel: r.pregnancy.contact.channel, externalId: r.pregnancy.contact.externalId },
  }));
}
