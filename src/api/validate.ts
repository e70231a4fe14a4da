// Validates a request body or query with zod; a bad one gets 400 naming the field.
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { formatZodPath } from '../support/readYaml.js';

export function parseOr400<S extends z.ZodTypeAny>(schema: S, input: unknown, res: Response): z.output<S> | undefined {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = formatZodPath(issue.path) || '(body)';
  res.status(400).json({ error: 'invalid_request', field, message: `${field}: ${issue.message}` });
  return undefined;
}

export type Handler = (req: Request, res: Response) => Promise<void>;

/** Wraps an async handler: a thrown error goes to the one error handler (jsonErrors), logged there with the request id. */
export function asyncHandler(fn: Handler): RequestHandler {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}
