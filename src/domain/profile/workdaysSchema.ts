// The holiday and 调休 calendar file (profiles/calendar/workdays.yaml): per year, each holiday of the
// State Council's notice (国务院办公厅关于某年部分节假日安排的通知) with its days off and the weekend
// days worked instead (调休上班), as the notice words them. Checked here: real days, each within its
// year, a holiday's days as many as the notice says, a working day that is a Saturday or Sunday (a
// weekday works anyway) and never also a day off. Read into a WorkdayCalendar by
// src/profiles/loadWorkdays.ts.
import { z } from 'zod';
import { daysBetween, eachDay, isCalendarDay, isoWeekday } from '../calendarDay.js';
import type { WorkdayCalendar } from '../workdays/workingDays.js';

const daySchema = z.string().refine(isCalendarDay, 'must be a real day written YYYY-MM-DD');

const holidaySchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty'), // 春节
    // the days off, both included (放假)
    off: z.object({ from: daySchema, to: daySchema }).strict(),
    // how many days the notice says (共9天): a check on `off`
    days: z.number().int().min(1).max(15).optional(),
    // the weekend days worked instead (调休上班)
    workdays: z.array(daySchema).default([]),
  })
  .strict();

const yearSchema = z
  .object({
    // where it comes from: the notice's title and date, and where it was read
    source: z.string().trim().min(1, 'must not be empty'),
    holidays: z.array(holidaySchema).min(1),
  })
  .strict();

export const workdaysSchema = z
  .object({
    years: z.record(z.string().regex(/^(19|20|21)\d{2}$/, 'must be a year like 2026'), yearSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const [year, y] of Object.entries(file.years)) {
      const offBy = new Map<string, string>();
      const worked = new Set<string>();
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path: ['years', year, ...path], message });
      y.holidays.forEach((h, i) => {
        // (a day that is not one is reported by its own schema)
        if (!isCalendarDay(h.off.from) || !isCalendarDay(h.off.to)) return;
        for (const [end, day] of [['from', h.off.from] as const, ['to', h.off.to] as const]) {
          if (!day.startsWith(`${year}-`)) issue(['holidays', i, 'off', end], `${day} is not in ${year}`);
        }
        if (h.off.to < h.off.from) return issue(['holidays', i, 'off', 'to'], `before from (${h.off.from})`);
        const count = daysBetween(h.off.from, h.off.to) + 1;
        if (h.days !== undefined && h.days !== count) issue(['holidays', i, 'days'], `${h.off.from} to ${h.off.to} is ${count} days, not ${h.days}`);
        for (const day of eachDay(h.off.from, h.off.to)) {
          const other = offBy.get(day);
          if (other) issue(['holidays', i, 'off'], `${day} is already a day off of ${other}`);
          offBy.set(day, h.name);
        }
      });
      y.holidays.forEach((h, i) =>
        h.workdays.forEach((day, j) => {
          const path = ['holidays', i, 'workdays', j];
          if (!isCalendarDay(day)) return;
          if (!day.startsWith(`${year}-`)) issue(path, `${day} is not in ${year}`);
          else if (offBy.has(day)) issue(path, `${day} is both a day off (${offBy.get(day)}) and a working day`);
          else if (isoWeekday(day) <= 5) issue(path, `${day} is a weekday: only a Saturday or Sunday is made a working day`);
          else if (worked.has(day)) issue(path, `${day} is listed twice`);
          worked.add(day);
        }),
      );
    }
  });
export type WorkdaysFile = z.infer<typeof workdaysSchema>;

/** The calendar of a checked file. */
export function workdayCalendar(file: WorkdaysFile): WorkdayCalendar {
  return {
    years: new Map(
      Object.entries(file.years).map(([year, y]) => [
        Number(year),
        {
          holidays: new Set(y.holidays.flatMap((h) => eachDay(h.off.from, h.off.to))),
          workdays: new Set(y.holidays.flatMap((h) => h.workdays)),
        },
      ]),
    ),
  };
}
