// Which staff see and act on a result (design invariant 8), checked in the result service's own
// transaction, and the audit row of each staff action on one. Sees: the hospital's county's
// administrators and the hospital's accounts; a township account the matched results of its women
// (an unmatched result belongs to no township). Releasing and matching by hand are for those who run
// the hospital (403 for a township account that sees it); recording that she was told in person is
// for anyone who sees it (township staff often tell her). Unseen: 404, as if it did not exist.
import type { Db, ScreeningResult, Tx } from '../../db/client.js';
import { administersCounty, staffActor, type StaffScope } from '../../domain/staff/staffScope.js';
import { audit } from '../audit/audit.js';
import { auditBy, forbidden, hospitalCounty, notFound, whereShe } from '../staffAccess/scopeAccess.js';

export type ResultAction = 'release' | 'toldInPerson' | 'match';

/** Who acts: a staff scope (checked and audited), or a fixed actor name (hospital systems, tests, jobs). */
export type ResultActor = StaffScope | string;

export const actorName = (by: ResultActor): string => (typeof by === 'string' ? by : staffActor(by));

/** Whether the account sees the result; `runs`: it runs the result's hospital. */
export async function resultAccess(tx: Db | Tx, by: StaffScope, row: Pick<ScreeningResult, 'hospitalId' | 'contactId' | 'matchState'>) {
  const countyId = (await hospitalCounty(tx, row.hospitalId)) ?? '';
  const runs = administersCounty(by, countyId) || (by.role === 'hospital' && by.hospitalId === row.hospitalId && by.countyId === countyId);
  if (runs) return { countyId, runs, sees: true };
  if (by.role !== 'township' || row.matchState !== 'matched' || !row.contactId) return { countyId, runs, sees: false };
  const she = await whereShe(tx, row.contactId);
  return { countyId, runs, sees: !!she && she.countyId === by.countyId && !!she.townshipId && she.townshipId === by.townshipId };
}

/**
 * Checks a staff member may do this to the result (throws StaffAccessError: 404 unseen, 403 seen but
 * not theirs to do); a fixed actor name passes. Returns the audit writer for when it is done.
 */
export async function mayActOnResult(tx: Tx, by: ResultActor, row: ScreeningResult, action: ResultAction) {
  if (typeof by === 'string') return async () => undefined;
  const a = await resultAccess(tx, by, row);
  if (!a.sees) throw notFound(`result ${row.id}: not_found`);
  if (action !== 'toldInPerson' && !a.runs)
    throw forbidden(`result ${row.id}: only the hospital or the county may ${action === 'match' ? 'match' : 'release'} it`);
  return (now: Date, detail: Record<string, string | number | boolean | null> = {}) =>
    audit(
      tx,
      {
        by: auditBy(by),
        action: `result.${action}`,
        objectType: 'result',
        objectId: row.id,
        countyId: a.countyId,
        detail: { hospitalId: row.hospitalId, ...detail },
      },
      now,
    );
}

/** The audit row of a staff member's upload of a results file: its counts, whether anything was kept. */
export function auditUpload(
  db: Db | Tx,
  by: StaffScope,
  hospitalId: string,
  out: readonly { outcome: 'stored' | 'duplicate' | 'corrected' | 'refused' }[],
  kept: boolean,
  now: Date,
): Promise<void> {
  const count = (o: string) => out.filter((x) => x.outcome === o).length;
  return audit(
    db,
    {
      by: auditBy(by),
      action: 'results.upload',
      objectType: 'hospital',
      objectId: hospitalId,
      detail: { rows: out.length, kept, stored: count('stored'), corrected: count('corrected'), duplicate: count('duplicate'), refused: count('refused') },
    },
    now,
  );
}
