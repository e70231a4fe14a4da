// How a console account is shown: to itself (the session) and to its administrators (the list).
// Never its password hash.
import type { StaffRole, StaffScope } from '../../domain/staff/staffScope.js';

export interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  countyId: string | null;
  townshipId: string | null;
  hospitalId: string | null;
  mustChangePassword: boolean;
  alertPhone: string | null;
  failedLogins: number;
  lockedAt: Date | null;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** The session's account, as GET /api/staff/session answers it. */
export function sessionAccount(a: AccountRow) {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role as StaffRole,
    countyId: a.countyId,
    townshipId: a.townshipId,
    hospitalId: a.hospitalId,
    mustChangePassword: a.mustChangePassword,
  };
}

/** An account in its administrators' list. */
export function adminAccount(a: AccountRow) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    ...sessionAccount(a),
    alertPhone: a.alertPhone,
    failedLogins: a.failedLogins,
    lockedAt: iso(a.lockedAt),
    disabledAt: iso(a.disabledAt),
    lastLoginAt: iso(a.lastLoginAt),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    version: a.version,
  };
}

/** The scope a session's account acts in. */
export function scopeOf(a: AccountRow): StaffScope {
  return {
    accountId: a.id,
    role: a.role as StaffRole,
    ...(a.countyId ? { countyId: a.countyId } : {}),
    ...(a.townshipId ? { townshipId: a.townshipId } : {}),
    ...(a.hospitalId ? { hospitalId: a.hospitalId } : {}),
  };
}
