// Hospital staff mark a visit attended by its booking code. No authentication here: the app mounts
// this router behind the admin-token middleware.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../support/clock.js';
import type { AttendanceResult } from '../../services/booking/bookingTypes.js';
import { asyncHandler, parseOr400 } from '../validate.js';

export interface AttendanceDeps {
  booking: { markAttended(a: { hospitalId: string; code: string; now: Date }): Promise<AttendanceResult> };
  clock: Clock;
}

export const attendanceParams = z.object({ hospitalId: z.string().trim().min(1, 'required').max(64, 'at most 64 characters') });
export const attendanceBody = z.object({
  code: z.string({ required_error: 'required', invalid_type_error: 'a booking code, e.g. XC7K3P' }).trim().min(1, 'required').max(20, 'at most 20 characters'),
});

export function attendanceRouter(deps: AttendanceDeps): Router {
  const r = Router();
  r.post(
    '/api/staff/hospitals/:hospitalId/attendance',
    express.json({ limit: '16kb' }),
    asyncHandler(async (req, res) => {
      const p = parseOr400(attendanceParams, req.params, res);
      if (!p) return;
      const b = parseOr400(attendanceBody, req.body, res);
      if (!b) return;
      const result = await deps.booking.markAttended({ hospitalId: p.hospitalId, code: b.code, now: deps.clock.now() });
      if (!result.ok && result.reason === 'not_found') {
        res.status(404).json({ error: 'not_found', message: `no booking with code ${b.code} at this hospital` });
        return;
      }
      const bookings = result.ok || 'bookings' in result ? result.bookings : [];
      const out = bookings.map((x) => ({ code: x.code, serviceId: x.serviceId, day: x.day, session: x.session, status: x.status }));
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
