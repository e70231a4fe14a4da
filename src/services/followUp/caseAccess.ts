// Which staff see and work a follow-up case (design invariant 8), checked in the case's own
// transaction, and the audit row of each staff action. A case is reported under its hospital's
// county: the county's administrators and the hospital's accounts see it, a township account the
// cases of its women (a case of an unmatched result belongs to no township). Unseen: 404. Its owner
// is a staff account (StaffAccount id), enabled, that sees the case itself.
import type { FollowUpCase, Tx } from '../../db/client.js';
import { administersCounty, staffActor, type StaffScope, type StaffRole } from '../../domain/staff/staffScope.js';
import { audit } from '../audit/audit.js';
import { auditBy, notFound, whereShe } from '../staffAccess/scopeAccess.js';

/** Who acts: a staff scope (checked and audited), or a fixed actor name (jobs, tests). */
export type CaseActor = StaffScope | string;

export const caseActorName = (by: CaseActor): string => (typeof by === 'string' ? by : staffActor(by));

/** Whether the account sees the case. */
export async function seesCase(tx: Tx, s: StaffScope, c: Pick<FollowUpCase, 'regionId' | 'hospitalId' | 'contactId'>): Promise<boolean> {
  if (administersCounty(s, c.regionId)) return true;
  if (s.countyId !== c.regionId) return false;
  if (s.role === 'hospital') return s.hospitalId === c.hospitalId;
  if (s.role !== 'township' || !c.contactId) return false;
  const she = await whereShe(tx, c.contactId);
  return !!she?.townshipId && she.countyId === s.countyId && she.townshipId === s.townshipId;
}

const AUDITED_DETAIL = new Set(['ownerSet', 'aid']);

/** Checks the account sees the case (404 otherwise); returns the writer of the action's audit row. */
export async function mayWorkCase(tx: Tx, by: CaseActor, c: FollowUpCase) {
  if (typeof by === 'string') return async () => undefined;
  if (!(await seesCase(tx, by, c))) throw notFound(`follow-up case ${c.id}: not_found`);
  return (kind: string, now: Date, detail?: string) =>
    audit(
      tx,
      {
        by: auditBy(by),
        action: `case.${kind}`,
        objectType: 'case',
        objectId: c.id,
        countyId: c.regionId,
        // (the new owner or aid state; never her outcome or group: health and social data stay on the case)
        detail: { resultId: c.resultId, contactId: c.contactId, ...(detail && AUDITED_DETAIL.has(kind) ? { detail } : {}) },
      },
      now,
    );
}

/** Whether an account id may own the case: an enabled account that sees it. */
export async function ownerMaySee(tx: Tx, accountId: string, c: FollowUpCase): Promise<boolean> {
  const a = await tx.staffAccount.findUnique({ where: { id: accountId } });
  if (!a || a.disabledAt) return false;
  const scope: StaffScope = {
    accountId: a.id,
    role: a.role as StaffRole,
    ...(a.countyId ? { countyId: a.countyId } : {}),
    ...(a.townshipId ? { townshipId: a.townshipId } : {}),
    ...(a.hospitalId ? { hospitalId: a.hospitalId } : {}),
  };
  return seesCase(tx, scope, c);
}
