// The hand-off to staff, as data: the profile section `handoff` (profiles/national.yaml). When staff
// answer (office hours per weekday, Asia/Shanghai; public holidays closed by the State Council's
// calendar), how long an unclaimed request waits before it is escalated (office minutes), how long
// her chat lines are kept for staff to read, and after how many answers in a row the bot could not
// read it asks staff to help her.
import { z } from 'zod';

const SPAN = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;
const minutesOf = (hh: string, mm: string) => Number(hh) * 60 + Number(mm);

/** A span of office time on one day, 'HH:MM-HH:MM' (e.g. 08:00-12:00), as minutes of the day. */
const spanSchema = z
  .string()
  .regex(SPAN, 'a span of the day like "08:00-12:00"')
  .transform((s) => {
    const m = SPAN.exec(s)!;
    return { from: minutesOf(m[1], m[2]), to: minutesOf(m[3], m[4]) };
  })
  .refine((s) => s.from < s.to && s.to <= 24 * 60, 'must end after it starts, by 24:00');

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const daySchema = z.array(spanSchema).default([]);

export const handoffSchema = z
  .object({
    // office hours per weekday; a weekday without spans is closed
    officeHours: z.object(Object.fromEntries(WEEKDAY_KEYS.map((k) => [k, daySchema])) as Record<(typeof WEEKDAY_KEYS)[number], typeof daySchema>).strict(),
    // true: a public holiday (放假) is closed, and a weekend day made a working day (调休上班) keeps Monday's hours
    followWorkdays: z.boolean().default(true),
    // a request nobody claimed within these office minutes is escalated to the county (once)
    escalateAfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    // her chat lines (what staff read as her conversation so far) are deleted after these days
    keepChatDays: z.number().int().min(1).max(365),
    // this many answers in a row the bot could not read open a request for her ('stuck')
    stuckAfter: z.number().int().min(2).max(10).default(3),
  })
  .strict();
export type HandoffSettings = z.infer<typeof handoffSchema>;
export type OfficeSpan = HandoffSettings['officeHours']['mon'][number];
