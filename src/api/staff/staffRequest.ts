// Who a staff request is from: set on the request by the staff guard (the admin token, or a console
// session) before any staff router runs; every router reads it with staffOf and passes it to the
// services, which check what it may see (src/domain/staff/staffScope.ts).
import type { Request } from 'express';
import type { StaffScope } from '../../domain/staff/staffScope.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The staff member (or the admin token's holder) the request is from. */
    staff?: StaffScope;
  }
}

/** The admin token's holder: sees every county (an emergency switch, off unless ADMIN_TOKEN is set). */
export const TOKEN_SCOPE: StaffScope = Object.freeze({ accountId: 'token', role: 'city' });

/** The staff scope of a request behind the staff guard (a route mounted without it is a programming error). */
export function staffOf(req: Request): StaffScope {
  if (!req.staff) throw new Error(`staff route ${req.method} ${req.path} reached without the staff guard`);
  return req.staff;
}
