// Screenings missed: a window that closed yesterday with nothing booked, offered or done, for a
// pregnancy registered before it closed and a screening the programme offers her. Staff follow
// these up (GET /api/staff/pregnancies/missed). Idempotent: a screening is marked once.
import { Prisma } from '../../../generated/sqlite/index.js';
import type { Db } from '../../db/client.js';
import { addDays } from '../../domain/calendarDay.js';
import { dueDateWithWindowClosedBefore, screeningApplies } from '../../domain/reminders/prenatalAlerts.js';
import { groupBy } from './groupBy.js';
import { SILENCING_STATUSES } from './planPrenatal.js';
import type { ReminderConfig } from './reminderTypes.js';

export async function markMissedScreenings(db: Db, cfg: ReminderConfig, day: string, now: Date, pageSize: number): Promise<number> {
  const closedOn = addDays(day, -1);
  let marked = 0;
  for (const s of cfg.prenatal) {
    const dueDate = dueDateWithWindowClosedBefore(s, day);
    let after: string | undefined;
    for (;;) {
      const rows = await db.pregnancy.findMany({
        where: { status: 'active', dueDate, registeredOn: { lte: closedOn }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: 'asc' },
        take: pageSize,
        select: { id: true, contactId: true, twins: true, ageOnDueDate: true, referred: true },
      });
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const marks = groupBy(
        await db.pregnancyScreening.findMany({ where: { pregnancyId: { in: rows.map((r) => r.id) } }, select: { pregnancyId: true, screeningId: true, status: true } }),
        (m) => m.pregnancyId,
      );
      const booked = new Set(
        (
          await db.booking.findMany({
            where: { contactId: { in: rows.map((r) => r.contactId) }, serviceId: s.id, status: { in: SILENCING_STATUSES }, day: { gte: addDays(dueDate, -280) } },
            select: { contactId: true },
          })
        ).map((b) => b.contactId),
      );
      const missed = rows.filter((r) => {
        const mine = marks.get(r.id) ?? [];
        if (booked.has(r.contactId) || mine.some((m) => m.screeningId === s.id)) return false;
        const missedIds = new Set(mine.filter((m) => m.status === 'missed').map((m) => m.screeningId));
        return screeningApplies(s, { ageOnDueDate: r.ageOnDueDate, twins: r.twins, referred: r.referred, missed: missedIds });
      });
      for (let i = 0; i < missed.length; i += 200) {
        const values = missed.slice(i, i + 200).map((r) => Prisma.sql`(${r.id}, ${s.id}, 'missed', ${closedOn}, ${now})`);
        marked += await db.$executeRaw`
          INSERT INTO "PregnancyScreening" ("pregnancyId", "screeningId", "status", "day", "createdAt")
          VALUES ${Prisma.join(values)}
          ON CONFLICT ("pregnancyId", "screeningId") DO NOTHING`;
      }
    }
  }
  return marked;
}
