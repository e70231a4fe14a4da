// One baby or twins corrected after registering (刚才双胞胎那个按错哒 只怀了一个): some screenings and
// their reminders depend on it, so her timed messages are brought in line in the same transaction.
import { runTransaction } from '../../db/transaction.js';
import type { PregnancyContext } from './pregnancyContext.js';

/** Sets whether her active pregnancy is twins: `none` without one, `same` when it already says so. */
export async function setTwins(ctx: PregnancyContext, contactId: string, twins: boolean, now: Date): Promise<'changed' | 'same' | 'none'> {
  return runTransaction(ctx.db, async (tx) => {
    const p = await tx.pregnancy.findUnique({ where: { activeKey: contactId } });
    if (!p) return 'none' as const;
    if (p.twins === twins) return 'same' as const;
    await tx.pregnancy.update({ where: { id: p.id }, data: { twins } });
    await ctx.planner.reconcile(tx, contactId, now);
    return 'changed' as const;
  });
}
