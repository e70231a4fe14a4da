// The bot's WeChat accounts, for county and city administrators (the console's bot-account page):
// GET /api/staff/bot-accounts lists each account its processes report (login state and since when,
// sends today and left under the daily cap, throttled until, the process's last report) with the
// alert that needs a person now. The login QR code is the /wechat/login page of the account's process.
import { Router } from 'express';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../support/clock.js';
import { listBotAccounts } from '../../services/botAccounts/botAccountStatus.js';
import { asyncHandler } from '../validate.js';
import { staffOf } from './staffRequest.js';

export function botAccountRouter(deps: { db: Db; clock: Clock }): Router {
  const r = Router();
  r.get(
    '/api/staff/bot-accounts',
    asyncHandler(async (req, res) => {
      const scope = staffOf(req);
      if (scope.role !== 'city' && scope.role !== 'county') {
        return void res.status(403).json({ error: 'forbidden', message: 'the bot accounts are for county and city administrators' });
      }
      res.json({ accounts: await listBotAccounts(deps.db, scope, deps.clock.now()) });
    }),
  );
  return r;
}
