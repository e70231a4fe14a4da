// What ResultService reads to take a result in: the row stored under its id, and the woman it is
// hers by (matchWoman: never a guess); for a batch (an uploaded file), all of it read ahead in a few
// queries, so thousands of rows need only their writes.
import type { ScreeningResult, Tx } from '../../db/client.js';
import type { IdentityKeys } from '../../support/identityKeys.js';
import { addDays } from '../../domain/calendarDay.js';
import type { ResultMatchById } from '../../domain/profile/resultsSchema.js';
import type { ResultRecord } from './resultRecord.js';

export type ContactRow = NonNullable<Awaited<ReturnType<Tx['contact']['findUnique']>>>;

/** What a batch of results reads, read at once (readAhead): null where nothing was found. */
export interface ReadAhead {
  /** By hospital and result id, until the batch's first result with that id takes it. */
  results: Map<string, ScreeningResult | null>;
  bookings: Map<string, { contactId: string; hospitalId: string } | null>;
  identities: Map<string, { contactId: string }[]>;
  contacts: Map<string, ContactRow>;
  /** The visits of the women found by ID number: their bookings on the batch's test days, and their births. */
  visits: Map<string, { bookings: VisitBooking[]; births: string[] }>;
}
type VisitBooking = { hospitalId: string; serviceId: string; day: string };
/** A booking she kept or missed (not one cancelled, expired or never confirmed): a visit a result may come from. */
const VISIT_STATUSES = ['confirmed', 'attended', 'noshow'];
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
  const identified = [...new Set([...identities.values()].flat().map((w) => w.contactId))];
  const visits = new Map<string, { bookings: VisitBooking[]; births: string[] }>(identified.map((id) => [id, { bookings: [], births: [] }]));
  if (identified.length) {
    const days = [...new Set(records.map((r) => r.date))];
    for (const b of await tx.booking.findMany({
      where: { contactId: { in: identified }, day: { in: days }, status: { in: VISIT_STATUSES } },
      select: { contactId: true, hospitalId: true, serviceId: true, day: true },
    })) {
      visits.get(b.contactId)!.bookings.push(b);
    }
    for (const p of await tx.pregnancy.findMany({
      where: { contactId: { in: identified }, birthDate: { not: null } },
      select: { contactId: true, birthDate: true },
    })) {
      visits.get(p.contactId)!.births.push(p.birthDate!);
    }
  }
  return { results, bookings, identities, contacts, visits };
}

/**
 * Her visit code first (a booking of hers at this hospital); else her ID number, when exactly one
 * woman of the bot's gave it and the service and the day agree (`matchById` of the result's category:
 * a booking of hers for the test at that hospital that day, or a birth she reported shortly before a
 * baby's test). A code and an ID number naming different women match nobody. Never a guess.
 */
export async function matchWoman(
  tx: Tx,
  r: { visitCode?: string; hospitalId: string; idHash: string | null; date: string; matchById?: ResultMatchById },
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
  const contactId = byId[0].contactId;
  if (!r.matchById) return { reason: 'id_number_needs_visit_code' };
  const visit = reads?.visits.get(contactId) ?? (await readVisits(tx, contactId, r.date));
  return visitAgrees(r.matchById, visit, r.hospitalId, r.date) ? { contactId } : { reason: 'no_visit_that_day' };
}

async function readVisits(tx: Tx, contactId: string, day: string): Promise<{ bookings: VisitBooking[]; births: string[] }> {
  const [bookings, births] = await Promise.all([
    tx.booking.findMany({ where: { contactId, day, status: { in: VISIT_STATUSES } }, select: { hospitalId: true, serviceId: true, day: true } }),
    tx.pregnancy.findMany({ where: { contactId, birthDate: { not: null } }, select: { birthDate: true } }),
  ]);
  return { bookings, births: births.map((p) => p.birthDate!) };
}

/** A booking of hers for the test at the hospital on its day, or a birth at most `afterBirthDays` before a baby's test. */
export function visitAgrees(m: ResultMatchById, visit: { bookings: VisitBooking[]; births: string[] }, hospitalId: string, day: string): boolean {
  if (m.services) return visit.bookings.some((b) => b.hospitalId === hospitalId && b.day === day && m.services!.includes(b.serviceId));
  const earliest = addDays(day, -(m.afterBirthDays ?? 0));
  return visit.births.some((born) => born <= day && born >= earliest);
}
