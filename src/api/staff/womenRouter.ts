// A woman's record for staff: search (by ID number, visit code, phone or contact id; exactly one) and
// one record, within the account's scope (the service checks it: another township's woman answers
// 404) and audited (woman.search, woman.view: ids only); her ID number unsealed for a county
// administrator only (woman.id_number_view). Her name is not collected by the bot, and her phone only
// where she is an SMS contact (the roster issue adds both). Mounted behind the staff guard.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { womanIdNumber } from '../../services/staffAccess/womanIdNumber.js';
import { namesOf, searchWomen, womanRecord } from '../../services/staffAccess/womanRecord.js';
import type { Clock } from '../../support/clock.js';
import type { IdentityKeys } from '../../support/identityKeys.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

export interface WomenRouterDeps {
  db: Db;
  /** Unset: ID numbers are not kept here (no ID_HASH_KEY), so a search by one finds nobody. */
  identity?: IdentityKeys;
  clock: Clock;
  /** The profile's screenings (services) by id, with their names: a record names them. */
  serviceNames?: () => Record<string, string>;
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
    phone: z
      .string()
      .transform((v) => v.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, ''))
      .pipe(z.string().regex(/^1\d{10}$/, 'an 11-digit mobile number'))
      .optional()
      .describe('her mobile number (found where she is an SMS contact: the bot does not ask WeChat contacts for it)'),
    contactId: z.string().trim().min(1).max(64).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const given = [q.idNumber, q.visitCode, q.phone, q.contactId].filter((v) => v !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'exactly one of idNumber, visitCode, phone, contactId' });
  });
export const womanParams = z.object({ id: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });

export function womenRouter(deps: WomenRouterDeps): Router {
  const r = Router();
  r.get(
    '/api/staff/women',
    asyncHandler(async (req, res) => {
      const q = parseOr400(womanSearchQuery, req.query, res);
      if (!q) return;
      const search = q.idNumber
        ? { idNumber: q.idNumber }
        : q.visitCode
          ? { visitCode: q.visitCode }
          : q.phone
            ? { phone: q.phone }
            : { contactId: q.contactId! };
      res.json({ women: await searchWomen(deps.db, deps.identity, staffOf(req), search, deps.clock.now(), req.ip) });
    }),
  );
  r.get(
    '/api/staff/women/:id',
    asyncHandler(async (req, res) => {
      const p = parseOr400(womanParams, req.params, res);
      if (!p) return;
      res.set('Cache-Control', 'no-store');
      const record = await womanRecord(deps.db, staffOf(req), p.id, deps.clock.now(), req.ip);
      const all = deps.serviceNames?.() ?? {};
      const used = new Set([...record.bookings.map((b) => b.serviceId), ...record.pregnancies.flatMap((x) => x.screenings.map((y) => y.screeningId))]);
      res.json({ ...record, names: { ...record.names, ...Object.fromEntries(Object.entries(all).filter(([id]) => used.has(id))) } });
    }),
  );
  // (a POST: an explicit act, behind the CSRF check, never cached or prefetched)
  r.post(
    '/api/staff/women/:id/id-number',
    express.json({ limit: '1kb' }),
    asyncHandler(async (req, res) => {
      const p = parseOr400(womanParams, req.params, res);
      if (!p) return;
      res.set('Cache-Control', 'no-store');
      const r = await womanIdNumber(deps.db, deps.identity, staffOf(req), p.id, deps.clock.now(), req.ip);
      if (r.ok) return void res.json({ contactId: p.id, idNumber: r.idNumber });
      if (r.reason === 'not_given') return void res.status(404).json({ error: 'not_given', message: 'she has not given her ID number' });
      res.status(503).json({ error: 'no_keys', message: 'ID numbers cannot be read here (ID_HASH_KEY / DATA_ENCRYPTION_KEYS unset)' });
    }),
  );
  // the names of the account's county, township and hospital (the home page shows names, not ids)
  r.get(
    '/api/staff/scope',
    asyncHandler(async (req, res) => {
      const s = staffOf(req);
      const names = await namesOf(deps.db, [s.countyId ?? null, s.townshipId ?? null], s.hospitalId ? [s.hospitalId] : []);
      const one = (id?: string | null) => (id ? { id, name: names[id] ?? id } : null);
      res.json({ role: s.role, county: one(s.countyId), township: one(s.townshipId), hospital: one(s.hospitalId) });
    }),
  );
  return r;
}
