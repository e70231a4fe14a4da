// A woman's record for staff (issue 14): found by her ID number (its keyed hash), a visit code, the
// phone number of an SMS contact or her contact id, within the account's scope (scopeAccess.ts: another township's woman is not found),
// and shown whole: consent, eligibility checks, bookings, pregnancies, results, follow-up cases and the
// messages sent to her with their delivery state. A hospital account sees only what is of its
// hospital (her bookings, results and cases there; no pregnancy, no messages). Every search that
// returns her and every view is audited (ids only: never the number or code searched by). Her ID
// number is never listed; the record says whether she gave one (a county administrator may read it:
// womanIdNumber.ts). Her name is not collected by the bot and her phone only where she is an SMS
// contact (the channel's id for her is her number); the roster issue adds both for every woman.
import type { Db } from '../../db/client.js';
import { normalizeBookingCode, visitCodeOf } from '../../domain/booking/bookingCode.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';
import type { IdentityKeys } from '../../support/identityKeys.js';
import { audit } from '../audit/audit.js';
import { auditBy, notFound, womenWhere } from './scopeAccess.js';

export type WomanSearch = { idNumber: string } | { visitCode: string } | { phone: string } | { contactId: string };

const by = (q: WomanSearch) => ('idNumber' in q ? 'idNumber' : 'visitCode' in q ? 'visitCode' : 'phone' in q ? 'phone' : 'contactId');

/** The channels whose id for her is her phone number. */
const PHONE_CHANNELS = ['sms'];

/** The names of these regions and hospitals, by id (for the page: ids are not what staff read). */
export async function namesOf(db: Db, regionIds: (string | null)[], hospitalIds: string[] = []): Promise<Record<string, string>> {
  const wanted = (ids: (string | null)[]) => [...new Set(ids.filter((x): x is string => !!x))];
  const [regions, hospitals] = await Promise.all([
    db.region.findMany({ where: { id: { in: wanted(regionIds) } }, select: { id: true, name: true } }),
    db.hospital.findMany({ where: { id: { in: wanted(hospitalIds) } }, select: { id: true, name: true } }),
  ]);
  return Object.fromEntries([...regions, ...hospitals].map((r) => [r.id, r.name]));
}

const townshipOf = (facts: { valueJson: string }[]): string | null => {
  const v: unknown = facts[0] ? JSON.parse(facts[0].valueJson) : null;
  return typeof v === 'string' ? v : null;
};

/** The women found (at most 20), each audited as woman.search; a search that finds none is audited too. */
export async function searchWomen(db: Db, identity: IdentityKeys | undefined, s: StaffScope, q: WomanSearch, now: Date, address?: string) {
  let ids: string[] = [];
  if ('contactId' in q) ids = [q.contactId];
  else if ('phone' in q)
    ids = (await db.contact.findMany({ where: { channel: { in: PHONE_CHANNELS }, externalId: q.phone }, select: { id: true } })).map((r) => r.id);
  else if ('idNumber' in q) {
    if (identity)
      ids = (await db.contactIdentity.findMany({ where: { idHash: identity.hash(q.idNumber) }, select: { contactId: true } })).map((r) => r.contactId);
  } else {
    const code = normalizeBookingCode(q.visitCode);
    if (code) {
      const base = visitCodeOf(code);
      const rows = await db.booking.findMany({ where: { OR: [{ code: base }, { code: { startsWith: `${base}-` } }] }, select: { contactId: true } });
      ids = [...new Set(rows.map((r) => r.contactId))];
    }
  }
  const women = await db.contact.findMany({
    where: { AND: [{ id: { in: ids } }, await womenWhere(db, s)] },
    take: 20,
    orderBy: { id: 'asc' },
    select: {
      id: true,
      regionId: true,
      consent: true,
      identity: { select: { contactId: true } },
      facts: { where: { key: 'township' }, select: { valueJson: true } },
    },
  });
  const searched = by(q);
  for (const w of women.length ? women : [undefined]) {
    const detail = { by: searched, found: women.length };
    await audit(
      db,
      { by: auditBy(s), action: 'woman.search', objectType: 'contact', objectId: w?.id, countyId: w?.regionId ?? undefined, address, detail },
      now,
    );
  }
  const names = await namesOf(
    db,
    women.flatMap((w) => [w.regionId, townshipOf(w.facts)]),
  );
  return women.map((w) => ({
    contactId: w.id,
    countyId: w.regionId,
    townshipId: townshipOf(w.facts),
    countyName: w.regionId ? (names[w.regionId] ?? null) : null,
    townshipName: names[townshipOf(w.facts) ?? ''] ?? null,
    consent: w.consent,
    idNumberGiven: !!w.identity,
  }));
}

/** Her whole record, audited as woman.view; 404 outside the scope. */
export async function womanRecord(db: Db, s: StaffScope, contactId: string, now: Date, address?: string) {
  const w = await db.contact.findFirst({ where: { AND: [{ id: contactId }, await womenWhere(db, s)] } });
  if (!w) throw notFound(`woman ${contactId}: not found`);
  const hospital = s.role === 'hospital' ? { hospitalId: s.hospitalId ?? '' } : {};
  const whole = s.role !== 'hospital';
  const [facts, identity, checks, bookings, pregnancies, results, cases, messages] = await Promise.all([
    db.fact.findMany({ where: { contactId, key: 'township' } }),
    db.contactIdentity.findUnique({ where: { contactId }, select: { contactId: true } }),
    whole ? db.eligibilityCheck.findMany({ where: { contactId }, orderBy: { checkedAt: 'desc' }, take: 50 }) : [],
    db.booking.findMany({
      where: { contactId, ...hospital },
      orderBy: [{ day: 'desc' }, { code: 'asc' }],
      take: 100,
      select: { id: true, hospitalId: true, serviceId: true, day: true, session: true, status: true, attendedAt: true, createdAt: true, cancelledAt: true },
    }),
    whole
      ? db.pregnancy.findMany({
          where: { contactId },
          orderBy: { createdAt: 'desc' },
          include: { screenings: { select: { screeningId: true, status: true, day: true } } },
        })
      : [],
    db.screeningResult.findMany({
      where: { contactId, ...hospital },
      orderBy: { receivedAt: 'desc' },
      take: 100,
      select: { id: true, hospitalId: true, category: true, grade: true, abnormal: true, testDate: true, status: true, version: true, receivedAt: true },
    }),
    db.followUpCase.findMany({ where: { contactId, ...hospital }, orderBy: { openedOn: 'desc' } }),
    whole
      ? db.outboxMessage.findMany({
          where: { contactId },
          orderBy: { createdAt: 'desc' },
          take: 100,
          select: { id: true, text: true, priority: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
        })
      : [],
  ]);
  await audit(
    db,
    { by: auditBy(s), action: 'woman.view', objectType: 'contact', objectId: w.id, countyId: w.regionId ?? undefined, address, detail: { whole } },
    now,
  );
  const townshipId = townshipOf(facts);
  const hospitalIds = [...bookings.map((b) => b.hospitalId), ...results.map((r) => r.hospitalId), ...cases.map((c) => c.hospitalId)];
  return {
    contactId: w.id,
    countyId: w.regionId,
    townshipId,
    channel: w.channel,
    /** The names of her county, township and the hospitals in the record, by id. */
    names: await namesOf(db, [w.regionId, townshipId], hospitalIds),
    whole,
    consent: { state: w.consent, at: w.consentAt, healthAt: w.healthConsentAt, subscribed: w.subscribed },
    idNumberGiven: !!identity,
    noShows: w.noShows,
    checks: checks.map((c) => ({
      programme: c.programme,
      eligible: c.eligible,
      reasonCode: c.reasonCode,
      nextEligibleOn: c.nextEligibleOn,
      checkedAt: c.checkedAt,
    })),
    bookings,
    pregnancies: pregnancies.map(({ screenings, redatedFrom: _r, ...p }) => ({ ...p, screenings })),
    results,
    cases: cases.map((c) => ({
      id: c.id,
      hospitalId: c.hospitalId,
      resultId: c.resultId,
      category: c.category,
      grade: c.grade,
      dueOn: c.dueOn,
      owner: c.owner,
      closedAt: c.closedAt,
      outcome: c.outcome,
    })),
    messages,
  };
}
