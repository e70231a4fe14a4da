// What ResultService reads to take a result in: the row stored under its id, and the woman it is
// hers by (matchWoman: never a guess); for a batch (an uploaded file), all of it read ahead in a few
// queries, so thousands of rows need only their writes.
import type { ScreeningResult, Tx } from '../../db/client.js';
import type { IdentityKeys } from '../../support/identityKeys.js';
import type { ResultRecord } from './resultRecord.js';

export type ContactRow = NonNullable<Awaited<ReturnType<Tx['contact']['findUnique']>>>;

/** What a batch of results reads, read at once (readAhead): null where nothing was found. */
export interface ReadAhead {
  /** By hospital and result id, until the batch's first result with that id takes it. */
  results: Map<string, ScreeningResult | null>;
  bookings: Map<string, { contactId: string; hospitalId: string } | null>;
  identities: Map<string, { contactId: string }[]>;
  contacts: Map<string, ContactRow>;
}
export const resultKey = (hospitalId: string, hospitalResultId: string) => `${hospitalId}\u0000${hospitalResultId}`;

/**
 * What ingestIn would read for each of many results, read in a few queries (a file of thousands of
 * rows then needs the writes only, one round trip each). Only what the batch cannot change is kept
 * for later: a result's stored row is taken once (a second row with the same id reads it again).
 */
export async function readAhead(tx: Tx, records: readonly ResultRecord[], identity: IdentityKeys | undefined): Promise<ReadAhead> {
  const hashes = [...new Set(records.flatMap((r) => (r.idNumber && identity ? [identity.hash(r.idNumber)] : [])))];
  const codes = [...new Set(records.flatMap((r) => (r.visitCode ? [r.visitCode] : [])))];
  const results = new Map<string, ScreeningResult | null>(records.map((r) => [resultKey(r.hospitalId, r.hospitalResultId), null]));
  for (const hospitalId of new Set(records.map((r) => r.hospitalId))) {
    const ids = records.filter((r) => r.hospitalId === hospitalId).map((r) => r.hospitalResultId);
    for (const row of await tx.screeningResult.findMany({ where: { hospitalId, hospitalResultId: { in: ids } } })) {
      results.set(resultKey(row.hospitalId, row.hospitalResultId), row);
    }
  }
  const bookings = new Map<string, { contactId: string; hospitalId: string } | null>(codes.map((c) => [c, null]));
  for (const b of codes.length
    ? await tx.booking.findMany({ where: { code: { in: codes } }, select: { code: true, contactId: true, hospitalId: true } })
    : []) {
    if (b.code) bookings.set(b.code, { contactId: b.contactId, hospitalId: b.hospitalId });
  }
  const identities = new Map<string, { contactId: string }[]>(hashes.map((h) => [h, []]));
  for (const w of hashes.length ? await tx.contactIdentity.findMany({ where: { idHash: { in: hashes } }, select: { idHash: true, contactId: true } }) : []) {
    identities.get(w.idHash)!.push({ contactId: w.contactId });
  }
  const contactIds = [
    ...new Set([...bookings.values()].flatMap((b) => (b ? [b.contactId] : [])).concat([...identities.values()].flat().map((w) => w.contactId))),
  ];
  const contacts = new Map<string, ContactRow>(
    contactIds.length ? (await tx.contact.findMany({ where: { id: { in: contactIds } } })).map((c) => [c.id, c]) : [],
  );
  return { results, bookings, identities, contacts };
}

/**
 * Her visit code first (a booking of hers at this hospital); else her ID number, when exactly one
 * woman of the bot's gave it. A code and an ID number naming different women match nobody. Never a guess.
 */
export async function matchWoman(
  tx: Tx,
  r: { visitCode?: string; hospitalId: string; idHash: string | null },
  reads?: ReadAhead,
): Promise<{ contactId?: string; reason?: string }> {
  const byId = !r.idHash
    ? []
    : (reads?.identities.get(r.idHash)?.slice(0, 2) ??
      (await tx.contactIdentity.findMany({ where: { idHash: r.idHash }, select: { contactId: true }, take: 2 })));
  if (r.visitCode) {
    const read = reads?.bookings.get(r.visitCode);
    const booking = read !== undefined ? read : await tx.booking.findUnique({ where: { code: r.visitCode }, select: { contactId: true, hospitalId: true } });
    if (!booking) return { reason: 'unknown_visit_code' };
    if (booking.hospitalId !== r.hospitalId) return { reason: 'other_hospital' };
    if (byId.length > 0 && !byId.some((w) => w.contactId === booking.contactId)) return { reason: 'code_and_id_differ' };
    return { contactId: booking.contactId };
  }
  if (!r.idHash) return { reason: 'no_visit_code' };
  if (byId.length === 0) return { reason: 'unknown_id_number' };
  if (byId.length > 1) return { reason: 'id_number_ambiguous' };
  return { contactId: byId[0].contactId };
}
