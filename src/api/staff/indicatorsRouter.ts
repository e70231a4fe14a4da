// Staff and the programme indicators (issue 13 point 7; behind the admin token until staff accounts
// exist): GET /api/staff/indicators?region=&from=&to= answers the 两癌 and prenatal figures of a county,
// or of a city aggregating its counties, for the results taken from … to (inclusive). The definitions:
// src/domain/indicators/screeningIndicators.ts.
import { Router } from 'express';
import { z } from 'zod';
import { daysBetween, isCalendarDay } from '../../domain/calendarDay.js';
import type { IndicatorService } from '../../services/indicators/IndicatorService.js';
import { asyncHandler, MAX_LIST_DAYS, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

const day = z.string({ required_error: 'required' }).refine(isCalendarDay, 'a day like 2026-03-01');
export const indicatorQuery = z
  .object({
    region: z.string({ required_error: 'required' }).trim().min(1, 'required').max(64, 'at most 64 characters'),
    from: day,
    to: day,
  })
  .strict();

export interface StaffIndicatorsDeps {
  indicators: Pick<IndicatorService, 'compute'>;
}

export function staffIndicatorsRouter(deps: StaffIndicatorsDeps): Router {
  const r = Router();
  r.get(
    '/api/staff/indicators',
    asyncHandler(async (req, res) => {
      const q = parseOr400(indicatorQuery, req.query, res);
      if (!q) return;
      const bad = (field: string, message: string) => void res.status(400).json({ error: 'invalid_request', field, message: `${field}: ${message}` });
      if (q.from > q.to) return bad('from', 'after to');
      if (daysBetween(q.from, q.to) >= MAX_LIST_DAYS) return bad('to', `at most ${MAX_LIST_DAYS - 1} days after from`);
      const out = await deps.indicators.compute({ regionId: q.region, from: q.from, to: q.to }, staffOf(req));
      if (out.ok) return void res.json(out.report);
      if (out.error === 'not_found') return void res.status(404).json({ error: 'not_found', field: 'region', message: `region ${q.region}: no such region` });
      bad('region', 'a county or a region above counties (results are counted by the county of their hospital)');
    }),
  );
  return r;
}
