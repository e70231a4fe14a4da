// The attendance page's reads: a hospital's bookings of a day (and session, service) with their
// attendance state and no-shows, the same list as a CSV file for Excel (audited as an export), and
// the hospital's waitlists per service. Filtered to what the account sees (the service checks the
// scope the staff guard set). Mount it behind the staff guard.
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { isCalendarDay, shanghaiDay } from '../../domain/calendarDay.js';
import { DAY_BOOKING_COLUMNS, dayBookings, exportDayBookings, waitlists } from '../../services/booking/staffBookings.js';
import type { Clock } from '../../support/clock.js';
import { csvBytes, csvText } from '../../support/csvWrite.js';
import { asyncHandler, nearTodayOr400, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

export interface HospitalDayDeps {
  db: Db;
  clock: Clock;
}

export const hospitalParams = z.object({ hospitalId: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });
const filters = {
  day: z.string({ required_error: 'required' }).refine(isCalendarDay, 'a day like 2026-03-01').describe('the day (YYYY-MM-DD, Asia/Shanghai)'),
  session: z.enum(['am', 'pm']).optional(),
  serviceId: z.string().trim().min(1).max(32).optional(),
};
export const dayBookingsQuery = z.object(filters).strict();
export const exportEncoding = z
  .enum(['utf8', 'gbk'])
  .default('utf8')
  .describe('utf8: UTF-8 with a byte-order mark (Excel 2016 and later); gbk: for older Excel on Chinese Windows');
export const dayBookingsExportQuery = z.object({ ...filters, encoding: exportEncoding }).strict();
export const waitlistQuery = z.object({ serviceId: z.string().trim().min(1).max(32).optional() }).strict();

/** Answers a CSV file to download. */
export function sendCsv(
  res: import('express').Response,
  name: string,
  header: readonly string[],
  rows: Parameters<typeof csvText>[1],
  encoding: 'utf8' | 'gbk',
) {
  res.set('Content-Type', `text/csv; charset=${encoding === 'gbk' ? 'GBK' : 'utf-8'}`);
  res.set('Content-Disposition', `attachment; filename="${name}"`);
  res.set('Cache-Control', 'no-store');
  res.send(csvBytes(csvText(header, rows), encoding));
}

export function hospitalDayRouter(deps: HospitalDayDeps): Router {
  const r = Router();
  const today = () => shanghaiDay(deps.clock.now());
  r.get(
    '/api/staff/hospitals/:hospitalId/bookings',
    asyncHandler(async (req, res) => {
      const p = parseOr400(hospitalParams, req.params, res);
      const q = p && parseOr400(dayBookingsQuery, req.query, res);
      if (!p || !q || !nearTodayOr400(res, today(), { day: q.day })) return;
      res.json(await dayBookings(deps.db, staffOf(req), { hospitalId: p.hospitalId, ...q }));
    }),
  );
  r.get(
    '/api/staff/hospitals/:hospitalId/bookings/export',
    asyncHandler(async (req, res) => {
      const p = parseOr400(hospitalParams, req.params, res);
      const q = p && parseOr400(dayBookingsExportQuery, req.query, res);
      if (!p || !q || !nearTodayOr400(res, today(), { day: q.day })) return;
      const { encoding, ...filter } = q;
      const rows = await exportDayBookings(deps.db, staffOf(req), { hospitalId: p.hospitalId, ...filter }, deps.clock.now(), req.ip);
      sendCsv(res, `bookings-${p.hospitalId}-${q.day}${q.session ? `-${q.session}` : ''}.csv`, DAY_BOOKING_COLUMNS, rows, encoding);
    }),
  );
  r.get(
    '/api/staff/hospitals/:hospitalId/waitlists',
    asyncHandler(async (req, res) => {
      const p = parseOr400(hospitalParams, req.params, res);
      const q = p && parseOr400(waitlistQuery, req.query, res);
      if (!p || !q) return;
      res.json(await waitlists(deps.db, staffOf(req), { hospitalId: p.hospitalId, ...q }));
    }),
  );
  return r;
}
