// What the hand-off inbox shows by name rather than by id: the township a request is for, and the
// staff accounts that claimed, closed or wrote in it (their display names: staff, not the woman).
// The inbox's count of what waits in the account's scope (counts only).
import type { Db } from '../../db/client.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';

export interface HandoffNames {
  regions: Map<string, string>;
  staff: Map<string, string>;
}

export async function handoffNames(db: Db, regionIds: readonly string[], accountIds: readonly (string | null)[]): Promise<HandoffNames> {
  const ids = [...new Set(accountIds.filter((a): a is string => !!a))];
  const [regions, staff] = await Promise.all([
    db.region.findMany({ where: { id: { in: [...new Set(regionIds)] } }, select: { id: true, name: true } }),
    ids.length ? db.staffAccount.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } }) : [],
  ]);
  return { regions: new Map(regions.map((r) => [r.id, r.name])), staff: new Map(staff.map((s) => [s.id, s.displayName])) };
}

/** The open and claimed requests the account sees: waiting (nobody claimed it), escalated among them, and claimed by the account. */
export async function handoffCountsFor(db: Db, scope: StaffScope): Promise<{ waiting: number; escalated: number; mine: number }> {
  if (scope.role === 'hospital') return { waiting: 0, escalated: 0, mine: 0 };
  const where = {
    ...(scope.role === 'city' ? {} : { countyId: scope.countyId ?? '' }),
    ...(scope.role === 'township' ? { regionId: scope.townshipId ?? '' } : {}),
  };
  const [waiting, escalated, mine] = await Promise.all([
    db.handoffRequest.count({ where: { ...where, status: 'open' } }),
    db.handoffRequest.count({ where: { ...where, status: 'open', escalatedAt: { not: null } } }),
    db.handoffRequest.count({ where: { ...where, status: 'claimed', claimedBy: scope.accountId } }),
  ]);
  return { waiting, escalated, mine };
}
