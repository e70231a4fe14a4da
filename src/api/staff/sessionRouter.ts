// The console's session: POST /api/staff/session logs in (the one state-changing staff request
// without a CSRF token: there is no session yet), GET answers who is logged in with the CSRF token,
// DELETE logs out, POST /api/staff/session/password changes the account's own password (also the
// forced change at the first login).
import express, { Router } from 'express';
import { z } from 'zod';
import { audit } from '../../services/audit/audit.js';
import { scopeOf, sessionAccount } from '../../services/staff/accountView.js';
import type { StaffLogin } from '../../services/staff/StaffLogin.js';
import type { Clock } from '../../support/clock.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { unauthorized, type StaffGuard } from './staffGuard.js';

export const loginBody = z.object({ username: z.string().trim().min(1, 'required').max(64), password: z.string().min(1, 'required').max(256) }).strict();
export const passwordBody = z.object({ currentPassword: z.string().min(1, 'required').max(256), newPassword: z.string().min(1, 'required').max(256) }).strict();

export interface SessionRouterDeps {
  login: StaffLogin;
  guard: StaffGuard;
  clock: Clock;
}

const MESSAGES = {
  wrong_login: 'wrong user name or password',
  account_locked: 'the account is locked: an administrator must lift the lock',
  too_many_attempts: 'too many failed logins: try again later',
} as const;

/** POST /api/staff/session: mounted before the staff guard. */
export function loginRouter(d: SessionRouterDeps): Router {
  const r = Router();
  r.post(
    '/api/staff/session',
    express.json({ limit: '4kb' }),
    asyncHandler(async (req, res) => {
      const body = parseOr400(loginBody, req.body, res);
      if (!body) return;
      const outcome = await d.login.login(body.username, body.password, d.guard.address(req), d.clock.now());
      if (!outcome.ok) {
        if (outcome.reason === 'too_many_attempts') {
          const seconds = Math.ceil(outcome.waitMs / 1000);
          res.set('Retry-After', String(seconds));
          return void res.status(429).json({ error: 'too_many_attempts', message: MESSAGES.too_many_attempts, retryAfterSeconds: seconds });
        }
        return void res.status(outcome.reason === 'account_locked' ? 423 : 401).json({ error: outcome.reason, message: MESSAGES[outcome.reason] });
      }
      // a new session id at login (a session id planted before it is worth nothing)
      await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
      req.session.accountId = outcome.account.id;
      req.session.loginAt = Date.now();
      const csrfToken = d.guard.csrf.generateToken(req, true);
      res.json({ account: sessionAccount(outcome.account), csrfToken });
    }),
  );
  return r;
}

/** GET and DELETE /api/staff/session, POST /api/staff/session/password: behind the staff guard. */
export function sessionRouter(d: SessionRouterDeps): Router {
  const r = Router();
  r.get('/api/staff/session', (req, res) => {
    // (the admin token is no session)
    if (!req.staffAccount) return unauthorized(res);
    res.set('Cache-Control', 'no-store').json({ account: sessionAccount(req.staffAccount), csrfToken: d.guard.csrf.generateToken(req) });
  });
  r.delete(
    '/api/staff/session',
    asyncHandler(async (req, res) => {
      const a = req.staffAccount;
      if (!a) return unauthorized(res);
      await audit(d.guard.db, { by: scopeOf(a), action: 'logout', objectType: 'account', objectId: a.id, address: d.guard.address(req) }, d.clock.now());
      await new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
      res.clearCookie('sa.sid', { path: '/' });
      res.status(204).end();
    }),
  );
  r.post(
    '/api/staff/session/password',
    express.json({ limit: '4kb' }),
    asyncHandler(async (req, res) => {
      const a = req.staffAccount;
      if (!a) return unauthorized(res);
      const body = parseOr400(passwordBody, req.body, res);
      if (!body) return;
      const outcome = await d.login.changePassword(a.id, body.currentPassword, body.newPassword, {
        now: d.clock.now(),
        address: d.guard.address(req),
        keepSession: req.sessionID,
      });
      if (outcome.ok) return void res.status(204).end();
      if (outcome.reason === 'wrong_password')
        return void res.status(400).json({ error: 'wrong_password', field: 'currentPassword', message: 'the current password is wrong' });
      res.status(422).json({ error: 'weak_password', reason: outcome.reason, field: 'newPassword', message: `newPassword: not taken (${outcome.reason})` });
    }),
  );
  return r;
}
