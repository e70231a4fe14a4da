// A staff member's HTTP client for API tests: logs in to the console's API as a browser would (the
// sa.sid cookie and the CSRF token), then calls /api/staff routes; and staff accounts made straight in
// the database (as `npm run admin:create` would).
import type { Db } from '../../src/db/client.js';
import { hashPassword } from '../../src/services/staff/passwords.js';

export const TEST_STAFF_PASSWORD = 'Correct-Horse-42';

// (the answers' JSON, read field by field by the assertions)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

export interface StaffClient {
  cookie?: string;
  csrf?: string;
}

export interface StaffAnswer {
  status: number;
  headers: Headers;
  body: Body;
  setCookie: string | null;
}

export interface AccountSpec {
  role: string;
  countyId?: string;
  townshipId?: string;
  hospitalId?: string;
  mustChangePassword?: boolean;
}

export async function createStaffAccount(db: Db, username: string, o: AccountSpec, password = TEST_STAFF_PASSWORD) {
  const now = new Date();
  return db.staffAccount.create({
    data: {
      username,
      displayName: username,
      role: o.role,
      countyId: o.countyId ?? null,
      townshipId: o.townshipId ?? null,
      hospitalId: o.hospitalId ?? null,
      passwordHash: await hashPassword(password),
      mustChangePassword: o.mustChangePassword ?? false,
      createdAt: now,
      updatedAt: now,
    },
  });
}

/** Calls `base`/api/staff`path` as the client (csrf: null leaves the token out, a string forges it). */
export async function staffCall(
  base: string,
  c: StaffClient,
  method: string,
  path: string,
  body?: unknown,
  o: { csrf?: string | null } = {},
): Promise<StaffAnswer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (c.cookie) headers.cookie = c.cookie;
  const csrf = o.csrf === undefined ? c.csrf : o.csrf;
  if (csrf) headers['x-csrf-token'] = csrf;
  const r = await fetch(`${base}/api/staff${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const set = r.headers.get('set-cookie');
  if (set?.startsWith('sa.sid=')) c.cookie = set.split(';')[0];
  const text = await r.text();
  return { status: r.status, headers: r.headers, body: (text ? JSON.parse(text) : {}) as Body, setCookie: set };
}

/** Logs in; the client carries the session cookie and the CSRF token afterwards. */
export async function staffLogin(base: string, username: string, password = TEST_STAFF_PASSWORD): Promise<StaffClient & { status: number; body: Body }> {
  const c: StaffClient = {};
  const r = await staffCall(base, c, 'POST', '/session', { username, password });
  c.csrf = r.body.csrfToken;
  return Object.assign(c, { status: r.status, body: r.body });
}
