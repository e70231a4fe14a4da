// Validates a request body or query with zod; a bad one gets 400 naming the field.
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { formatZodPath } from '../support/readYaml.js';
import { addDays, daysBetween, isCalendarDay } from '../domain/calendarDay.js';
import { StaffAccessError } from '../services/staffAccess/scopeAccess.js';

export function parseOr400<S extends z.ZodTypeAny>(schema: S, input: unknown, res: Response): z.output<S> | undefined {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = formatZodPath(issue.path) || '(body)';
  res.status(400).json({ error: 'invalid_request', field, message: `${field}: ${issue.message}` });
  return undefined;
}

/** How far from today a day that staff name may lie (closures, reservations, lists): two years either way. */
export const STAFF_DAYS_AROUND = 731;

/**
 * Whether every day given (YYYY-MM-DD, by the field that holds it) lies within STAFF_DAYS_AROUND days of
 * `today`; answers 400 naming the first field that does not (a closure on 1900-01-01 or 9999-12-31).
 */
export function nearTodayOr400(res: Response, today: string, days: Record<string, string | undefined>): boolean {
  for (const [field, day] of Object.entries(days)) {
    if (day === undefined || Math.abs(daysBetween(today, day)) <= STAFF_DAYS_AROUND) continue;
    res.status(400).json({ error: 'invalid_request', field, message: `${field}: must be within two years of today (${today})` });
    return false;
  }
  return true;
}

/** The longest range, and the most rows, a staff list of days answers at once. */
export const MAX_LIST_DAYS = 366;
export const MAX_LIST_ROWS = 500;
const listDay = z.string().refine(isCalendarDay, 'a day like 2026-03-01');
export const dayListQuery = z
  .object({
    from: listDay.optional(),
    to: listDay.optional(),
    limit: z.coerce.number().int('a whole number').min(1, 'at least 1').max(MAX_LIST_ROWS, `at most ${MAX_LIST_ROWS}`).default(100),
  })
  .strict();

/**
 * A staff list's query: `from`..`to` (default the 30 days up to today), at most MAX_LIST_DAYS days
 * within two years of today, and `limit` rows (default 100, at most MAX_LIST_ROWS); a 400 naming
 * the field otherwise (undefined returned).
 */
export function dayListOr400(query: unknown, res: Response, today: string): { from: string; to: string; limit: number } | undefined {
  const q = parseOr400(dayListQuery, query, res);
  if (!q) return undefined;
  if (!nearTodayOr400(res, today, { from: q.from, to: q.to })) return undefined;
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -30);
  if (from > to) {
    res.status(400).json({ error: 'invalid_request', field: 'from', message: 'from: after to' });
    return undefined;
  }
  if (daysBetween(from, to) >= MAX_LIST_DAYS) {
    res.status(400).json({ error: 'invalid_request', field: 'to', message: `to: at most ${MAX_LIST_DAYS - 1} days after from` });
    return undefined;
  }
  return { from, to, limit: q.limit };
}

export type Handler = (req: Request, res: Response) => Promise<void>;

/**
 * Wraps an async handler: a staff scope refused by a service answers 403 or 404 (StaffAccessError);
 * any other thrown error goes to the one error handler (jsonErrors), logged there with the request id.
 */
export function asyncHandler(fn: Handler): RequestHandler {
  return (req, res, next) => {
    fn(req, res).catch((err: unknown) => {
      if (!(err instanceof StaffAccessError) || res.headersSent) return next(err);
      res.status(err.error === 'forbidden' ? 403 : 404).json({ error: err.error, message: err.message });
    });
  };
}
