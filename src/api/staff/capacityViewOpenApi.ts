// The console's capacity reads (the pickers, a hospital's rules and closures) and the no-shows marked
// by staff in the OpenAPI document (src/api/openapi.ts), from the schemas the routers validate with.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { errors, json, type StaffSecurity } from '../openapiParts.js';
import { attendanceParams, noShowBody } from './attendanceRouter.js';
import { planQuery } from './capacityViewRouter.js';
import { hospitalParams } from './hospitalDayRouter.js';

const named = z.object({ id: z.string(), name: z.string() });
const visit = z.object({ id: z.string(), code: z.string(), serviceId: z.string(), day: z.string(), session: z.string(), status: z.string() });

export function registerCapacityViewPaths(registry: OpenAPIRegistry, staff: StaffSecurity): void {
  registry.registerPath({
    method: 'get',
    path: '/api/staff/capacity/options',
    summary: 'The hospitals (with their services), townships and villages this account may pick on the capacity, bookings and waitlist pages',
    description:
      'A hospital account: its own hospital; other accounts of the county: all its hospitals. runs: the account may change the capacity and mark attendance. ' +
      'regions: where it may reserve seats (a township account: its own township and its villages).',
    security: staff,
    responses: {
      200: {
        description: 'the choices',
        content: json(
          z.object({
            today: z.string().describe('today in Asia/Shanghai (YYYY-MM-DD)'),
            countyId: z.string(),
            hospitals: z.array(named.extend({ runs: z.boolean(), services: z.array(named) })),
            regions: z.array(named.extend({ villages: z.array(named) })),
          }),
        ),
      },
      ...errors({}),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/hospitals/{hospitalId}/capacity',
    summary: 'A hospital’s weekly capacity rules (per service) and its closures from … to, with their reasons',
    security: staff,
    request: { params: hospitalParams, query: planQuery },
    responses: {
      200: {
        description: 'rules with seats, closures of the range',
        content: json(
          z.object({
            hospitalId: z.string(),
            rules: z.array(z.object({ serviceId: z.string(), weekday: z.number().int(), session: z.string(), capacity: z.number().int() })),
            closures: z.array(z.object({ day: z.string(), session: z.string(), reason: z.string() })),
          }),
        ),
      },
      ...errors({ 400: 'a bad range', 403: 'a hospital of another county', 404: 'unknown hospital' }),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/hospitals/{hospitalId}/no-shows',
    summary: 'Mark the bookings ticked on the day’s list as no-shows (she did not come): she is sent one kind message offering to rebook',
    security: staff,
    request: { params: attendanceParams, body: { required: true, content: json(noShowBody) } },
    responses: {
      200: { description: 'marked', content: json(z.object({ marked: z.number().int(), bookings: z.array(visit) })) },
      409: {
        description: 'the bookings are for a later day (too_early) or none is confirmed (not_active)',
        content: json(z.object({ error: z.string(), message: z.string(), bookings: z.array(visit) })),
      },
      ...errors({ 400: 'no bookingIds', 403: 'a hospital this account does not run', 404: 'a booking not of this hospital' }),
    },
  });
}
