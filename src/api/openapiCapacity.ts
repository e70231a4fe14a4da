// The capacity, attendance and referral routes in the OpenAPI document (src/api/openapi.ts), from the
// zod schemas their routers validate with.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { attendanceBody, attendanceParams } from './staff/attendanceRouter.js';
import { referralBody } from './staff/pregnancyRouter.js';
import { closureBody, closureParams, MAX_OVERVIEW_DAYS, reservationBody, rulesBody, slotsQuery, unreserveQuery } from './staff/capacityRouter.js';
import { errors, json, type StaffSecurity } from './openapiParts.js';

const session = z.enum(['am', 'pm']);
const hospitalParam = z.object({ hospitalId: z.string().describe('a hospital of the county file, e.g. xc-mch') });
const pool = z.object({
  id: z.string(),
  kind: z.string(),
  regionId: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  releaseAt: z.string().nullable(),
});
const affectedBooking = z.object({
  bookingId: z.string(),
  code: z.string(),
  contactId: z.string(),
  serviceId: z.string(),
  day: z.string(),
  session: z.string(),
  status: z.string(),
});
const overviewRow = z.object({
  day: z.string(),
  session,
  serviceId: z.string(),
  capacity: z.number().int().describe('seats of all pools'),
  booked: z.number().int(),
  free: z.number().int().describe('seats still free in any pool; 0 when closed'),
  reserved: z.record(z.number().int()).describe('seats held per reservation kind (region, priority)'),
  closed: z.boolean(),
  materialized: z.boolean().describe('false: no slot row yet, the figures come from the weekly rules'),
  pools: z.array(pool.omit({ id: true })),
});
const visit = z.object({ code: z.string(), serviceId: z.string(), day: z.string(), session: z.string(), status: z.string() });
const notFound = 'unknown hospital (the known ones are named)';

export function registerCapacityPaths(registry: OpenAPIRegistry, staff: StaffSecurity): void {
  registry.registerPath({
    method: 'put',
    path: '/api/staff/hospitals/{hospitalId}/services/{serviceId}/capacity',
    summary: 'Set the weekly capacity rules of a service (seats per weekday and session)',
    description: 'Future slots follow the new rules; a slot never goes below the seats booked in it (those are listed as conflicts).',
    security: staff,
    request: { params: hospitalParam.extend({ serviceId: z.string() }), body: { required: true, content: json(rulesBody) } },
    responses: {
      200: {
        description: 'the rules kept, the future slots changed, and conflicts',
        content: json(z.object({ rules: rulesBody.innerType().shape.rules, slotsUpdated: z.number().int(), conflicts: z.array(z.record(z.unknown())) })),
      },
      ...errors({ 400: 'a bad rule (the field is named), or a service the hospital does not offer', 404: notFound }),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/hospitals/{hospitalId}/closures',
    summary: 'Close a day or a session; the women booked on it are told and their bookings cancelled',
    security: staff,
    request: { params: hospitalParam, body: { required: true, content: json(closureBody) } },
    responses: {
      200: {
        description: 'the closure, the slots closed and the bookings it affected',
        content: json(z.object({ closure: closureBody, slotsClosed: z.number().int(), affectedBookings: z.array(affectedBooking) })),
      },
      ...errors({ 400: 'a bad body, or a day too far from today', 404: notFound }),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/staff/hospitals/{hospitalId}/closures/{day}/{session}',
    summary: 'Lift a closure; the freed seats are offered to the women waiting',
    security: staff,
    request: { params: hospitalParam.merge(closureParams) },
    responses: {
      200: { description: 'whether it existed, and the slots open again', content: json(z.object({ removed: z.boolean(), slotsReopened: z.number().int() })) },
      ...errors({ 400: 'a bad day or session', 404: notFound }),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/hospitals/{hospitalId}/reservations',
    summary: 'Reserve seats of a session for a township or village (region) or the priority share, until a release time',
    security: staff,
    request: { params: hospitalParam, body: { required: true, content: json(reservationBody) } },
    responses: {
      200: {
        description: 'the reservation and the pools after it',
        content: json(
          z.object({ ok: z.literal(true), reservation: z.object({ id: z.string(), seats: z.number().int(), releaseAt: z.string() }), pool, general: pool }),
        ),
      },
      409: {
        description: 'no capacity that session, closed, not enough unbooked seats, or fewer seats than already booked in it',
        content: json(
          z.object({
            ok: z.literal(false),
            error: z.enum(['no_capacity', 'closed', 'not_enough_seats', 'below_booked']),
            message: z.string(),
            available: z.number().int().optional(),
            booked: z.number().int().optional(),
          }),
        ),
      },
      ...errors({ 400: 'a bad body (the field is named), a release time not after now', 404: notFound }),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/staff/hospitals/{hospitalId}/reservations',
    summary: "Give a reservation's unbooked seats back to the general pool",
    security: staff,
    request: { params: hospitalParam, query: unreserveQuery },
    responses: {
      200: {
        description: 'seats given back; bookings in it stand',
        content: json(z.object({ removed: z.boolean(), seatsReturned: z.number().int(), stillBooked: z.number().int() })),
      },
      ...errors({ 400: 'a bad query', 404: notFound }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/hospitals/{hospitalId}/slots',
    summary: `Booked, free and reserved seats per day, session and service (at most ${MAX_OVERVIEW_DAYS} days)`,
    security: staff,
    request: { params: hospitalParam, query: slotsQuery },
    responses: {
      200: {
        description: 'one row per day × session × service',
        content: json(z.object({ hospitalId: z.string(), from: z.string(), to: z.string(), slots: z.array(overviewRow) })),
      },
      ...errors({ 400: `a bad range, or more than ${MAX_OVERVIEW_DAYS} days`, 404: notFound }),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/hospitals/{hospitalId}/attendance',
    summary: 'Mark a visit attended by the booking code she shows (all her visits of that day at this hospital)',
    security: staff,
    request: { params: attendanceParams, body: { required: true, content: json(attendanceBody) } },
    responses: {
      200: { description: 'marked', content: json(z.object({ marked: z.number().int(), bookings: z.array(visit) })) },
      409: {
        description: 'the booking is for a later day (too_early) or no longer active',
        content: json(z.object({ error: z.string(), message: z.string(), bookings: z.array(visit) })),
      },
      ...errors({ 400: 'no code', 404: 'no booking with this code at this hospital' }),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/pregnancies/{id}/referral',
    summary: 'Mark a pregnancy referred for prenatal diagnosis after a high-risk screen (its alerts follow), or not',
    security: staff,
    request: { params: z.object({ id: z.string() }), body: { required: true, content: json(referralBody) } },
    responses: {
      200: { description: 'the pregnancy', content: json(z.object({ id: z.string(), referred: z.boolean(), status: z.string(), dueDate: z.string() })) },
      ...errors({ 400: 'referred is not true or false', 404: 'no such pregnancy' }),
    },
  });
}
