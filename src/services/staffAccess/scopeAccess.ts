// What a staff scope may see, as database filters (design invariant 8: access is checked in the
// services, not only hidden in pages). A woman belongs to her county (Contact.regionId) and her
// township (her `township` fact); a booking, result or case to its hospital (Hospital.regionId: the
// county) and to the woman it is hers. city: everything; county: its county; township: its
// township's women and what is theirs (never an unmatched result: it belongs to no township);
// hospital: its hospital's bookings, results and cases, and the women who have one there.
import type { Db, DbTypes as Prisma, Tx } from '../../db/client.js';
import { administersCounty, type StaffScope } from '../../domain/staff/staffScope.js';
import type { AuditRecord } from '../audit/audit.js';

/** Refused: `forbidden` (403) where the account may know the object exists; `not_found` (404) where not. */
export class StaffAccessError extends Error {
  constructor(
    readonly error: 'forbidden' | 'not_found',
    message: string,
  ) {
    super(message);
    this.name = 'StaffAccessError';
  }
}

export const forbidden = (message: string) => new StaffAccessError('forbidden', message);
export const notFound = (message: string) => new StaffAccessError('not_found', message);

/** The emergency admin token's holder (src/api/staff/staffRequest.ts TOKEN_SCOPE) has no account. */
export const TOKEN_ACCOUNT = 'token';

/** Who an audit row names: the staff account, or 'token' for the emergency admin token. */
export function auditBy(s: StaffScope): AuditRecord['by'] {
  return s.accountId === TOKEN_ACCOUNT ? 'token' : s;
}

/** A filter that matches nothing. */
const NOTHING = { id: { in: [] as string[] } };

/** The county of a hospital (its region), undefined for an unknown one. */
export async function hospitalCounty(db: Db | Tx, hospitalId: string): Promise<string | undefined> {
  return (await db.hospital.findUnique({ where: { id: hospitalId }, select: { regionId: true } }))?.regionId;
}

/** The hospitals of a county. */
export async function countyHospitals(db: Db | Tx, countyId: string): Promise<string[]> {
  return (await db.hospital.findMany({ where: { regionId: countyId }, select: { id: true } })).map((h) => h.id);
}

/** Her county and township (the township she named, kept as her `township` fact). */
export async function whereShe(db: Db | Tx, contactId: string): Promise<{ countyId: string | null; townshipId: string | null } | undefined> {
  const c = await db.contact.findUnique({
    where: { id: contactId },
    select: { regionId: true, facts: { where: { key: 'township' }, select: { valueJson: true } } },
  });
  if (!c) return undefined;
  const value: unknown = c.facts[0] ? JSON.parse(c.facts[0].valueJson) : null;
  return { countyId: c.regionId, townshipId: typeof value === 'string' ? value : null };
}

/** A township account's women: of its county, who named its township. */
function townshipWomen(s: StaffScope): Prisma.ContactWhereInput {
  return { regionId: s.countyId ?? '', facts: { some: { key: 'township', valueJson: JSON.stringify(s.townshipId ?? '') } } };
}

/** A hospital account's hospital, when it is of the account's county (else none). */
async function ownHospital(db: Db | Tx, s: StaffScope): Promise<string | undefined> {
  if (!s.hospitalId || !s.countyId) return undefined;
  return (await hospitalCounty(db, s.hospitalId)) === s.countyId ? s.hospitalId : undefined;
}

/** The women a scope sees. */
export async function womenWhere(db: Db | Tx, s: StaffScope): Promise<Prisma.ContactWhereInput> {
  if (s.role === 'city') return {};
  if (s.role === 'county') return { regionId: s.countyId ?? '' };
  if (s.role === 'township') return townshipWomen(s);
  const h = await ownHospital(db, s);
  return h ? { OR: [{ bookings: { some: { hospitalId: h } } }, { results: { some: { hospitalId: h } } }] } : NOTHING;
}

/** The bookings a scope sees: its county's hospitals', its hospital's, its township's women's. */
export async function bookingsWhere(db: Db | Tx, s: StaffScope): Promise<Prisma.BookingWhereInput> {
  if (s.role === 'city') return {};
  if (s.role === 'county') return { hospitalId: { in: await countyHospitals(db, s.countyId ?? '') } };
  if (s.role === 'township') return { contact: townshipWomen(s) };
  const h = await ownHospital(db, s);
  return h ? { hospitalId: h } : NOTHING;
}

/** The waitlist entries a scope sees (as its bookings). */
export async function waitlistWhere(db: Db | Tx, s: StaffScope): Promise<Prisma.WaitlistEntryWhereInput> {
  return (await bookingsWhere(db, s)) as Prisma.WaitlistEntryWhereInput;
}

/** The results a scope sees: an unmatched one only by its hospital's county or the hospital. */
export async function resultsWhere(db: Db | Tx, s: StaffScope): Promise<Prisma.ScreeningResultWhereInput> {
  if (s.role === 'city') return {};
  if (s.role === 'county') return { hospitalId: { in: await countyHospitals(db, s.countyId ?? '') } };
  if (s.role === 'township') return { matchState: 'matched', contact: townshipWomen(s) };
  const h = await ownHospital(db, s);
  return h ? { hospitalId: h } : NOTHING;
}

/** The follow-up cases a scope sees (a case is reported under its hospital's county). */
export async function casesWhere(db: Db | Tx, s: StaffScope): Promise<Prisma.FollowUpCaseWhereInput> {
  if (s.role === 'city') return {};
  if (s.role === 'county') return { regionId: s.countyId ?? '' };
  if (s.role === 'township') return { regionId: s.countyId ?? '', contact: townshipWomen(s) };
  const h = await ownHospital(db, s);
  return h ? { hospitalId: h, regionId: s.countyId ?? '' } : NOTHING;
}

/** The pregnancies a scope sees: of its women (hospital accounts: none, the page is not theirs). */
export function pregnanciesWhere(s: StaffScope): Prisma.PregnancyWhereInput {
  if (s.role === 'city') return {};
  if (s.role === 'county') return { contact: { regionId: s.countyId ?? '' } };
  if (s.role === 'township') return { contact: townshipWomen(s) };
  throw forbidden('pregnancies are for county and township accounts');
}

/** Refuses (403) an account that does not run this hospital: another hospital's, or a township's. */
export async function mustRunHospital(db: Db | Tx, s: StaffScope, hospitalId: string): Promise<string> {
  const county = await hospitalCounty(db, hospitalId);
  if (!county) throw notFound(`no hospital ${hospitalId}`);
  if (administersCounty(s, county)) return county;
  if (s.role === 'hospital' && s.hospitalId === hospitalId && s.countyId === county) return county;
  throw forbidden(`hospital ${hospitalId} is not this account's`);
}
