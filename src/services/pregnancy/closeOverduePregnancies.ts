// Pregnancies long past their due date with no birth reported are closed ('lapsed'): she is no
// longer taken to be pregnant (eligibility asks again, 登记孕期 starts a new one), her due date is
// forgotten, and a birth she reports later still ends this pregnancy (PregnancyService.reportBirth).
// Idempotent and safe in several processes: each page is claimed by a conditional update.
import type { Db } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { addDays } from '../../domain/calendarDay.js';

const PAGE = 500;

/**
 * Of `days`, those with a pregnancy to close: from the day after the earliest active due date plus
 * `afterDays` on (one read for all of them; a clock jump skips the others).
 */
export async function daysWithOverduePregnancies(db: Db, days: readonly string[], afterDays: number): Promise<string[]> {
  const earliest = await db.pregnancy.findFirst({ where: { status: 'active' }, orderBy: { dueDate: 'asc' }, select: { dueDate: true } });
  return earliest ? days.filter((day) => addDays(day, -afterDays) > earliest.dueDate) : [];
}

/** Closes the pregnancies active on `day` whose due date is more than `afterDays` before it. Returns how many. */
export async function closeOverduePregnancies(db: Db, day: string, afterDays: number): Promise<number> {
  const dueBefore = addDays(day, -afterDays);
  let closed = 0;
  for (;;) {
    const page = await db.pregnancy.findMany({
      where: { status: 'active', dueDate: { lt: dueBefore } },
      select: { id: true, contactId: true },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    if (page.length === 0) return closed;
    closed += await runTransaction(db, async (tx) => {
      const ids = page.map((p) => p.id);
      const r = await tx.pregnancy.updateMany({ where: { id: { in: ids }, status: 'active' }, data: { status: 'lapsed', activeKey: null, endedOn: day } });
      // (only those closed here: a birth reported meanwhile keeps its row and facts as they are)
      const closedNow = await tx.pregnancy.findMany({ where: { id: { in: ids }, status: 'lapsed', endedOn: day }, select: { contactId: true } });
      await tx.fact.deleteMany({ where: { contactId: { in: closedNow.map((p) => p.contactId) }, key: 'dueDate' } });
      return r.count;
    });
  }
}
