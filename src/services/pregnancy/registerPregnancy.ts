// Registering her pregnancy (one active pregnancy per woman) and re-dating it (an early
// ultrasound): the due date must be plausible today, and every pending reminder moves with it.
import crypto from 'node:crypto';
import { runTransaction } from '../../db/transaction.js';
import { addDays, shanghaiDay } from '../../domain/calendarDay.js';
import type { BirthDateFact } from '../../domain/parse/birthDateFact.js';
import { keptAgeOnDueDate } from '../../domain/pregnancy/ageOnDueDate.js';
import { plausibleDueDate } from '../../domain/pregnancy/plausibleDueDate.js';
import type { PregnancyContext } from './pregnancyContext.js';
import { pregnancyView, writeDueDateFact } from './pregnancyRows.js';
import type { RedateResult, RegisterInput, RegisterResult } from './pregnancyTypes.js';
import { remarkAfterRedating } from './screeningMarks.js';

/** The due date her answers give: a longer regular cycle moves it later (domain.md §2). */
export function adjustedDueDate(input: RegisterInput): string {
  if (input.datingFrom === 'lastPeriod' && input.cycleDays && input.cycleDays > 28) return addDays(input.dueDate, input.cycleDays - 28);
  return input.dueDate;
}

export async function registerPregnancy(ctx: PregnancyContext, contactId: string, input: RegisterInput, now: Date): Promise<RegisterResult> {
  const today = shanghaiDay(now);
  const dueDate = adjustedDueDate(input);
  if (!plausibleDueDate(dueDate, today)) return { ok: false, reason: 'implausible' };
  return runTransaction(ctx.db, async (tx) => {
    if (await tx.pregnancy.findUnique({ where: { activeKey: contactId }, select: { id: true } })) return { ok: false as const, reason: 'exists' as const };
    const p = await tx.pregnancy.create({
      data: {
        id: crypto.randomUUID(),
        contactId,
        status: 'active',
        activeKey: contactId,
        dueDate,
        datingFrom: input.datingFrom,
        cycleDays: input.cycleDays ?? null,
        twins: input.twins ?? false,
        ageOnDueDate: input.birthDate ? keptAgeOnDueDate(input.birthDate, dueDate) : null,
        registeredOn: today,
        createdAt: now,
      },
    });
    await writeDueDateFact(tx, contactId, dueDate, now);
    await ctx.planner.reconcile(tx, contactId, now);
    return { ok: true as const, pregnancy: pregnancyView(p) };
  });
}

/** A new due date (an early ultrasound): every pending reminder moves with it. */
export async function redatePregnancy(ctx: PregnancyContext, contactId: string, dueDate: string, now: Date, birthDate?: BirthDateFact): Promise<RedateResult> {
  if (!plausibleDueDate(dueDate, shanghaiDay(now))) return { ok: false, reason: 'implausible' };
  return runTransaction(ctx.db, async (tx) => {
    const p = await tx.pregnancy.findUnique({ where: { activeKey: contactId } });
    if (!p) return { ok: false as const, reason: 'none' as const };
    const updated = await tx.pregnancy.update({
      where: { id: p.id },
      data: {
        dueDate,
        datingFrom: 'corrected',
        ageOnDueDate: birthDate ? keptAgeOnDueDate(birthDate, dueDate) : p.ageOnDueDate,
        // what it was, for an undo the same day (the first dating of the day, when she redates twice)
        redatedFrom:
          p.redatedOn === shanghaiDay(now) ? p.redatedFrom : JSON.stringify({ dueDate: p.dueDate, datingFrom: p.datingFrom, ageOnDueDate: p.ageOnDueDate }),
        redatedOn: shanghaiDay(now),
      },
    });
    await remarkAfterRedating(tx, updated, ctx.prenatal(), now);
    await writeDueDateFact(tx, contactId, dueDate, now);
    await ctx.planner.reconcile(tx, contactId, now);
    return { ok: true as const, before: p.dueDate, pregnancy: pregnancyView(updated) };
  });
}
