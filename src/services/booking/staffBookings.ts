// Staff read a hospital's bookings of a day (the attendance page: who comes, who came, who did not)
// and its waitlists, filtered to what the account sees (src/services/staffAccess/scopeAccess.ts): a
// hospital account its own hospital, a township account its women's, a county its county's. The
// booking code she shows is listed only to an account that runs the hospital (it marks attendance).
import type { Db } from '../../db/client.js';
import { administersCounty, type StaffScope } from '../../domain/staff/staffScope.js';
import { visitCodeOf } from '../../domain/booking/bookingCode.js';
import { audit } from '../audit/audit.js';
import { auditBy, bookingsWhere, forbidden, hospitalCounty, notFound, waitlistWhere } from '../staffAccess/scopeAccess.js';

export interface DayBookingsQuery {
  hospitalId: string;
  day: string;
  session?: 'am' | 'pm';
  serviceId?: string;
}

export interface DayBookingRow {
  id: string;
  /** Only for an account that runs the hospital. */
  code?: string;
  visitCode?: string;
  contactId: string;
  serviceId: string;
  day: string;
  session: string;
  status: string;
  /** Whether it is a no-show: confirmed and unmarked after its day (marked by the nightly job), or marked so. */
  noShow: boolean;
  attendedAt: Date | null;
  createdAt: Date;
}

const STATUSES = ['held', 'confirmed', 'attended', 'noshow', 'cancelled', 'expired'] as const;

/** The hospital's county, if the account sees anything of it (its county's accounts); else 403. */
async function countyOfHospital(db: Db, by: StaffScope, hospitalId: string): Promise<{ countyId: string; runs: boolean }> {
  const countyId = await hospitalCounty(db, hospitalId);
  if (!countyId) throw notFound(`no hospital ${hospitalId}`);
  const runs = administersCounty(by, countyId) || (by.role === 'hospital' && by.hospitalId === hospitalId && by.countyId === countyId);
  if (!runs && !(by.role === 'township' && by.countyId === countyId)) throw forbidden(`hospital ${hospitalId} is not of this account's county`);
  return { countyId, runs };
}

/** The bookings of a day (and session, service) at a hospital, with counts per status; sorted by session and code. */
export async function dayBookings(db: Db, by: StaffScope, q: DayBookingsQuery) {
  const { runs } = await countyOfHospital(db, by, q.hospitalId);
  const rows = await db.booking.findMany({
    where: {
      AND: [
        await bookingsWhere(db, by),
        { hospitalId: q.hospitalId, day: q.day, ...(q.session ? { session: q.session } : {}), ...(q.serviceId ? { serviceId: q.serviceId } : {}) },
      ],
    },
    orderBy: [{ session: 'asc' }, { code: 'asc' }],
    select: { id: true, code: true, contactId: true, serviceId: true, day: true, session: true, status: true, attendedAt: true, createdAt: true },
  });
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<(typeof STATUSES)[number], number>;
  for (const r of rows) if (r.status in counts) counts[r.status as keyof typeof counts]++;
  const bookings: DayBookingRow[] = rows.map(({ code, ...r }) => ({
    ...r,
    ...(runs ? { code, visitCode: visitCodeOf(code) } : {}),
    noShow: r.status === 'noshow',
  }));
  return { hospitalId: q.hospitalId, day: q.day, session: q.session ?? null, serviceId: q.serviceId ?? null, counts, bookings };
}

/** The women waiting (or offered a seat) at a hospital, per service in the order they are offered seats. */
export async function waitlists(db: Db, by: StaffScope, q: { hospitalId: string; serviceId?: string }) {
  await countyOfHospital(db, by, q.hospitalId);
  const rows = await db.waitlistEntry.findMany({
    where: {
      AND: [
        await waitlistWhere(db, by),
        { hospitalId: q.hospitalId, status: { in: ['waiting', 'offered'] }, ...(q.serviceId ? { serviceId: q.serviceId } : {}) },
      ],
    },
    orderBy: [{ serviceId: 'asc' }, { rank: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, contactId: true, serviceId: true, dateFrom: true, dateTo: true, rank: true, status: true, createdAt: true },
  });
  const services = new Map<string, typeof rows>();
  for (const r of rows) services.set(r.serviceId, [...(services.get(r.serviceId) ?? []), r]);
  return {
    hospitalId: q.hospitalId,
    services: [...services.entries()].map(([serviceId, list]) => ({
      serviceId,
      waiting: list.filter((r) => r.status === 'waiting').length,
      offered: list.filter((r) => r.status === 'offered').length,
      entries: list.map((r, i) => ({ ...r, position: i + 1 })),
    })),
  };
}

/** The columns of the day's bookings exported (ids and codes: what the list shows the account). */
export const DAY_BOOKING_COLUMNS = ['bookingId', 'code', 'contactId', 'serviceId', 'day', 'session', 'status', 'attendedAt'] as const;

/**
 * The day's bookings as rows of a file to export, audited as `export` (which list, how many rows:
 * ids only) before the rows are handed out.
 */
export async function exportDayBookings(db: Db, by: StaffScope, q: DayBookingsQuery, now: Date, address?: string) {
  const list = await dayBookings(db, by, q);
  const countyId = await hospitalCounty(db, q.hospitalId);
  await audit(
    db,
    {
      by: auditBy(by),
      action: 'export',
      objectType: 'bookings',
      objectId: q.hospitalId,
      countyId,
      address,
      detail: { list: 'dayBookings', day: q.day, session: q.session ?? null, serviceId: q.serviceId ?? null, rows: list.bookings.length },
    },
    now,
  );
  return list.bookings.map((b) => [b.id, b.code ?? '', b.contactId, b.serviceId, b.day, b.session, b.status, b.attendedAt]);
}
