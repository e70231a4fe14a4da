// The console's session, accounts and audit routes in the OpenAPI document (src/api/openapi.ts), from
// the zod schemas their routers validate with.
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { STAFF_ROLES } from '../domain/staff/staffScope.js';
import { ACCOUNT_ACTIONS, accountParams, alertPhoneBody, newAccountBody, scopeChangeBody, versionBody } from './staff/accountsRouter.js';
import { auditQuery } from './staff/auditRouter.js';
import { hospitalKeyParams } from './staff/hospitalKeysRouter.js';
import { loginBody, passwordBody } from './staff/sessionRouter.js';
import { errors, json, type StaffSecurity } from './openapiParts.js';

const account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  countyId: z.string().nullable(),
  townshipId: z.string().nullable(),
  hospitalId: z.string().nullable(),
  mustChangePassword: z.boolean().describe('true: every other staff route answers 403 password_change_required until it is changed'),
});
const adminAccount = account.extend({
  alertPhone: z.string().nullable().describe('where SMS alerts go (county administrators)'),
  failedLogins: z.number().int(),
  lockedAt: z.string().nullable(),
  disabledAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().describe('sent back with every change (409 when it changed meanwhile)'),
});
const session = z.object({ account, csrfToken: z.string().describe('send as x-csrf-token with every POST, PUT, PATCH and DELETE under /api/staff') });
const accountAnswer = z.object({ account: adminAccount, oneTimePassword: z.string().optional().describe('create and password-reset: shown this once') });
const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  accountId: z.string().nullable(),
  username: z.string().nullable(),
  actor: z.string().describe('staff:<accountId> | token | system | anonymous | hospital:<id>'),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  countyId: z.string().nullable(),
  address: z.string().nullable(),
  detail: z.record(z.unknown()).nullable().describe('ids and codes only'),
});
const changeErrors = (extra: Record<string, string> = {}) =>
  errors({ 403: 'not a city or county administrator, or a missing CSRF token', 404: 'not an account this administrator manages', ...extra });

export function registerStaffAccessPaths(registry: OpenAPIRegistry, staff: StaffSecurity): void {
  registry.registerPath({
    method: 'post',
    path: '/api/staff/session',
    summary: 'Log in to the staff console (sets the sa.sid cookie; no CSRF token needed)',
    request: { body: { required: true, content: json(loginBody) } },
    responses: {
      200: { description: 'logged in', content: json(session) },
      ...errors({
        401: 'wrong_login: wrong user name or password (the same for an unknown user)',
        423: 'account_locked: an administrator must lift the lock',
        429: 'too_many_attempts: Retry-After says when to try again',
      }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/session',
    summary: 'Who is logged in, with the CSRF token',
    security: staff,
    responses: { 200: { description: 'the session', content: json(session) }, ...errors({ 401: 'no session' }) },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/staff/session',
    summary: 'Log out',
    security: staff,
    responses: { 204: { description: 'logged out' }, ...errors({ 401: 'no session', 403: 'csrf' }) },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/session/password',
    summary: "Change the account's own password (also the forced change after a one-time password)",
    description: 'At least 10 characters, not the user name, not a common or simple one. Other sessions of the account end.',
    security: staff,
    request: { body: { required: true, content: json(passwordBody) } },
    responses: {
      204: { description: 'changed' },
      ...errors({
        400: 'wrong_password, or a bad body',
        401: 'no session',
        403: 'csrf',
        422: 'weak_password (reason: too_short, contains_username, too_simple, common, same_password …)',
      }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/accounts',
    summary: 'The accounts this administrator manages (city: all; county: its county)',
    security: staff,
    responses: { 200: { description: 'by county, role and user name', content: json(z.object({ accounts: z.array(adminAccount) })) }, ...changeErrors() },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/accounts/scope-options',
    summary: 'The counties, townships and hospitals this administrator may give accounts',
    security: staff,
    responses: {
      200: {
        description: 'per county',
        content: json(
          z.object({
            counties: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                townships: z.array(z.object({ id: z.string(), name: z.string() })),
                hospitals: z.array(z.object({ id: z.string(), name: z.string() })),
              }),
            ),
          }),
        ),
      },
      ...changeErrors(),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/accounts',
    summary: 'Create an account with a one-time password (changed at its first login)',
    security: staff,
    request: { body: { required: true, content: json(newAccountBody) } },
    responses: {
      201: { description: 'created', content: json(accountAnswer) },
      ...changeErrors({
        400: 'a bad field (named)',
        409: 'username_taken',
        422: 'bad_scope: the field named is missing, not allowed for the role, or outside the scope',
      }),
    },
  });
  const summaries: Record<(typeof ACCOUNT_ACTIONS)[number], string> = {
    disable: 'Disable an account (its sessions end)',
    enable: 'Enable a disabled account',
    unlock: 'Lift the lock after repeated failed logins',
    'password-reset': 'Give a new one-time password (its sessions end)',
  };
  for (const action of ACCOUNT_ACTIONS) {
    registry.registerPath({
      method: 'post',
      path: `/api/staff/accounts/{id}/${action}`,
      summary: summaries[action],
      security: staff,
      request: { params: accountParams, body: { required: true, content: json(versionBody) } },
      responses: { 200: { description: 'done', content: json(accountAnswer) }, ...changeErrors({ 409: 'changed_meanwhile, or own_account' }) },
    });
  }
  registry.registerPath({
    method: 'put',
    path: '/api/staff/accounts/{id}/scope',
    summary: "Change an account's role and scope (its sessions end)",
    security: staff,
    request: { params: accountParams, body: { required: true, content: json(scopeChangeBody) } },
    responses: {
      200: { description: 'changed', content: json(accountAnswer) },
      ...changeErrors({ 409: 'changed_meanwhile, or own_account', 422: 'bad_scope' }),
    },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/staff/accounts/{id}/alert-phone',
    summary: "Set or clear the mobile number the account's SMS alerts go to (a bot account logged out or throttled); audited without the number",
    security: staff,
    request: { params: accountParams, body: { required: true, content: json(alertPhoneBody) } },
    responses: {
      200: { description: 'changed', content: json(accountAnswer) },
      ...changeErrors({ 400: 'alertPhone: not a mobile number', 409: 'changed_meanwhile' }),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/audit',
    summary: 'The audit, newest first (city administrators: all; county administrators: their county)',
    description: 'Append-only: no route changes or deletes an entry. Page on with cursor=nextCursor.',
    security: staff,
    request: { query: auditQuery },
    responses: {
      200: { description: 'a page', content: json(z.object({ entries: z.array(auditEntry), nextCursor: z.string().nullable() })) },
      ...errors({ 400: 'a bad filter (named)', 403: 'not a city or county administrator' }),
    },
  });
  const hospitalKey = z.object({
    hospitalId: z.string(),
    name: z.string(),
    countyId: z.string(),
    apiKey: z.string().nullable().describe('X-Api-Key of POST /api/hospital/results; null: none issued or revoked'),
    issuedAt: z.string().nullable(),
  });
  registry.registerPath({
    method: 'get',
    path: '/api/staff/hospital-keys',
    summary: "The hospitals of the administrator's county (a city one: all) with their API key (never the secret)",
    security: staff,
    responses: {
      200: {
        description: 'the hospitals',
        content: json(z.object({ hospitals: z.array(hospitalKey), canIssue: z.boolean().describe('false: DATA_ENCRYPTION_KEYS is not set') })),
      },
      ...errors({ 403: 'not a city or county administrator' }),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/staff/hospital-keys/{hospitalId}',
    summary: "Issues or rotates a hospital system's API key and signing secret (the old ones stop working at once); audited",
    security: staff,
    request: { params: hospitalKeyParams },
    responses: {
      201: {
        description: 'the new key and secret, shown this once',
        content: json(z.object({ apiKey: z.string(), secret: z.string(), rotated: z.boolean() })),
      },
      ...errors({
        403: 'not the administrator of its county, or a missing CSRF token',
        404: 'no such hospital',
        409: 'no_data_key: DATA_ENCRYPTION_KEYS is not set',
      }),
    },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/staff/hospital-keys/{hospitalId}',
    summary: "Revokes a hospital system's API key (its results are refused until a new one is issued); audited",
    security: staff,
    request: { params: hospitalKeyParams },
    responses: {
      200: { description: 'revoked: false when it had none', content: json(z.object({ revoked: z.boolean() })) },
      ...errors({ 403: 'not the administrator of its county, or a missing CSRF token', 404: 'no such hospital' }),
    },
  });
}
