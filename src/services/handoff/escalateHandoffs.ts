// Requests nobody claimed within the profile's office minutes are escalated to the county, once:
// `escalatedAt` set by a conditional update (several processes may run the job: each request is
// escalated by one), audited as the system's. Idempotent. And the counts /readyz shows (no ids).
import type { Db } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { officeDeadline, type OfficeHours } from '../../domain/handoff/officeHours.js';
import type { WorkdayCalendar } from '../../domain/workdays/workingDays.js';
import { audit } from '../audit/audit.js';

const PAGE = 500;

export interface EscalationSettings {
  hours: OfficeHours;
  calendar: WorkdayCalendar;
  escalateAfterMinutes: number;
}

/** Escalates the open requests past their office-time deadline at `now`; returns how many this call escalated. */
export async function escalateUnclaimed(db: Db, s: EscalationSettings, now: Date): Promise<number> {
  let escalated = 0;
  let after: string | undefined;
  for (;;) {
    const page = await db.handoffRequest.findMany({
      where: { status: 'open', escalatedAt: null, createdAt: { lte: now }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, countyId: true, createdAt: true },
    });
    for (const r of page) {
      const due = officeDeadline(r.createdAt, s.escalateAfterMinutes, s.hours, s.calendar);
      if (!due || due.getTime() > now.getTime()) continue;
      const done = await runTransaction(db, async (tx) => {
        const moved = await tx.handoffRequest.updateMany({
          where: { id: r.id, status: 'open', escalatedAt: null },
          // (its version stays: a staff member claiming it meanwhile is not refused for it)
          data: { escalatedAt: now, updatedAt: now },
        });
        if (moved.count === 0) return false;
        await audit(tx, { by: 'system', action: 'handoff.escalate', objectType: 'handoff', objectId: r.id, countyId: r.countyId }, now);
        return true;
      });
      if (done) escalated++;
    }
    if (page.length < PAGE) return escalated;
    after = page[page.length - 1].id;
  }
}

/** The requests waiting, for /readyz (counts only). */
export async function handoffCounts(db: Db): Promise<{ open: number; claimed: number; escalated: number }> {
  const [open, claimed, escalated] = await Promise.all([
    db.handoffRequest.count({ where: { status: 'open' } }),
    db.handoffRequest.count({ where: { status: 'claimed' } }),
    db.handoffRequest.count({ where: { status: { in: ['open', 'claimed'] }, escalatedAt: { not: null } } }),
  ]);
  return { open, claimed, escalated };
}
