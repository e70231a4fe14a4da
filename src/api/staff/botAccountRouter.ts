// The bot's WeChat accounts, for county and city administrators (the console's bot-account page):
// GET /api/staff/bot-accounts lists each account its processes report (login state and since when,
// sends today and left under the daily cap, throttled until, the process's last report) with the
// alert that needs a person now. GET /api/staff/bot-accounts/:account/login-qr gives the login QR
// code (a data: URL) while the account waits for a scan, from the process that runs it.
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../support/clock.js';
import { listBotAccounts } from '../../services/botAccounts/botAccountStatus.js';
import type { LoginQrs } from '../../services/botAccounts/loginQr.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

export const botAccountParams = z.object({ account: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });

export function botAccountRouter(deps: { db: Db; clock: Clock; loginQrs: LoginQrs }): Router {
  const r = Router();
  const administrator = (scope: ReturnType<typeof staffOf>, res: Response) => {
    if (scope.role === 'city' || scope.role === 'county') return true;
    res.status(403).json({ error: 'forbidden', message: 'the bot accounts are for county and city administrators' });
    return false;
  };
  r.get(
    '/api/staff/bot-accounts',
    asyncHandler(async (req, res) => {
      const scope = staffOf(req);
      if (!administrator(scope, res)) return;
      res.json({ accounts: await listBotAccounts(deps.db, scope, deps.clock.now()) });
    }),
  );
  r.get(
    '/api/staff/bot-accounts/:account/login-qr',
    asyncHandler(async (req, res) => {
      const scope = staffOf(req);
      if (!administrator(scope, res)) return;
      const p = parseOr400(botAccountParams, req.params, res);
      if (!p) return;
      const qr = await deps.loginQrs.forAccount({ scope, address: req.ip }, p.account, deps.clock.now());
      if (!qr) return void res.status(404).json({ error: 'not_found', message: 'no such bot account in your county' });
      res.set('Cache-Control', 'no-store').json(qr);
    }),
  );
  return r;
}
