// After the birth: her consent as guardian starts the newborn reminders; her baby's death stops
// them; the newborn screens still needed for her latest baby.
import { runTransaction } from '../../db/transaction.js';
import { daysBetween, shanghaiDay } from '../../domain/calendarDay.js';
import { newbornScreenNeeded } from '../../domain/reminders/newbornAlerts.js';
import { cancelQueuedMessages } from '../outbox/enqueueMessage.js';
import type { PregnancyContext } from './pregnancyContext.js';
import { pregnancyView } from './pregnancyRows.js';
import type { NewbornAnswers, PregnancyView } from './pregnancyTypes.js';

/** The reason recorded on the newborn reminders cancelled when the baby died. */
export const BABY_DIED = 'baby died';

/** Her consent as guardian, with what she knows of the first newborn screens. */
export async function giveNewbornConsent(ctx: PregnancyContext, contactId: string, answers: NewbornAnswers, now: Date): Promise<PregnancyView | undefined> {
  return runTransaction(ctx.db, async (tx) => {
    const p = await tx.pregnancy.findFirst({ where: { contactId, status: 'born' }, orderBy: { createdAt: 'desc' } });
    if (!p) return undefined;
    const updated = await tx.pregnancy.update({
      where: { id: p.id },
      data: { guardianConsentAt: now, heelBloodDone: answers.heelBloodDone, hearingFirst: answers.hearingFirst, updatedAt: now },
    });
    await ctx.planner.reconcile(tx, contactId, now, ['newborn']);
    return pregnancyView(updated);
  });
}

/** Her baby died: the newborn reminders stop, and what she told about the baby's screens is forgotten. */
export async function stopNewbornReminders(ctx: PregnancyContext, contactId: string, now: Date): Promise<boolean> {
  return runTransaction(ctx.db, async (tx) => {
    const p = await tx.pregnancy.findFirst({ where: { contactId, status: 'born', guardianConsentAt: { not: null } }, orderBy: { createdAt: 'desc' } });
    if (!p) return false;
    await tx.pregnancy.update({ where: { id: p.id }, data: { guardianConsentAt: null, heelBloodDone: null, hearingFirst: null, updatedAt: now } });
    await cancelQueuedMessages(tx, { contactId, dedupeKeyPrefix: `newborn:${p.id}:` }, BABY_DIED, now);
    return true;
  });
}

/** The newborn screens still needed for her latest baby (for 做过了). */
export async function openNewbornScreens(ctx: PregnancyContext, contactId: string, now: Date): Promise<{ id: string; name: string }[]> {
  const p = await ctx.db.pregnancy.findFirst({ where: { contactId, status: 'born', guardianConsentAt: { not: null } }, orderBy: { createdAt: 'desc' } });
  if (!p?.birthDate) return [];
  const age = daysBetween(p.birthDate, shanghaiDay(now));
  return ctx
    .newborn()
    .filter((n) => age <= n.window.toDay && newbornScreenNeeded(n, p))
    .map((n) => ({ id: n.id, name: n.name }));
}
