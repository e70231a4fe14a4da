// The staff guard, mounted on /api/staff and on the WeChat login page: a request is from the console
// account of its session (read from the database on every request, so a disabled or locked account
// is out at once, and a session past its lifetime ends), or, only when ADMIN_TOKEN is set (the
// emergency switch, off by default), from the admin token's holder. A session's state-changing
// request needs its CSRF token (x-csrf-token; refused and audited without it); an account that must
// change its password may do nothing else first.
import type { Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import { csrfSync } from 'csrf-sync';
import type { Db } from '../../db/client.js';
import { administersCounty } from '../../domain/staff/staffScope.js';
import { audit } from '../../services/audit/audit.js';
import { scopeOf, type AccountRow } from '../../services/staff/accountView.js';
import { PrismaSessionStore } from '../../services/staff/sessionStore.js';
import type { StaffAuthLimit } from '../../services/staffAuthLimit.js';
import type { Clock } from '../../support/clock.js';
import { requireAdminToken } from './requireAdminToken.js';
import './staffRequest.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The console account of the session (unset for the admin token). */
    staffAccount?: AccountRow;
  }
}

export interface StaffGuardDeps {
  db: Db;
  clock: Clock;
  /** SESSION_SECRET: comma-separated keys, the first signs. */
  secret: string;
  idleMinutes: number;
  maxHours: number;
  /** The emergency switch: unset, no token is taken. */
  adminToken?: string;
  authLimit?: StaffAuthLimit;
  /** This process's county (the WeChat login page is its county administrator's). */
  countyId: string;
}

/** What an account that must change its password may still do (under /api/staff). */
const WHILE_PASSWORD_CHANGE = new Set(['GET /session', 'DELETE /session', 'POST /session/password']);
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export const unauthorized = (res: Response) => void res.status(401).json({ error: 'unauthorized', message: 'log in to the staff console' });

export function staffGuard(d: StaffGuardDeps) {
  const idleMs = d.idleMinutes * 60_000;
  const sessions = session({
    name: 'sa.sid',
    secret: d.secret.split(',').map((k) => k.trim()),
    store: new PrismaSessionStore(d.db, { idleMs }),
    resave: false,
    saveUninitialized: false,
    // every request moves the idle timeout on
    rolling: true,
    unset: 'destroy',
    // (Secure when the request came over HTTPS, as TRUST_PROXY lets express tell behind a proxy)
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: idleMs, path: '/' },
  });
  const csrf = csrfSync({ size: 32 });
  const token = (page: boolean) => (d.adminToken ? requireAdminToken(d.adminToken, { page, limit: d.authLimit }) : undefined);
  const apiToken = token(false);
  const pageToken = token(true);
  const address = (req: Request) => req.ip ?? req.socket.remoteAddress ?? '';

  /** The session's account, or undefined (then the session, if any, is ended). */
  async function account(req: Request): Promise<AccountRow | undefined> {
    const s = req.session;
    if (!s?.accountId) return undefined;
    const a = await d.db.staffAccount.findUnique({ where: { id: s.accountId } });
    // (real time, not the injected clock: a session's age is the browser's, and a test's moved clock
    // must not log its staff out; the idle timeout is the cookie's, also real time)
    const expired = !s.loginAt || Date.now() - s.loginAt > d.maxHours * 3600_000;
    if (a && !a.disabledAt && !a.lockedAt && !expired) return a;
    await new Promise<void>((resolve) => s.destroy(() => resolve()));
    return undefined;
  }

  const bearer = (req: Request) => /^(Bearer|Basic)\s/i.test(req.get('authorization') ?? '');

  const api: RequestHandler = (req, res, next) => {
    if (apiToken && bearer(req)) return apiToken(req, res, next);
    void (async () => {
      const a = await account(req);
      if (!a) return apiToken ? apiToken(req, res, next) : unauthorized(res);
      req.staffAccount = a;
      req.staff = { ...scopeOf(a), address: address(req) };
      if (!SAFE.has(req.method) && !csrf.isRequestValid(req)) {
        await audit(
          d.db,
          { by: req.staff, action: 'csrf.refused', objectType: 'request', address: address(req), detail: { method: req.method, path: req.path } },
          d.clock.now(),
        );
        return void res.status(403).json({ error: 'csrf', message: 'missing or wrong x-csrf-token' });
      }
      if (a.mustChangePassword && !WHILE_PASSWORD_CHANGE.has(`${req.method} ${req.path}`)) {
        return void res.status(403).json({ error: 'password_change_required', message: 'change the one-time password first' });
      }
      next();
    })().catch(next);
  };

  /** The WeChat login page: its county's administrator (or a city one) logged in, or the admin token. */
  const wechatPage: RequestHandler = (req, res, next) => {
    if (pageToken && bearer(req)) return pageToken(req, res, next);
    void (async () => {
      const a = await account(req);
      if (a && !a.mustChangePassword && administersCounty(scopeOf(a), d.countyId)) {
        req.staff = { ...scopeOf(a), address: address(req) };
        return next();
      }
      if (pageToken) return pageToken(req, res, next);
      if (a) return void res.status(403).type('text/plain; charset=utf-8').send('只有本县的管理员可以打开此页面。');
      res.redirect(302, `/console/login?next=${encodeURIComponent(req.originalUrl)}`);
    })().catch(next);
  };

  return { db: d.db, sessions, csrf, api, wechatPage, address };
}

export type StaffGuard = ReturnType<typeof staffGuard>;
