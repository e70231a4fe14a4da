// Staff HTTP API for hospital capacity (until the staff console exists): weekly rules, closures,
// reserved shares and the slot overview. Every body is validated with zod; a bad one gets 400 naming
// the field, an unknown hospital 404; an account that does not run the hospital 403 (the service
// checks the scope the staff guard set, and audits each change). Mount it behind the staff guard.
import express, { Router, type ErrorRequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Clock } from '../../support/clock.js';
import type { Db } from '../../db/client.js';
import { daysBetween, isCalendarDay, shanghaiDay } from '../../domain/calendarDay.js';
import type { County, Hospital } from '../../profiles/countySchema.js';
import type { Profile } from '../../domain/profile/profileSchema.js';
import { CapacityInputError, type CapacityService } from '../../services/capacity/CapacityService.js';
import { asyncHandler, nearTodayOr400, parseOr400 } from '../validate.js';
import { staffOf } from './staffRequest.js';

export interface CapacityRouterDeps {
  db: Db;
  capacity: CapacityService;
  county: County;
  clock: Clock;
  /** Called with the bookings on a day just closed (the app cancels them and tells the women). */
  onClosed?: (bookingIds: string[], now: Date) => Promise<void>;
  /**
   * Called after seats may have been added (capacity set, a closure lifted, a reservation cancelled)
   * at this hospital (and service, when one): the app offers them to the women waiting.
   */
  seatsAdded?: (hospitalId: string, serviceId: string | undefined, now: Date) => Promise<void>;
  /**
   * The county's programme profile: a service must be a screening of a programme the hospital runs.
   * Without it, the services named in the county file's capacity lists are the known ones.
   */
  profile?: Profile;
}

/** The longest range GET …/slots answers at once. */
export const MAX_OVERVIEW_DAYS = 92;

const day = z.string().refine(isCalendarDay, 'must be a calendar day YYYY-MM-DD');
const session = z.enum(['am', 'pm']);
const closureSession = z.enum(['am', 'pm', 'all']);

export const rulesBody = z
  .object({
    rules: z
      .array(
        z
          .object({
            weekday: z.number().int().min(1, 'must be 1 (Monday) … 7 (Sunday)').max(7, 'must be 1 (Monday) … 7 (Sunday)'),
            session,
            capacity: z.number().int('must be a whole number').min(0).max(10_000),
          })
          .strict(),
      )
      .max(14),
  })
  .strict()
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.rules.forEach((r, i) => {
      const key = `${r.weekday}:${r.session}`;
      if (seen.has(key))
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['rules', i, 'session'], message: `weekday ${r.weekday} ${r.session} is given twice` });
      seen.add(key);
    });
  });

export const closureBody = z.object({ day, session: closureSession, reason: z.string().trim().min(1, 'required').max(200) }).strict();
export const closureParams = z.object({ day, session: closureSession });

export const reservationBody = z
  .object({
    serviceId: z.string().min(1, 'required'),
    day,
    session,
    kind: z.enum(['region', 'priority']),
    regionId: z.string().min(1).optional(),
    seats: z.number().int('must be a whole number').min(1).max(10_000),
    releaseAt: z.string().datetime({ offset: true, message: 'an ISO-8601 instant, e.g. 2026-03-05T16:00:00+08:00' }),
  })
  .strict();
export const unreserveQuery = z.object({
  serviceId: z.string().min(1, 'required'),
  day,
  session,
  kind: z.enum(['region', 'priority']),
  regionId: z.string().min(1).optional(),
});
export const slotsQuery = z.object({ from: day, to: day });

type Known = { hospital: Hospital; services: Set<string> };

function servicesOf(county: County, hospital: Hospital, profile: Profile | undefined): Set<string> {
  if (profile) {
    return new Set(hospital.programmes.flatMap((p) => profile.programmes[p]?.screenings.map((s) => s.id) ?? []));
  }
  return new Set(county.hospitals.flatMap((h) => h.capacity.map((c) => c.service)));
}

function invalid(res: Response, field: string, message: string, status = 400): void {
  res.status(status).json({ error: status === 404 ? 'not_found' : 'invalid_request', field, message: `${field}: ${message}` });
}

export function capacityRouter(deps: CapacityRouterDeps): Router {
  const { capacity, county, clock, profile } = deps;
  const known = new Map<string, Known>(county.hospitals.map((h) => [h.id, { hospital: h, services: servicesOf(county, h, profile) }]));
  const regions = new Set(county.townships.flatMap((t) => [t.id, ...t.villages.map((v) => v.id)]));

  /** The hospital named in the path, or a 404 answered. */
  const hospitalOr404 = (id: string, res: Response): Known | undefined => {
    const k = known.get(id);
    if (!k) invalid(res, 'hospitalId', `unknown hospital '${id}' (known: ${[...known.keys()].join(', ')})`, 404);
    return k;
  };
  /** Answers a CapacityInputError as 400 naming its field; anything else is rethrown (500). */
  const inputErrorOr = (err: unknown, res: Response): void => {
    if (err instanceof CapacityInputError) return invalid(res, err.field, err.message.replace(`${err.field}: `, ''));
    throw err;
  };

  /** Today, where the county is. */
  const today = (): string => shanghaiDay(clock.now());

  const r = Router();
  r.use('/api/staff', express.json({ limit: '64kb' }));

  r.put(
    '/api/staff/hospitals/:hospitalId/services/:serviceId/capacity',
    asyncHandler(async (req, res) => {
      const k = hospitalOr404(req.params.hospitalId, res);
      if (!k) return;
      const serviceId = req.params.serviceId;
      if (!k.services.has(serviceId))
        return invalid(res, 'serviceId', `'${serviceId}' is not a service of ${k.hospital.id} (${[...k.services].join(', ')})`, 404);
      const body = parseOr400(rulesBody, req.body, res);
      if (!body) return;
      try {
        const now = clock.now();
        const result = await capacity.staff.setRules(staffOf(req), k.hospital.id, serviceId, body.rules, now);
        await deps.seatsAdded?.(k.hospital.id, serviceId, now);
        res.json(result);
      } catch (err) {
        inputErrorOr(err, res);
      }
    }),
  );

  r.post(
    '/api/staff/hospitals/:hospitalId/closures',
    asyncHandler(async (req, res) => {
      const k = hospitalOr404(req.params.hospitalId, res);
      if (!k) return;
      const body = parseOr400(closureBody, req.body, res);
      if (!body || !nearTodayOr400(res, today(), { day: body.day })) return;
      try {
        const result = await capacity.staff.addClosure(staffOf(req), k.hospital.id, body.day, body.session, body.reason, clock.now());
        if (deps.onClosed && result.affectedBookings.length > 0)
          await deps.onClosed(
            result.affectedBookings.map((b) => b.bookingId),
            clock.now(),
          );
        res.json(result);
      } catch (err) {
        inputErrorOr(err, res);
      }
    }),
  );

  r.delete(
    '/api/staff/hospitals/:hospitalId/closures/:day/:session',
    asyncHandler(async (req, res) => {
      const k = hospitalOr404(req.params.hospitalId, res);
      if (!k) return;
      const params = parseOr400(closureParams, { day: req.params.day, session: req.params.session }, res);
      if (!params) return;
      try {
        const result = await capacity.staff.removeClosure(staffOf(req), k.hospital.id, params.day, params.session, clock.now());
        if (result.slotsReopened > 0) await deps.seatsAdded?.(k.hospital.id, undefined, clock.now());
        res.json(result);
      } catch (err) {
        inputErrorOr(err, res);
      }
    }),
  );

  r.post(
    '/api/staff/hospitals/:hospitalId/reservations',
    asyncHandler(async (req, res) => {
      const k = hospitalOr404(req.params.hospitalId, res);
      if (!k) return;
      const body = parseOr400(reservationBody, req.body, res);
      if (!body || !nearTodayOr400(res, today(), { day: body.day, releaseAt: shanghaiDay(new Date(body.releaseAt)) })) return;
      if (!k.services.has(body.serviceId))
        return invalid(res, 'serviceId', `'${body.serviceId}' is not a service of ${k.hospital.id} (${[...k.services].join(', ')})`);
      if (body.kind === 'region' && !body.regionId) return invalid(res, 'regionId', "required for kind 'region' (a township or village id)");
      if (body.kind === 'priority' && body.regionId) return invalid(res, 'regionId', "only for kind 'region'");
      if (body.regionId && !regions.has(body.regionId)) return invalid(res, 'regionId', `'${body.regionId}' is not a township or village of ${county.name}`);
      const now = clock.now();
      const releaseAt = new Date(body.releaseAt);
      if (releaseAt.getTime() <= now.getTime()) return invalid(res, 'releaseAt', `must be after now (${now.toISOString()})`);
      try {
        const result = await capacity.staff.reserve(staffOf(req), { ...body, hospitalId: k.hospital.id, releaseAt }, now);
        if (result.ok) {
          res.json(result);
          return;
        }
        const messages = {
          no_capacity: `${k.hospital.id} has no ${body.serviceId} capacity on ${body.day} ${body.session}`,
          closed: `${k.hospital.id} is closed on ${body.day} ${body.session}`,
          not_enough_seats: `not enough unbooked seats in the general pool`,
          below_booked: `more seats than that are already booked in this reservation`,
        };
        res.status(409).json({ ...result, error: result.reason, message: messages[result.reason] });
      } catch (err) {
        inputErrorOr(err, res);
      }
    }),
  );

  r.delete(
    '/api/staff/hospitals/:hospitalId/reservations',
    asyncHandler(async (req, res) => {
      const k = hospitalOr404(req.params.hospitalId, res);
      if (!k) return;
      const q = parseOr400(unreserveQuery, req.query, res);
      if (!q) return;
      if (!k.services.has(q.serviceId)) return invalid(res, 'serviceId', `'${q.serviceId}' is not a service of ${k.hospital.id}`);
      try {
        const now = clock.now();
        const result = await capacity.staff.unreserve(staffOf(req), { ...q, hospitalId: k.hospital.id }, now);
        if (result.seatsReturned > 0) await deps.seatsAdded?.(k.hospital.id, q.serviceId, now);
        res.json(result);
      } catch (err) {
        inputErrorOr(err, res);
      }
    }),
  );

  r.get(
    '/api/staff/hospitals/:hospitalId/slots',
    asyncHandler(async (req, res) => {
      const k = hospitalOr404(req.params.hospitalId, res);
      if (!k) return;
      const q = parseOr400(slotsQuery, req.query, res);
      if (!q || !nearTodayOr400(res, today(), { from: q.from, to: q.to })) return;
      const span = daysBetween(q.from, q.to);
      if (span < 0) return invalid(res, 'to', 'must not be before from');
      if (span >= MAX_OVERVIEW_DAYS) return invalid(res, 'to', `at most ${MAX_OVERVIEW_DAYS} days at once`);
      res.json(await capacity.staff.overview(staffOf(req), k.hospital.id, q.from, q.to));
    }),
  );

  // a body that is not JSON (or too large) answers JSON naming the body, never an HTML page
  const jsonErrors: ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, next) => {
    if (res.headersSent || !err.status || err.status >= 500) return next(err);
    const message = err.type === 'entity.parse.failed' ? 'not valid JSON' : String(err.message);
    res.status(err.status).json({ error: 'invalid_request', field: '(body)', message: `(body): ${message}` });
  };
  r.use('/api/staff', jsonErrors);
  return r;
}
