// Guards the staff HTTP API until the staff console (with accounts) exists: every request must carry
// `Authorization: Bearer <ADMIN_TOKEN>`. With no token configured the staff API is off (503).
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest();

/** Compares two secrets in time that does not depend on where they differ (nor on their lengths). */
export function sameSecret(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/**
 * `token`: the configured admin token (or a function reading it, so a test or a reload can change it);
 * undefined or empty turns the staff API off.
 */
export function requireAdminToken(token: string | undefined | (() => string | undefined)): RequestHandler {
  return (req, res, next) => {
    const expected = typeof token === 'function' ? token() : token;
    if (!expected) {
      res.status(503).json({ error: 'staff_api_off', message: 'the staff API is off: no admin token is configured (set ADMIN_TOKEN)' });
      return;
    }
    const header = req.get('authorization') ?? '';
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
    if (!match || !sameSecret(match[1], expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="staff"');
      res.status(401).json({ error: 'unauthorized', message: 'missing or wrong admin token (Authorization: Bearer <token>)' });
      return;
    }
    next();
  };
}
