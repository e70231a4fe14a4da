// The one error handler of every router, mounted last: anything left to express (a body that is
// not JSON, a thrown error) answers JSON, never a stack trace; an unknown route answers a JSON 404.
// Every request carries an id (X-Request-Id); a 5xx is logged with it, and the answer names it.
import crypto from 'node:crypto';
import type express from 'express';
import type { Logger } from '../support/logger.js';

/** Gives every request an id, answered in X-Request-Id (and named in the log line of a 5xx). */
export const requestId: express.RequestHandler = (_req, res, next) => {
  const id = crypto.randomUUID();
  res.locals.requestId = id;
  res.set('X-Request-Id', id);
  next();
};

/** A route nobody serves: a JSON 404. */
export const notFound: express.RequestHandler = (req, res) => {
  res.status(404).json({ error: 'not_found', message: `no such route: ${req.method} ${req.path}` });
};

export function jsonErrors(logger: Logger): express.ErrorRequestHandler {
  return (err: { status?: number; type?: string; message?: string }, req, res, _next) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const id = String(res.locals.requestId ?? '');
    // (the path only: a query may hold what staff searched for)
    if (status === 500) logger.error({ requestId: id, method: req.method, path: req.path, err }, 'request failed');
    // (a response already under way cannot say so: it is cut off, not left hanging)
    if (res.headersSent) return void res.destroy();
    if (status === 400 && err.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid_request', field: '(body)', message: '(body): not valid JSON' });
    } else if (status === 500) {
      res.status(500).json({ error: 'internal_error', message: 'internal error', requestId: id });
    } else {
      res.status(status).json({ error: 'invalid_request', field: '(body)', message: String(err.message) });
    }
  };
}
