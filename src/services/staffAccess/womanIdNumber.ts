// Her resident ID number, unsealed, for a county administrator who asks for it explicitly (the
// console's 查看身份证号): refused (403) to any other role, not found (404) for a woman outside the
// county; every reading is audited as woman.id_number_view (ids only: never the number).
import type { Db } from '../../db/client.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import type { IdentityKeys } from '../../support/identityKeys.js';
import { audit } from '../audit/audit.js';
import { auditBy, forbidden, notFound, womenWhere } from './scopeAccess.js';

export type IdNumberOutcome = { ok: true; idNumber: string } | { ok: false; reason: 'not_given' | 'no_keys' };

export async function womanIdNumber(
  db: Db,
  identity: IdentityKeys | undefined,
  s: StaffScope,
  contactId: string,
  now: Date,
  address?: string,
): Promise<IdNumberOutcome> {
  if (s.role !== 'county') throw forbidden('an ID number is shown to county administrators only');
  const w = await db.contact.findFirst({ where: { AND: [{ id: contactId }, await womenWhere(db, s)] }, select: { id: true, regionId: true } });
  if (!w) throw notFound(`woman ${contactId}: not found`);
  const row = await db.contactIdentity.findUnique({ where: { contactId }, select: { idSealed: true } });
  if (!row) return { ok: false, reason: 'not_given' };
  if (!identity) return { ok: false, reason: 'no_keys' };
  const idNumber = identity.open(row.idSealed);
  await audit(db, { by: auditBy(s), action: 'woman.id_number_view', objectType: 'contact', objectId: w.id, countyId: w.regionId ?? undefined, address }, now);
  return { ok: true, idNumber };
}
