// The append-only audit (design invariant 8): every view of a woman's record, every export, every
// change to capacity, results, cases, accounts or settings. Written in the transaction of the change
// it records (a change rolled back leaves no entry), or on its own for a view. Ids and codes only:
// never a name, a birth date, an ID number, a phone or a visit code.
import type { Db, Tx } from '../../db/client.js';
import { staffActor, type StaffScope } from '../../domain/staff/staffScope.js';

export interface AuditRecord {
  /** The staff member, or 'token' (the emergency admin token), 'system', 'hospital:<id>', or 'anonymous' (a failed console login). */
  by: StaffScope | 'token' | 'system' | 'anonymous' | `hospital:${string}`;
  /** What was done, e.g. woman.view, results.export, capacity.change, result.release, account.create. */
  action: string;
  objectType: string;
  objectId?: string;
  /** The county the object belongs to: what its county administrator reads in the audit. */
  countyId?: string;
  /** The client's address, as the request gave it (default: the staff scope's). */
  address?: string;
  /** Ids and codes only. */
  detail?: Record<string, string | number | boolean | null>;
}

export async function audit(db: Db | Tx, r: AuditRecord, now: Date): Promise<void> {
  const staff = typeof r.by === 'object' ? r.by : undefined;
  await db.auditEntry.create({
    data: {
      at: now,
      accountId: staff?.accountId ?? null,
      actor: staff ? staffActor(staff) : (r.by as string),
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId ?? null,
      countyId: r.countyId ?? staff?.countyId ?? null,
      address: r.address ?? staff?.address ?? null,
      detail: r.detail ? JSON.stringify(r.detail) : null,
    },
  });
}

/**
 * Deletes the entries older than the profile's retention (`audit.keepMonths` calendar months before
 * `now`): the one deletion the audit allows, done by the nightly job only.
 */
export async function sweepAudit(db: Db, keepMonths: number, now: Date): Promise<number> {
  const before = new Date(now);
  before.setUTCMonth(before.getUTCMonth() - keepMonths);
  return (await db.auditEntry.deleteMany({ where: { at: { lt: before } } })).count;
}
