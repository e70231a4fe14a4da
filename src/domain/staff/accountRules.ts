// Which accounts an administrator manages, and which scopes it may give (design invariant 8). city:
// every account and scope; county: the accounts of its county (not city accounts), scopes inside its
// county; township and hospital staff manage none. Pure: whether a township or hospital belongs to
// the county is the caller's look-up.
import { STAFF_ROLES, type StaffRole, type StaffScope } from './staffScope.js';

export interface AccountScope {
  role: StaffRole;
  countyId?: string | null;
  townshipId?: string | null;
  hospitalId?: string | null;
}

/** Whether the account manages accounts at all (the console's accounts and audit pages). */
export function isAdministrator(s: StaffScope): boolean {
  return s.role === 'city' || (s.role === 'county' && !!s.countyId);
}

/** Whether the administrator manages (sees, changes) this account. */
export function managesAccount(s: StaffScope, a: AccountScope): boolean {
  if (s.role === 'city') return true;
  return s.role === 'county' && !!s.countyId && a.role !== 'city' && a.countyId === s.countyId;
}

export type ScopeProblem = { field: 'role' | 'countyId' | 'townshipId' | 'hospitalId'; reason: 'required' | 'not_allowed' | 'outside_scope' };

/**
 * What is wrong with giving this scope (the fields a role needs, and none it does not), from this
 * administrator; undefined when nothing. The township and hospital must then be checked to lie in the county.
 */
export function scopeProblem(s: StaffScope, a: AccountScope): ScopeProblem | undefined {
  if (!STAFF_ROLES.includes(a.role)) return { field: 'role', reason: 'not_allowed' };
  if (a.role === 'city') {
    if (s.role !== 'city') return { field: 'role', reason: 'outside_scope' };
    for (const field of ['countyId', 'townshipId', 'hospitalId'] as const) if (a[field]) return { field, reason: 'not_allowed' };
    return undefined;
  }
  if (!a.countyId) return { field: 'countyId', reason: 'required' };
  if (!managesAccount(s, a)) return { field: 'countyId', reason: 'outside_scope' };
  const needs = { county: [], township: ['townshipId'], hospital: ['hospitalId'] }[a.role] as ('townshipId' | 'hospitalId')[];
  for (const field of ['townshipId', 'hospitalId'] as const) {
    if (needs.includes(field) && !a[field]) return { field, reason: 'required' };
    if (!needs.includes(field) && a[field]) return { field, reason: 'not_allowed' };
  }
  return undefined;
}
