// Staff follow pregnancies: those registered (with the screenings they missed), the screenings missed
// (a window closed with nothing booked or done), and referrals for prenatal diagnosis. Only of the
// women the account sees (county, township; a hospital account gets 403); another township's
// pregnancy answers 404. Mounted behind the staff guard.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../support/clock.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import type { PregnancyService } from '../../services/pregnancy/PregnancyService.js';
import { asyncHandler, dayListOr400, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

export interface PregnancyRouterDeps {
  pregnancy: Pick<PregnancyService, 'missed' | 'setReferred' | 'registered'>;
  clock: Clock;
}

export const referralBody = z.object({ referred: z.boolean({ required_error: 'required', invalid_type_error: 'true or false' }) }).strict();
export const registeredFilter = z.object({
  status: z.enum(['active', 'born', 'lost']).optional(),
  referred: z.enum(['true', 'false'], { message: 'true or false' }).optional().describe('referred for prenatal diagnosis (or not)'),
});
const idParams = z.object({ id: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });

export function pregnancyRouter(deps: PregnancyRouterDeps): Router {
  const r = Router();
  // default: the last 30 days
  r.get(
    '/api/staff/pregnancies/missed',
    asyncHandler(async (req, res) => {
      const q = dayListOr400(req.query, res, shanghaiDay(deps.clock.now()));
      if (!q) return;
      const { from, to } = q;
      // (one more than asked: whether there are more)
      const rows = await deps.pregnancy.missed(from, to, q.limit + 1, staffOf(req));
      res.json({ from, to, limit: q.limit, more: rows.length > q.limit, missed: rows.slice(0, q.limit) });
    }),
  );
  // default: registered in the last 30 days
  r.get(
    '/api/staff/pregnancies',
    asyncHandler(async (req, res) => {
      const { status, referred, ...range } = req.query;
      const filter = parseOr400(registeredFilter, { status, referred }, res);
      const q = filter && dayListOr400(range, res, shanghaiDay(deps.clock.now()));
      if (!filter || !q) return;
      const rows = await deps.pregnancy.registered(staffOf(req), {
        today: shanghaiDay(deps.clock.now()),
        from: q.from,
        to: q.to,
        take: q.limit + 1,
        status: filter.status,
        referred: filter.referred === undefined ? undefined : filter.referred === 'true',
      });
      res.json({ from: q.from, to: q.to, limit: q.limit, ...filter, more: rows.length > q.limit, pregnancies: rows.slice(0, q.limit) });
    }),
  );
  r.post(
    '/api/staff/pregnancies/:id/referral',
    express.json({ limit: '4kb' }),
    asyncHandler(async (req, res) => {
      const p = parseOr400(idParams, req.params, res);
      if (!p) return;
      const b = parseOr400(referralBody, req.body, res);
      if (!b) return;
      const updated = await deps.pregnancy.setReferred(p.id, b.referred, deps.clock.now(), staffOf(req));
      if (!updated) {
        res.status(404).json({ error: 'not_found', message: `no pregnancy ${p.id}` });
        return;
      }
      res.json({ id: updated.id, referred: updated.referred, status: updated.status, dueDate: updated.dueDate });
    }),
  );
  return r;
}
