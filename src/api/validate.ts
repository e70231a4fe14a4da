// Validates a request body or query with zod; a bad one gets 400 naming the field.
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { formatZodPath } from '../support/readYaml.js';
import { daysBetween } from '../domain/calendarDay.js';

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

export type Handler = (req: Request, res: Response) => Promise<void>;

/** Wraps an async handler: a thrown error goes to the one error handler (jsonErrors), logged there with the request id. */
export function asyncHandler(fn: Handler): RequestHandler {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}
