// Where each of her prenatal screenings stands today (for the confirmation and 做过了), and which of
// her answers the programme's screenings depend on.
import { addDays, shanghaiDay } from '../../domain/calendarDay.js';
import { screeningApplies, windowOf } from '../../domain/reminders/prenatalAlerts.js';
import { SILENCING_STATUSES } from '../reminders/planPrenatal.js';
import type { PregnancyContext } from './pregnancyContext.js';
import type { PregnancyView, ScreeningState } from './pregnancyTypes.js';

export async function screeningStates(ctx: PregnancyContext, p: PregnancyView, now: Date): Promise<ScreeningState[]> {
  const today = shanghaiDay(now);
  const marks = await ctx.db.pregnancyScreening.findMany({ where: { pregnancyId: p.id } });
  const booked = await ctx.db.booking.findMany({
    where: { contactId: p.contactId, status: { in: SILENCING_STATUSES }, day: { gte: addDays(p.dueDate, -280) } },
    select: { serviceId: true, status: true },
  });
  const bookedIds = new Set(booked.map((b) => b.serviceId));
  // a visit she went to is done, whether or not she also said so
  const attendedIds = new Set(booked.filter((b) => b.status === 'attended').map((b) => b.serviceId));
  const missed = new Set(marks.filter((m) => m.status === 'missed').map((m) => m.screeningId));
  const out: ScreeningState[] = [];
  for (const s of ctx.prenatal()) {
    if (!screeningApplies(s, { ageOnDueDate: p.ageOnDueDate, twins: p.twins, referred: p.referred, missed })) continue;
    const w = windowOf(s, p.dueDate);
    const mark = attendedIds.has(s.id) ? 'done' : marks.find((m) => m.screeningId === s.id)?.status;
    const state =
      mark === 'done' ? 'done' : mark === 'missed' ? 'missed' : bookedIds.has(s.id) ? 'booked' : today < w.from ? 'ahead' : today <= w.to ? 'open' : 'closed';
    out.push({ id: s.id, name: s.name, from: w.from, to: w.to, state });
  }
  return out;
}

/** Whether the programme needs her age on the due date (a screening depends on it). */
export function programmeNeedsAge(ctx: PregnancyContext): boolean {
  return ctx.prenatal().some((s) => s.maxAgeOnDueDate !== undefined || s.onlyIf?.minAgeOnDueDate !== undefined || s.onlyIf?.minAgeOnDueDateTwins !== undefined);
}

/** Whether the programme needs to know about twins (a screening depends on it). */
export function programmeNeedsTwins(ctx: PregnancyContext): boolean {
  return ctx.prenatal().some((s) => s.singleOnly || s.onlyIf?.minAgeOnDueDateTwins !== undefined);
}
