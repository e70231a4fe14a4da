// Screenings missed: a window that closed yesterday with nothing booked, offered or done, for a
// pregnancy registered before it closed and a screening the programme offers her. Staff follow
// these up (GET /api/staff/pregnancies/missed). Idempotent: a screening is marked once. One read
// per page for all screenings: the pregnancies due on the few dates whose windows closed yesterday.
import { join, sql } from '../../db/sql.js';
import type { Db } from '../../db/client.js';
import { addDays } from '../../domain/calendarDay.js';
import { dueDateWithWindowClosedBefore, screeningApplies, type AlertScreening } from '../../domain/reminders/prenatalAlerts.js';
import { groupBy } from './groupBy.js';
import { pageByDueDate } from './pageByDueDate.js';
import { yieldToEventLoop } from './yieldToEventLoop.js';
import { SILENCING_STATUSES } from './planPrenatal.js';
import type { ReminderConfig } from './reminderTypes.js';

export async function markMissedScreenings(db: Db, cfg: ReminderConfig, day: string, now: Date, pageSize: number): Promise<number> {
  const closedOn = addDays(day, -1);
  const closingByDue = groupBy(cfg.prenatal, (s) => dueDateWithWindowClosedBefore(s, day));
  let marked = 0;
  let after: string | undefined;
  for (;;) {
    const page = await pageByDueDate([...closingByDue.keys()], { after, take: pageSize }, (where, take) =>
      db.pregnancy.findMany({
        where: { status: 'active', registeredOn: { lte: closedOn }, ...where },
        orderBy: { id: 'asc' },
        take,
        select: { id: true, contactId: true, dueDate: true, twins: true, ageOnDueDate: true, referred: true },
      }),
    );
    const rows = page.rows;
    if (!page.last) break;
    after = page.last;
    const marks = groupBy(
      await db.pregnancyScreening.findMany({
        where: { pregnancyId: { in: rows.map((r) => r.id) } },
        select: { pregnancyId: true, screeningId: true, status: true },
      }),
      (m) => m.pregnancyId,
    );
    const bookings = groupBy(
      await db.booking.findMany({
        where: { contactId: { in: rows.map((r) => r.contactId) }, serviceId: { in: cfg.prenatal.map((s) => s.id) }, status: { in: SILENCING_STATUSES } },
        select: { contactId: true, serviceId: true, day: true },
      }),
      (b) => b.contactId,
    );
    const missed: { pregnancyId: string; screening: AlertScreening }[] = [];
    for (const r of rows) {
      const mine = marks.get(r.id) ?? [];
      const missedIds = new Set(mine.filter((m) => m.status === 'missed').map((m) => m.screeningId));
      const lmp = addDays(r.dueDate, -280);
      const booked = new Set((bookings.get(r.contactId) ?? []).filter((b) => b.day >= lmp).map((b) => b.serviceId));
      for (const s of closingByDue.get(r.dueDate) ?? []) {
        if (booked.has(s.id) || mine.some((m) => m.screeningId === s.id)) continue;
        if (screeningApplies(s, { ageOnDueDate: r.ageOnDueDate, twins: r.twins, referred: r.referred, missed: missedIds }))
          missed.push({ pregnancyId: r.id, screening: s });
      }
    }
    for (let i = 0; i < missed.length; i += 200) {
      const values = missed.slice(i, i + 200).map((m) => sql`(${m.pregnancyId}, ${m.screening.id}, 'missed', ${closedOn}, ${now})`);
      // one Sql object built whole (see enqueueMessages)
      marked += await db.$executeRaw(sql`
        INSERT INTO "PregnancyScreening" ("pregnancyId", "screeningId", "status", "day", "createdAt")
        VALUES ${join(values)}
        ON CONFLICT ("pregnancyId", "screeningId") DO NOTHING`);
    }
    await yieldToEventLoop();
  }
  return marked;
}
