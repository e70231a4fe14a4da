// A woman's record for staff: search (by ID number, visit code or contact id; exactly one) and one
// record, within the account's scope (the service checks it: another township's woman answers 404)
// and audited (woman.search, woman.view: ids only). Name and phone are not collected by the bot
// today, so they are not searched (the roster issue adds them). Mounted behind the staff guard.
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { searchWomen, womanRecord } from '../../services/staffAccess/womanRecord.js';
import type { Clock } from '../../support/clock.js';
import type { IdentityKeys } from '../../support/identityKeys.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

export interface WomenRouterDeps {
  db: Db;
  /** Unset: ID numbers are not kept here (no ID_HASH_KEY), so a search by one finds nobody. */
  identity?: IdentityKeys;
  clock: Clock;
}

export const womanSearchQuery = z
  .object({
    idNumber: z
      .string()
      .trim()
      .regex(/^\d{17}[\dXx]$/, 'an 18-character resident ID number')
      .optional()
      .describe('her resident ID number (found by its keyed hash)'),
    visitCode: z.string().trim().min(4, 'at least 4 characters').max(20, 'at most 20 characters').optional().describe('a booking or visit code she shows'),
    contactId: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const given = [q.idNumber, q.visitCode, q.contactId].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'exactly one of idNumber, visitCode, contactId' });
  });
export const womanParams = z.object({ id: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });

export function womenRouter(deps: WomenRouterDeps): Router {
  const r = Router();
  r.get(
    '/api/staff/women',
    asyncHandler(async (req, res) => {
      const q = parseOr400(womanSearchQuery, req.query, res);
      if (!q) return;
      const search = q.idNumber ? { idNumber: q.idNumber } : q.visitCode ? { visitCode: q.visitCode } : { contactId: q.contactId! };
      res.json({ women: await searchWomen(deps.db, deps.identity, staffOf(req), search, deps.clock.now(), req.ip) });
    }),
  );
  r.get(
    '/api/staff/women/:id',
    asyncHandler(async (req, res) => {
      const p = parseOr400(womanParams, req.params, res);
      if (!p) return;
      res.set('Cache-Control', 'no-store');
      res.json(await womanRecord(deps.db, staffOf(req), p.id, deps.clock.now(), req.ip));
    }),
  );
  return r;
}
