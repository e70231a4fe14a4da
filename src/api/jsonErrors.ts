// The one error handler of every router, mounted last: anything left to express (a body that is
// not JSON, a thrown error) answers JSON, never a stack trace.
import type express from 'express';

export const jsonErrors: express.ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, next) => {
  if (res.headersSent) return next(err);
  const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 400 && err.type === 'entity.parse.failed') {
    res.status(400).json({ error: 'invalid_request', field: '(body)', message: '(body): not valid JSON' });
    return;
  }
  res
    .status(status)
    .json({ error: status === 500 ? 'internal_error' : 'invalid_request', field: '(body)', message: status === 500 ? 'internal error' : String(err.message) });
};
