// The staff console's read routes in the OpenAPI document (src/api/openapi.ts): a hospital's bookings
// of a day (and their export), its waitlists, and the pregnancies registered. Every answer is
// filtered to what the account sees; an account outside the hospital's county gets 403.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { dayBookingsExportQuery, dayBookingsQuery, hospitalParams, waitlistQuery } from './staff/hospitalDayRouter.js';
import { registeredFilter } from './staff/pregnancyRouter.js';
import { womanParams, womanSearchQuery } from './staff/womenRouter.js';
import { dayListQuery } from './validate.js';
import { errors, json, type StaffSecurity } from './openapiParts.js';

const status = z.enum(['held', 'confirmed', 'attended', 'noshow', 'cancelled', 'expired']);
const dayBooking = z.object({
  id: z.string(),
  code: z.string().optional().describe('the booking code she shows: only for an account that runs the hospital'),
  visitCode: z.string().optional().describe('the code of her whole visit (without the -2 suffix): as code'),
  contactId: z.string(),
  serviceId: z.string(),
  day: z.string(),
  session: z.enum(['am', 'pm']),
  status,
  noShow: z.boolean().describe('marked a no-show (confirmed and not marked attended by the end of its day)'),
  attendedAt: z.string().nullable(),
  createdAt: z.string(),
});
const waitEntry = z.object({
  id: z.string(),
  contactId: z.string(),
  serviceId: z.string(),
  dateFrom: z.string(),
  dateTo: z.string(),
  rank: z.number().int().describe('lower goes first (repeated no-shows add to it)'),
  status: z.enum(['waiting', 'offered']),
  createdAt: z.string(),
  position: z.number().int().describe('1 = offered the next free seat (among the entries listed to this account)'),
});
const pregnancyRow = z.object({
  id: z.string(),
  contactId: z.string(),
  status: z.enum(['active', 'born', 'lost']),
  dueDate: z.string(),
  twins: z.boolean(),
  referred: z.boolean(),
  registeredOn: z.string(),
  birthDate: z.string().nullable(),
  endedOn: z.string().nullable(),
  missed: z.array(z.object({ screeningId: z.string(), name: z.string(), windowClosedOn: z.string() })),
  done: z.array(z.string()).describe('screenings she said were done'),
  gestationDays: z.number().int().nullable().describe('days of gestation today (null once it has ended)'),
  next: z
    .object({ screeningId: z.string(), name: z.string(), from: z.string(), to: z.string(), open: z.boolean().describe('open today') })
    .nullable()
    .describe('the next screening window the programme offers it (not done or missed, not yet closed)'),
});

export function registerStaffScopePaths(registry: OpenAPIRegistry, staff: StaffSecurity): void {
  registry.registerPath({
    method: 'get',
    path: '/api/staff/hospitals/{hospitalId}/bookings',
    summary: 'The bookings of a day (and session, service) at a hospital, with their attendance state and no-shows',
    description: 'A hospital account sees its own hospital; a township account the bookings of its women; county and city accounts all.',
    security: staff,
    request: { params: hospitalParams, query: dayBookingsQuery },
    responses: {
      200: {
        description: 'sorted by session and code',
        content: json(
          z.object({
            hospitalId: z.string(),
            day: z.string(),
            session: z.string().nullable(),
            serviceId: z.string().nullable(),
            counts: z.record(z.number().int()).describe('bookings listed per status'),
            bookings: z.array(dayBooking),
          }),
        ),
      },
      ...errors({ 400: 'a missing or bad field (named)', 403: 'a hospital of another county', 404: 'no such hospital' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/hospitals/{hospitalId}/bookings/export',
    summary: 'The same list as a CSV file for Excel (audited as an export)',
    description:
      'Columns: bookingId, code, contactId, serviceId, day, session, status, attendedAt. UTF-8 with a byte-order mark, or GBK. A cell starting like a formula is prefixed with an apostrophe.',
    security: staff,
    request: { params: hospitalParams, query: dayBookingsExportQuery },
    responses: {
      200: { description: 'the file (Content-Disposition: attachment)', content: { 'text/csv': { schema: z.string() } } },
      ...errors({ 400: 'a missing or bad field (named)', 403: 'a hospital of another county', 404: 'no such hospital' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/hospitals/{hospitalId}/waitlists',
    summary: 'The women waiting for a seat at a hospital (or offered one), per service in the order seats are offered',
    security: staff,
    request: { params: hospitalParams, query: waitlistQuery },
    responses: {
      200: {
        description: 'per service',
        content: json(
          z.object({
            hospitalId: z.string(),
            services: z.array(z.object({ serviceId: z.string(), waiting: z.number().int(), offered: z.number().int(), entries: z.array(waitEntry) })),
          }),
        ),
      },
      ...errors({ 400: 'a bad field (named)', 403: 'a hospital of another county', 404: 'no such hospital' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/pregnancies',
    summary: 'Pregnancies registered from … to (default the last 30 days), newest first, with the screenings each missed',
    description: 'Of the women the account sees: a township account its township (her township fact), a county account its county. Hospital accounts: 403.',
    security: staff,
    request: { query: dayListQuery.merge(registeredFilter) },
    responses: {
      200: {
        description: 'newest first',
        content: json(z.object({ from: z.string(), to: z.string(), more: z.boolean(), pregnancies: z.array(pregnancyRow) })),
      },
      ...errors({ 400: 'a bad filter or range', 403: 'a hospital account' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/women',
    summary: "Find a woman by her ID number, a visit code, her phone or her contact id (exactly one), within the account's scope",
    description:
      'Her name is not collected by the bot today, and her phone only where she is an SMS contact (the roster issue adds both), so a phone finds SMS contacts only. Each woman returned is audited as woman.search (ids only; never what was searched by); a search that finds none is audited too. Her ID number is never returned.',
    security: staff,
    request: { query: womanSearchQuery },
    responses: {
      200: {
        description: 'at most 20',
        content: json(
          z.object({
            women: z.array(
              z.object({
                contactId: z.string(),
                countyId: z.string().nullable(),
                townshipId: z.string().nullable(),
                countyName: z.string().nullable(),
                townshipName: z.string().nullable(),
                consent: z.string(),
                idNumberGiven: z.boolean(),
              }),
            ),
          }),
        ),
      },
      ...errors({ 400: 'none or more than one of idNumber, visitCode, phone, contactId; or a bad one' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/women/{id}',
    summary: "A woman's record: consent, eligibility checks, bookings, pregnancies, results, follow-up cases, messages sent to her and their delivery state",
    description:
      "Audited as woman.view. 404 for a woman outside the account's scope (another township's). A hospital account sees only its hospital's bookings, results and cases (whole: false). Her ID number is not shown (idNumberGiven says whether she gave one).",
    security: staff,
    request: { params: womanParams },
    responses: {
      200: { description: 'her record', content: json(z.object({ contactId: z.string(), whole: z.boolean() }).passthrough()) },
      ...errors({ 404: 'no such woman, or not of this account' }),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/women/{id}/id-number',
    summary: 'Her resident ID number, unsealed: for a county administrator, who asks for it explicitly',
    description: 'Audited as woman.id_number_view (ids only). 403 for any other role (city, township, hospital); 404 for a woman outside the county.',
    security: staff,
    request: { params: womanParams },
    responses: {
      200: { description: 'her ID number', content: json(z.object({ contactId: z.string(), idNumber: z.string() })) },
      ...errors({
        403: 'not a county administrator',
        404: 'no such woman in the county (not_found), or she gave no ID number (not_given)',
        503: 'ID numbers cannot be read here (no keys)',
      }),
    },
  });
  const named = z.object({ id: z.string(), name: z.string() }).nullable();
  registry.registerPath({
    method: 'get',
    path: '/api/staff/scope',
    summary: "The names of the account's county, township and hospital",
    security: staff,
    responses: {
      200: {
        description: 'each null where the account has none',
        content: json(z.object({ role: z.string(), county: named, township: named, hospital: named })),
      },
      ...errors({}),
    },
  });
}
