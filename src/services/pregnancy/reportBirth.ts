// The birth: the pregnancy ends as born, its prenatal messages and bookings end; the newborn
// reminders start once she agrees as guardian (newbornScreens.ts). A birth she tells of without a
// registered pregnancy is kept as a born pregnancy so the newborn reminders can follow.
import crypto from 'node:crypto';
import { runTransaction } from '../../db/transaction.js';
import { addDays, daysBetween, shanghaiDay } from '../../domain/calendarDay.js';
import { cancelQueuedMessages } from '../outbox/enqueueMessage.js';
import type { PregnancyContext } from './pregnancyContext.js';
import { endPrenatalBookings, findLapsedPregnancy, pregnancyView } from './pregnancyRows.js';
import type { RecordBirthOnlyResult, ReportBirthResult } from './pregnancyTypes.js';

/** A birth more than a year ago is not one to report now. */
const MAX_BIRTH_AGO_DAYS = 366;
/** A birth 20 weeks or more before the due date is not a birth this pregnancy can have had. */
const MIN_BIRTH_BEFORE_DUE_DAYS = 20 * 7;

export async function reportBirth(ctx: PregnancyContext, contactId: string, birthDate: string, now: Date): Promise<ReportBirthResult> {
  const today = shanghaiDay(now);
  if (birthDate > today || daysBetween(birthDate, today) > MAX_BIRTH_AGO_DAYS) return { ok: false, reason: 'implausible' };
  return runTransaction(ctx.db, async (tx) => {
    const p = (await tx.pregnancy.findUnique({ where: { activeKey: contactId } })) ?? (await findLapsedPregnancy(tx, contactId));
    if (!p) return { ok: false as const, reason: 'none' as const };
    if (birthDate < addDays(p.dueDate, -MIN_BIRTH_BEFORE_DUE_DAYS)) return { ok: false as const, reason: 'implausible' as const };
    // a baby born after the pregnancy was closed is not this pregnancy's
    if (p.status === 'lapsed' && p.endedOn && birthDate > p.endedOn) return { ok: false as const, reason: 'none' as const };
    const updated = await tx.pregnancy.update({ where: { id: p.id }, data: { status: 'born', activeKey: null, birthDate, endedOn: today, updatedAt: now } });
    await cancelQueuedMessages(tx, { contactId, dedupeKeyPrefix: `preg:${p.id}:` }, 'born', now);
    // a prenatal screening still booked is not needed any more: its seat goes back, no reminder of it is sent
    await endPrenatalBookings(tx, ctx, contactId, 'born', now);
    await ctx.planner.reconcile(tx, contactId, now);
    return { ok: true as const, pregnancy: pregnancyView(updated) };
  });
}

/**
 * A birth she tells of without having registered the pregnancy: kept as a born pregnancy (the due
 * date is not known: the birth date stands for it) so that the newborn reminders can follow, while
 * the newborn screens are still ahead (`withinDays` of the birth).
 */
export async function recordBirthOnly(
  ctx: PregnancyContext,
  contactId: string,
  birthDate: string,
  now: Date,
  withinDays: number,
): Promise<RecordBirthOnlyResult> {
  const today = shanghaiDay(now);
  if (birthDate > today) return { ok: false, reason: 'implausible' };
  if (daysBetween(birthDate, today) > withinDays) return { ok: false, reason: 'too_late' };
  return runTransaction(ctx.db, async (tx) => {
    if (await tx.pregnancy.findUnique({ where: { activeKey: contactId }, select: { id: true } })) return { ok: false as const, reason: 'exists' as const };
    const p = await tx.pregnancy.create({
      data: {
        id: crypto.randomUUID(),
        contactId,
        status: 'born',
        activeKey: null,
        dueDate: birthDate,
        datingFrom: 'birth',
        registeredOn: today,
        birthDate,
        endedOn: today,
        createdAt: now,
      },
    });
    return { ok: true as const, pregnancy: pregnancyView(p) };
  });
}
