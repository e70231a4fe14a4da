// Who a staff request is from, and what that account may see (design invariant 8: access is checked
// in the services, not only hidden in pages). city: every county of the database; county: its county;
// township: its township (its women, villages, reports); hospital: its hospital (capacity, bookings,
// attendance, results). Pure: the caller says which county a township or hospital belongs to.
export const STAFF_ROLES = ['city', 'county', 'township', 'hospital'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffScope {
  accountId: string;
  role: StaffRole;
  /** county, township and hospital accounts: their county. */
  countyId?: string;
  /** township accounts: their township (a Region id). */
  townshipId?: string;
  /** hospital accounts: their hospital. */
  hospitalId?: string;
  /** The address the request came from (set by the staff guard): what the audit records of a change. */
  address?: string;
}

/** Whether the account sees everything of this county (a city or county account of it). */
export function administersCounty(s: StaffScope, countyId: string): boolean {
  return s.role === 'city' || (s.role === 'county' && s.countyId === countyId);
}

/** Whether the account sees a woman or a record of this township of this county. */
export function seesTownship(s: StaffScope, countyId: string, townshipId: string | null | undefined): boolean {
  if (administersCounty(s, countyId)) return true;
  return s.role === 'township' && s.countyId === countyId && !!townshipId && s.townshipId === townshipId;
}

/** Whether the account sees (and, for a hospital account, runs) this hospital of this county. */
export function seesHospital(s: StaffScope, countyId: string, hospitalId: string): boolean {
  if (administersCounty(s, countyId)) return true;
  return s.role === 'hospital' && s.countyId === countyId && s.hospitalId === hospitalId;
}

/** How a staff member is named in a record of who did something (ResultEvent, FollowUpEvent, AuditEntry). */
export function staffActor(s: StaffScope): string {
  return `staff:${s.accountId}`;
}
