// Console accounts for their administrators (a city administrator: every account; a county one: its
// county's; anyone else 403): list, create (with a one-time password shown once), disable, enable,
// reset the password, lift a lock, change the scope. Each change carries the version read (409 when
// the account changed meanwhile) and is audited.
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { isAdministrator } from '../../domain/staff/accountRules.js';
import { STAFF_ROLES } from '../../domain/staff/staffScope.js';
import { adminAccount } from '../../services/staff/accountView.js';
import type { AccountOutcome, ActContext, StaffAccounts } from '../../services/staff/StaffAccounts.js';
import type { Clock } from '../../support/clock.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

const id = z.string().trim().min(1).max(64);
const optionalId = id.nullable().optional();
export const accountScopeBody = z.object({ role: z.enum(STAFF_ROLES), countyId: optionalId, townshipId: optionalId, hospitalId: optionalId });
export const newAccountBody = accountScopeBody
  .extend({
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{3,32}$/, '3 to 32 letters, digits, dots, hyphens or underscores'),
    displayName: z.string().trim().min(1, 'required').max(40),
  })
  .strict();
export const versionBody = z.object({ version: z.number().int().min(1) }).strict();
export const scopeChangeBody = accountScopeBody.extend({ version: z.number().int().min(1) }).strict();
export const accountParams = z.object({ id });
export const alertPhoneBody = z
  .object({
    version: z.number().int().min(1),
    alertPhone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, 'a mobile number: 11 digits starting with 1')
      .nullable(),
  })
  .strict();
export const ACCOUNT_ACTIONS = ['disable', 'enable', 'unlock', 'password-reset'] as const;

const STATUS = { not_found: 404, changed_meanwhile: 409, username_taken: 409, own_account: 409, bad_scope: 422 } as const;
const MESSAGES = {
  not_found: 'no such account among those you manage',
  changed_meanwhile: 'the account was changed meanwhile: read it again',
  username_taken: 'this user name is taken',
  own_account: 'an administrator cannot do this to its own account',
} as const;

function answer(res: Response, r: AccountOutcome, status = 200): void {
  if (r.ok) return void res.status(status).json({ account: adminAccount(r.account), ...(r.oneTimePassword ? { oneTimePassword: r.oneTimePassword } : {}) });
  if (r.reason === 'bad_scope') {
    const { field, reason } = r.problem;
    return void res.status(STATUS.bad_scope).json({ error: 'bad_scope', field, reason, message: `${field}: ${reason.replace('_', ' ')}` });
  }
  res.status(STATUS[r.reason]).json({ error: r.reason, message: MESSAGES[r.reason] });
}

export function accountsRouter(d: { accounts: StaffAccounts; clock: Clock; address: (req: Request) => string }): Router {
  const r = Router();
  const ctx = (req: Request): ActContext | undefined => {
    const by = staffOf(req);
    return isAdministrator(by) ? { by, now: d.clock.now(), address: d.address(req) } : undefined;
  };
  const forbidden = (res: Response) => void res.status(403).json({ error: 'forbidden', message: 'for city and county administrators only' });
  r.use('/api/staff/accounts', express.json({ limit: '4kb' }));
  r.get(
    '/api/staff/accounts',
    asyncHandler(async (req, res) => {
      const c = ctx(req);
      if (!c) return forbidden(res);
      res.json({ accounts: (await d.accounts.list(c.by)).map(adminAccount) });
    }),
  );
  r.get(
    '/api/staff/accounts/scope-options',
    asyncHandler(async (req, res) => {
      const c = ctx(req);
      if (!c) return forbidden(res);
      res.json({ counties: await d.accounts.scopeOptions(c.by) });
    }),
  );
  r.post(
    '/api/staff/accounts',
    asyncHandler(async (req, res) => {
      const c = ctx(req);
      if (!c) return forbidden(res);
      const body = parseOr400(newAccountBody, req.body, res);
      if (!body) return;
      answer(res, await d.accounts.create(body, c), 201);
    }),
  );
  for (const action of ACCOUNT_ACTIONS) {
    r.post(
      `/api/staff/accounts/:id/${action}`,
      asyncHandler(async (req, res) => {
        const c = ctx(req);
        if (!c) return forbidden(res);
        const p = parseOr400(accountParams, req.params, res);
        const body = p && parseOr400(versionBody, req.body, res);
        if (!p || !body) return;
        const run = { disable: 'disable', enable: 'enable', unlock: 'unlock', 'password-reset': 'resetPassword' } as const;
        answer(res, await d.accounts[run[action]](p.id, body.version, c));
      }),
    );
  }
  r.put(
    '/api/staff/accounts/:id/scope',
    asyncHandler(async (req, res) => {
      const c = ctx(req);
      if (!c) return forbidden(res);
      const p = parseOr400(accountParams, req.params, res);
      const body = p && parseOr400(scopeChangeBody, req.body, res);
      if (!p || !body) return;
      const { version, ...scope } = body;
      answer(res, await d.accounts.changeScope(p.id, version, scope, c));
    }),
  );
  r.put(
    '/api/staff/accounts/:id/alert-phone',
    asyncHandler(async (req, res) => {
      const c = ctx(req);
      if (!c) return forbidden(res);
      const p = parseOr400(accountParams, req.params, res);
      const body = p && parseOr400(alertPhoneBody, req.body, res);
      if (!p || !body) return;
      answer(res, await d.accounts.setAlertPhone(p.id, body.version, body.alertPhone, c));
    }),
  );
  return r;
}
