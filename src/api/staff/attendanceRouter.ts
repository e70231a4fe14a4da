// Hospital staff mark a visit attended: by the booking code she shows (or a scan of it typed in), or
// by the bookings ticked on the day's list; and the bookings ticked as no-shows (she did not come). Only an account that runs the hospital (403 otherwise);
// each booking marked is audited. No authentication here: the app mounts this router behind the
// staff guard, which says who the request is from.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../support/clock.js';
import type { AttendanceInput } from '../../services/booking/attendance.js';
import type { AttendanceResult } from '../../services/booking/bookingTypes.js';
import type { NoShowInput } from '../../services/booking/staffNoShow.js';
import { asyncHandler, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

export interface AttendanceDeps {
  booking: { markAttended(a: AttendanceInput): Promise<AttendanceResult>; markNoShowsByStaff(a: NoShowInput): Promise<AttendanceResult> };
  clock: Clock;
}

/** The most bookings one list marks at once. */
export const MAX_ATTENDANCE_LIST = 200;

export const attendanceParams = z.object({ hospitalId: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });
export const attendanceBody = z
  .object({
    code: z
      .string({ invalid_type_error: 'a booking code, e.g. XC7K3P' })
      .trim()
      .min(1, 'required')
      .max(20, 'at most 20 characters')
      .optional()
      .describe('the visit code she shows (marks every booking of the visit) or one booking’s code (XC7K3P-2)'),
    bookingIds: z
      .array(z.string().trim().min(1).max(64), { invalid_type_error: 'a list of booking ids' })
      .min(1, 'at least one')
      .max(MAX_ATTENDANCE_LIST, `at most ${MAX_ATTENDANCE_LIST}`)
      .optional()
      .describe('the bookings ticked on the day’s list (GET …/bookings): all must be of this hospital'),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.code === undefined && b.bookingIds === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: 'required (or bookingIds)' });
    if (b.code !== undefined && b.bookingIds !== undefined)
      ctx.addIssue({ code: 'custom', path: ['bookingIds'], message: 'either code or bookingIds, not both' });
  });

export const noShowBody = z
  .object({
    bookingIds: z
      .array(z.string().trim().min(1).max(64), { required_error: 'required', invalid_type_error: 'a list of booking ids' })
      .min(1, 'at least one')
      .max(MAX_ATTENDANCE_LIST, `at most ${MAX_ATTENDANCE_LIST}`)
      .describe('the bookings ticked on the day’s list (GET …/bookings), confirmed, of today or earlier'),
  })
  .strict();

const views = (result: AttendanceResult) =>
  (result.ok || 'bookings' in result ? result.bookings : []).map((x) => ({
    id: x.id,
    code: x.code,
    serviceId: x.serviceId,
    day: x.day,
    session: x.session,
    status: x.status,
  }));

export function attendanceRouter(deps: AttendanceDeps): Router {
  const r = Router();
  r.post(
    '/api/staff/hospitals/:hospitalId/no-shows',
    express.json({ limit: '16kb' }),
    asyncHandler(async (req, res) => {
      const p = parseOr400(attendanceParams, req.params, res);
      const b = p && parseOr400(noShowBody, req.body, res);
      if (!p || !b) return;
      const result = await deps.booking.markNoShowsByStaff({ hospitalId: p.hospitalId, bookingIds: b.bookingIds, now: deps.clock.now(), by: staffOf(req) });
      if (!result.ok && result.reason === 'not_found') {
        res.status(404).json({ error: 'not_found', message: 'one of the bookings is not at this hospital' });
        return;
      }
      if (!result.ok) {
        const message =
          result.reason === 'too_early' ? 'the bookings are for a later day' : 'none of the bookings is confirmed (attended, cancelled or expired)';
        res.status(409).json({ error: result.reason, message, bookings: views(result) });
        return;
      }
      res.json({ marked: result.marked, bookings: views(result) });
    }),
  );
  r.post(
    '/api/staff/hospitals/:hospitalId/attendance',
    express.json({ limit: '16kb' }),
    asyncHandler(async (req, res) => {
      const p = parseOr400(attendanceParams, req.params, res);
      if (!p) return;
      const b = parseOr400(attendanceBody, req.body, res);
      if (!b) return;
      const base = { hospitalId: p.hospitalId, now: deps.clock.now(), by: staffOf(req) };
      const result = await deps.booking.markAttended(b.bookingIds ? { ...base, bookingIds: b.bookingIds } : { ...base, code: b.code! });
      if (!result.ok && result.reason === 'not_found') {
        const what = b.bookingIds ? 'one of the bookings is not' : `no booking with code ${b.code}`;
        res.status(404).json({ error: 'not_found', message: `${what} at this hospital` });
        return;
      }
      const out = views(result);
      if (!result.ok) {
        const message = result.reason === 'too_early' ? 'the booking is for a later day' : 'the booking is not active (cancelled or expired)';
        res.status(409).json({ error: result.reason, message, bookings: out });
        return;
      }
      res.json({ marked: result.marked, bookings: out });
    }),
  );
  return r;
}
