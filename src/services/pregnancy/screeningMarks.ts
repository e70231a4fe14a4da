// Writing a pregnancy's screening marks (missed | done) outside the evening job: after a re-dating
// (windows may have opened again or closed already) and when a late registrant says whether she had
// a screening whose window closed before she registered. Inside the caller's transaction.
import type { Tx } from '../../db/client.js';
import type { Pregnancy } from '../../db/client.js';
import { addDays, shanghaiDay } from '../../domain/calendarDay.js';
import { windowOf, type AlertScreening } from '../../domain/reminders/prenatalAlerts.js';
import { redatedMarks } from '../../domain/reminders/redatedMarks.js';
import { SILENCING_STATUSES } from '../reminders/planPrenatal.js';

/**
 * After a re-dating: a window marked missed may be open again (the mark goes), one that was open
 * may have closed already (it is marked now; staff see it, a fallback scan may follow).
 */
export async function remarkAfterRedating(tx: Tx, p: Pregnancy, screenings: readonly AlertScreening[], now: Date): Promise<void> {
  const lmp = addDays(p.dueDate, -280);
  const marks = await tx.pregnancyScreening.findMany({ where: { pregnancyId: p.id }, select: { screeningId: true, status: true } });
  const booked = await tx.booking.findMany({
    where: { contactId: p.contactId, serviceId: { in: screenings.map((s) => s.id) }, status: { in: SILENCING_STATUSES }, day: { gte: lmp } },
    select: { serviceId: true },
  });
  const change = redatedMarks({
    screenings,
    dueDate: p.dueDate,
    today: shanghaiDay(now),
    registeredOn: p.registeredOn,
    marks: new Map(marks.map((m) => [m.screeningId, m.status])),
    booked: new Set(booked.map((b) => b.serviceId)),
    facts: { ageOnDueDate: p.ageOnDueDate, twins: p.twins, referred: p.referred },
  });
  if (change.drop.length > 0) await tx.pregnancyScreening.deleteMany({ where: { pregnancyId: p.id, status: 'missed', screeningId: { in: change.drop } } });
  for (const a of change.add) {
    await tx.pregnancyScreening.create({ data: { pregnancyId: p.id, screeningId: a.screeningId, status: 'missed', day: a.closedOn, createdAt: now } });
  }
}

/** Marks a screening of a pregnancy done or missed on `day`, replacing an earlier mark. */
export async function writeMark(tx: Tx, pregnancyId: string, screeningId: string, status: 'done' | 'missed', day: string, now: Date): Promise<void> {
  await tx.pregnancyScreening.upsert({
    where: { pregnancyId_screeningId: { pregnancyId, screeningId } },
    create: { pregnancyId, screeningId, status, day, createdAt: now },
    update: { status, day },
  });
}

/** What a late registrant said of a screening whose window closed: done (today) or missed (on its window's last day). */
export function markEarlier(tx: Tx, p: Pregnancy, s: AlertScreening, status: 'done' | 'missed', now: Date): Promise<void> {
  return writeMark(tx, p.id, s.id, status, status === 'done' ? shanghaiDay(now) : windowOf(s, p.dueDate).to, now);
}
