// Reading her pregnancies: the active one, the one a birth she reports ends, the latest, all.
import type { PregnancyContext } from './pregnancyContext.js';
import { findLapsedPregnancy, pregnancyView } from './pregnancyRows.js';
import type { PregnancyView } from './pregnancyTypes.js';

export async function activePregnancy(ctx: PregnancyContext, contactId: string): Promise<PregnancyView | undefined> {
  const p = await ctx.db.pregnancy.findUnique({ where: { activeKey: contactId } });
  return p ? pregnancyView(p) : undefined;
}

/** The pregnancy a birth she reports ends: the active one, or one closed after its due date with no birth reported. */
export async function pregnancyAwaitingBirth(ctx: PregnancyContext, contactId: string): Promise<PregnancyView | undefined> {
  const active = await activePregnancy(ctx, contactId);
  if (active) return active;
  const lapsed = await findLapsedPregnancy(ctx.db, contactId);
  return lapsed ? pregnancyView(lapsed) : undefined;
}

/** Her latest pregnancy, whatever its state (the newborn part follows a born one). */
export async function latestPregnancy(ctx: PregnancyContext, contactId: string): Promise<PregnancyView | undefined> {
  const p = await ctx.db.pregnancy.findFirst({ where: { contactId }, orderBy: { createdAt: 'desc' } });
  return p ? pregnancyView(p) : undefined;
}

/** Every pregnancy she registered, oldest first (for 我的信息). */
export async function allPregnancies(ctx: PregnancyContext, contactId: string): Promise<PregnancyView[]> {
  return (await ctx.db.pregnancy.findMany({ where: { contactId }, orderBy: { createdAt: 'asc' } })).map(pregnancyView);
}
