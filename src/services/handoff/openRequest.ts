// The bot's side of a hand-off: opening her request (one at a time: its activeKey is her contact id
// while it is open or claimed) and reading the one she has. Only after she consented: the engine
// never calls this before (nothing about her is stored before consent).
import type { Db } from '../../db/client.js';
import { isUniqueViolation, runTransaction } from '../../db/transaction.js';
import { audit } from '../audit/audit.js';
import type { HandoffReason, HandoffRow } from './handoffTypes.js';

export interface OpenedRequest {
  request: HandoffRow;
  /** False: she had one open or claimed already (that one is answered). */
  created: boolean;
}

/** Her open or claimed request, if any. */
export function activeRequest(db: Db, contactId: string): Promise<HandoffRow | null> {
  return db.handoffRequest.findUnique({ where: { activeKey: contactId } });
}

/** Opens her request for the staff of `regionId` (her township, or the county), or finds the one she has. */
export async function openRequest(
  db: Db,
  o: { contactId: string; countyId: string; regionId: string; reason: HandoffReason },
  now: Date,
): Promise<OpenedRequest> {
  try {
    const request = await runTransaction(db, async (tx) => {
      const row = await tx.handoffRequest.create({
        data: { ...o, status: 'open', activeKey: o.contactId, createdAt: now, updatedAt: now },
      });
      await audit(
        tx,
        {
          by: 'system',
          action: 'handoff.open',
          objectType: 'handoff',
          objectId: row.id,
          countyId: o.countyId,
          detail: { reason: o.reason, regionId: o.regionId },
        },
        now,
      );
      return row;
    });
    return { request, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const existing = await activeRequest(db, o.contactId);
    if (!existing) throw err;
    return { request: existing, created: false };
  }
}
