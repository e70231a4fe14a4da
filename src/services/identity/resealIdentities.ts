// Key rotation for ID numbers (npm run keys:reseal): every sealed number (hers, given in the chat, and
// the ones hospitals sent with results) sealed again under the first key of DATA_ENCRYPTION_KEYS, and
// its lookup hash computed again under the current ID_HASH_KEY, so a new hash key takes effect for
// every row. Page by page, each row over the values read (a row changed meanwhile is left for the next run).
import type { Db } from '../../db/client.js';
import type { IdentityKeys } from '../../support/identityKeys.js';
import type { SecretBox } from '../../support/secretBox.js';

const PAGE = 500;

export interface ResealCount {
  sealed: number;
  rehashed: number;
}

export async function resealIdentities(db: Db, box: SecretBox, identity: IdentityKeys): Promise<ResealCount> {
  const count: ResealCount = { sealed: 0, rehashed: 0 };
  const renew = (row: { idHash: string | null; idSealed: string }) => {
    const plain = box.open(row.idSealed);
    const idSealed = box.current(row.idSealed) ? row.idSealed : box.seal(plain);
    const idHash = identity.hash(plain);
    if (idSealed !== row.idSealed) count.sealed++;
    if (idHash !== row.idHash) count.rehashed++;
    return idSealed === row.idSealed && idHash === row.idHash ? undefined : { idSealed, idHash };
  };
  for (let after = ''; ;) {
    const rows = await db.contactIdentity.findMany({ where: { contactId: { gt: after } }, orderBy: { contactId: 'asc' }, take: PAGE });
    if (rows.length === 0) break;
    for (const row of rows) {
      const data = renew(row);
      if (data) await db.contactIdentity.updateMany({ where: { contactId: row.contactId, idSealed: row.idSealed }, data });
    }
    after = rows[rows.length - 1].contactId;
  }
  for (let after = ''; ;) {
    const rows = await db.screeningResult.findMany({
      where: { id: { gt: after }, idSealed: { not: null } },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, idHash: true, idSealed: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const data = renew({ idHash: row.idHash, idSealed: row.idSealed! });
      if (data) await db.screeningResult.updateMany({ where: { id: row.id, idSealed: row.idSealed }, data });
    }
    after = rows[rows.length - 1].id;
  }
  return count;
}
