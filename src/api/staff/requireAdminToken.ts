// Guards the staff HTTP API and staff pages until the staff console (with accounts) exists: every request
// must carry `Authorization: Bearer <ADMIN_TOKEN>` (or, from a browser, HTTP Basic with the token as the
// password). With no token configured they are off (503). Attempts are limited per address and per
// token prefix (StaffAuthLimit): past the limit, 429 until its window passes.
import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import type { StaffAuthLimit } from '../../services/staffAuthLimit.js';
import { TOKEN_SCOPE } from './staffRequest.js';

const digest = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest();

/** Compares two secrets in time that does not depend on where they differ (nor on their lengths). */
export function sameSecret(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(digest(given), digest(expected));
}

/** The token a request carries: `Bearer <token>`, or the password of HTTP Basic (a browser's login prompt). */
function givenToken(header: string, basicToo: boolean): string | undefined {
  const bearer = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  if (!basicToo) return undefined;
  const basic = /^Basic[ ]+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!basic) return undefined;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}

/**
 * `token`: the configured admin token (or a function reading it, so a test or a reload can change it);
 * undefined or empty turns the staff API off. `page`: a page staff open in a browser (the WeChat login
 * page), which asks for the token with the browser's own login prompt (any user name, the token as password).
 */
export function requireAdminToken(token: string | undefined | (() => string | undefined), o: { page?: boolean; limit?: StaffAuthLimit } = {}): RequestHandler {
  return (req, res, next) => {
    const expected = typeof token === 'function' ? token() : token;
    if (!expected) {
      res.status(503).json({ error: 'staff_api_off', message: 'the staff API is off: no admin token is configured (set ADMIN_TOKEN)' });
      return;
    }
    // (Basic only for a page: a browser sends it by itself, and the API's routes change data)
    const given = givenToken(req.get('authorization') ?? '', o.page === true);
    // (the client's address: behind a reverse proxy, as TRUST_PROXY lets express read it)
    const address = req.ip ?? req.socket.remoteAddress ?? '';
    const refuse = () => {
      res.set('WWW-Authenticate', o.page ? 'Basic realm="staff", charset="UTF-8"' : 'Bearer realm="staff"');
      res.status(401).json({ error: 'unauthorized', message: 'missing or wrong admin token (Authorization: Bearer <token>)' });
    };
    const check = async () => {
      // (a request without any token is a question, not a guess: not counted)
      if (given === undefined) return refuse();
      // counted before it is compared: parallel guesses cannot slip past the limit
      const attempt = await o.limit?.attempt(address, given);
      if (attempt && attempt.waitMs > 0) {
        // too many attempts from here: refused whatever this one is (a guesser learns nothing); staff
        // who try again with the right token meanwhile do not use up its prefix for everyone (a refusal
        // on a read counted nothing, and forgives nothing)
        if (sameSecret(given, expected)) await attempt.forgive();
        const seconds = Math.ceil(attempt.waitMs / 1000);
        res.set('Retry-After', String(seconds));
        res.status(429).json({ error: 'too_many_attempts', message: `too many wrong tokens from this address: try again in ${seconds} s` });
        return;
      }
      if (!sameSecret(given, expected)) return refuse();
      await attempt?.forgive();
      req.staff = { ...TOKEN_SCOPE, address: req.ip ?? req.socket.remoteAddress ?? '' };
      next();
    };
    check().catch(next);
  };
}
