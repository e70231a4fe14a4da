// Validates a request body or query with zod; a bad one gets 400 naming the field.
import type { Request, Response } from 'express';
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

/** Wraps an async handler so a thrown error becomes a 500 without personal data in the answer. */
export function asyncHandler(fn: Handler): Handler {
  return async (req, res) => {
    try {
      await fn(req, res);
    } catch (err) {
      req.log?.error({ err }, 'request failed');
      if (!res.headersSent) res.status(500).json({ error: 'internal_error' });
    }
  };
}

declare module 'express-serve-static-core' {
  interface Request {
    log?: { error(obj: object, msg: string): void };
  }
}
