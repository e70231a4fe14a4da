// What the console's capacity, bookings and waitlist pages read besides the slot overview: the
// hospitals, services, townships and villages the account may pick (GET /api/staff/capacity/options)
// and a hospital's weekly rules and closures with their reasons (GET …/hospitals/:id/capacity).
// Filtered to the account's scope by the services. Mount it behind the staff guard.
import { Router } from 'express';
import { z } from 'zod';
import { daysBetween, isCalendarDay, shanghaiDay } from '../../domain/calendarDay.js';
import type { Profile } from '../../domain/profile/profileSchema.js';
import type { County } from '../../profiles/countySchema.js';
import { capacityOptions } from '../../services/capacity/capacityOptions.js';
import type { CapacityService } from '../../services/capacity/CapacityService.js';
import type { Clock } from '../../support/clock.js';
import { asyncHandler, nearTodayOr400, parseOr400 } from '../validate.js';
import { MAX_OVERVIEW_DAYS } from './capacityRouter.js';
import { hospitalParams } from './hospitalDayRouter.js';
import { staffOf } from './staffRequest.js';

export interface CapacityViewDeps {
  capacity: CapacityService;
  county: County;
  profile?: Profile;
  clock: Clock;
}

const day = z.string({ required_error: 'required' }).refine(isCalendarDay, 'must be a calendar day YYYY-MM-DD');
export const planQuery = z.object({ from: day, to: day }).strict();

export function capacityViewRouter(deps: CapacityViewDeps): Router {
  const r = Router();
  r.get('/api/staff/capacity/options', (req, res) => {
    // (today where the county is: the pages open on it)
    res.json({ today: shanghaiDay(deps.clock.now()), ...capacityOptions(deps.county, deps.profile, staffOf(req)) });
  });
  r.get(
    '/api/staff/hospitals/:hospitalId/capacity',
    asyncHandler(async (req, res) => {
      const p = parseOr400(hospitalParams, req.params, res);
      const q = p && parseOr400(planQuery, req.query, res);
      if (!p || !q || !nearTodayOr400(res, shanghaiDay(deps.clock.now()), { from: q.from, to: q.to })) return;
      const span = daysBetween(q.from, q.to);
      if (span < 0 || span >= MAX_OVERVIEW_DAYS) {
        res.status(400).json({ error: 'invalid_request', field: 'to', message: `to: must be from … ${MAX_OVERVIEW_DAYS - 1} days after from` });
        return;
      }
      res.json(await deps.capacity.staff.plan(staffOf(req), p.hospitalId, q.from, q.to));
    }),
  );
  return r;
}
