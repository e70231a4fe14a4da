// Staff follow pregnancies: the screenings missed (a window closed with nothing booked or done),
// and referrals for prenatal diagnosis. Mounted behind the admin-token middleware.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../support/clock.js';
import { addDays, daysBetween, isCalendarDay, shanghaiDay } from '../../domain/calendarDay.js';
import type { PregnancyService } from '../../services/pregnancy/PregnancyService.js';
import { asyncHandler, nearTodayOr400, parseOr400 } from '../validate.js';

export interface PregnancyRouterDeps {
  pregnancy: Pick<PregnancyService, 'missed' | 'setReferred'>;
  clock: Clock;
}

const day = z.string().refine(isCalendarDay, 'a day like 2026-03-01');
/** The longest range, and the most rows, GET …/missed answers at once. */
const MAX_MISSED_DAYS = 366;
const MAX_MISSED_ROWS = 500;
const missedQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    limit: z.coerce.number().int('a whole number').min(1, 'at least 1').max(MAX_MISSED_ROWS, `at most ${MAX_MISSED_ROWS}`).default(100),
  })
  .strict();
const referralBody = z.object({ referred: z.boolean({ required_error: 'required', invalid_type_error: 'true or false' }) }).strict();
const idParams = z.object({ id: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });

export function pregnancyRouter(deps: PregnancyRouterDeps): Router {
  const r = Router();
  // default: the last 30 days
  r.get(
    '/api/staff/pregnancies/missed',
    asyncHandler(async (req, res) => {
      const q = parseOr400(missedQuery, req.query, res);
      if (!q) return;
      const today = shanghaiDay(deps.clock.now());
      if (!nearTodayOr400(res, today, { from: q.from, to: q.to })) return;
      const to = q.to ?? today;
      const from = q.from ?? addDays(to, -30);
      if (from > to) {
        res.status(400).json({ error: 'invalid_request', field: 'from', message: 'from: after to' });
        return;
      }
      if (daysBetween(from, to) >= MAX_MISSED_DAYS) {
        res.status(400).json({ error: 'invalid_request', field: 'to', message: `to: at most ${MAX_MISSED_DAYS - 1} days after from` });
        return;
      }
      // (one more than asked: whether there are more)
      const rows = await deps.pregnancy.missed(from, to, q.limit + 1);
      res.json({ from, to, limit: q.limit, more: rows.length > q.limit, missed: rows.slice(0, q.limit) });
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
      const updated = await deps.pregnancy.setReferred(p.id, b.referred, deps.clock.now());
      if (!updated) {
        res.status(404).json({ error: 'not_found', message: `no pregnancy ${p.id}` });
        return;
      }
      res.json({ id: updated.id, referred: updated.referred, status: updated.status, dueDate: updated.dueDate });
    }),
  );
  return r;
}
