// Shared set-up for the booking service tests: a fresh database, a hospital, slots and pools written
// directly (no dependence on the capacity service), contacts, and the seat invariant.
import { openDb, type Db, type DbHandle } from '../../../src/db/client.js';
import { bookingSettingsSchema, type BookingSettings } from '../../../src/domain/profile/profileSchema.js';
import { BookingService } from '../../../src/services/booking/BookingService.js';
import type { BookingTexts } from '../../../src/services/booking/bookingTypes.js';
import { createTestDatabase, type TestDatabase } from '../../support/testDb.js';

export const settings: BookingSettings = bookingSettingsSchema.parse({});
/** Monday 2 March 2026, 09:00 in Shanghai. */
export const NOW = new Date('2026-03-02T09:00:00+08:00');
export const at = (local: string) => new Date(`${local}+08:00`);
export const HOSPITAL = 'h-county';
export const OTHER_HOSPITAL = 'h-other';

export const texts: BookingTexts = {
  waitlistOffer: 'OFFER {hospital}|{date}|{weekday}|{session}|{services}|{until}|{hours}|{code}',
  offerExpired: 'EXPIRED {date}|{session}|{services}',
  noShow: 'NOSHOW {hospital}|{date}|{session}|{services}|{code}',
  closed: 'CLOSED {hospital}|{date}|{session}|{services}',
  waitlistEnded: 'ENDED {hospital}|{date}|{services}|{phone}',
  sessions: { am: 'AM', pm: 'PM' },
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

export interface Fixture {
  database: TestDatabase;
  h: DbHandle;
  db: Db;
  service: BookingService;
  close(): Promise<void>;
}

/** A repeatable random source, so codes differ between calls but runs repeat. */
export function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function openFixture(): Promise<Fixture> {
  const database = await createTestDatabase();
  const h = openDb(database.url);
  const db = h.db;
  await db.region.create({ data: { id: 'county', name: '示范县', level: 'county' } });
  for (const id of [HOSPITAL, OTHER_HOSPITAL]) {
    await db.hospital.create({ data: { id, regionId: 'county', name: `Hospital ${id}`, address: 'Main St 1', phone: '0371-1', directions: 'bus 3' } });
  }
  const service = new BookingService({
    db,
    texts,
    settings,
    serviceName: (id) => ({ cervical: 'Cervical', breast: 'Breast' })[id] ?? id,
    random: seeded(1234),
  });
  return {
    database,
    h,
    db,
    service,
    close: async () => {
      await h.close();
      await database.drop();
    },
  };
}

export interface PoolSpec {
  kind?: 'general' | 'region' | 'priority';
  regionId?: string;
  capacity: number;
  booked?: number;
  releaseAt?: Date | null;
}

let slotSeq = 0;

/** A slot with its pools (default: one general pool of `capacity`). Returns the slot id and pool ids by kind:regionId. */
export async function makeSlot(
  db: Db,
  o: { hospitalId?: string; serviceId?: string; day: string; session?: 'am' | 'pm'; closed?: boolean; pools: PoolSpec[] },
): Promise<{ slotId: string; pools: Record<string, string> }> {
  const slotId = `slot-${++slotSeq}-${o.day}-${o.session ?? 'am'}-${o.serviceId ?? 'cervical'}`;
  await db.slot.create({
    data: {
      id: slotId,
      hospitalId: o.hospitalId ?? HOSPITAL,
      serviceId: o.serviceId ?? 'cervical',
      day: o.day,
      session: o.session ?? 'am',
      capacity: o.pools.reduce((s, p) => s + p.capacity, 0),
      closed: o.closed ?? false,
    },
  });
  const pools: Record<string, string> = {};
  for (const p of o.pools) {
    const kind = p.kind ?? 'general';
    const id = `${slotId}-${kind}-${p.regionId ?? ''}`;
    await db.slotPool.create({
      data: { id, slotId, kind, regionId: p.regionId ?? '', capacity: p.capacity, booked: p.booked ?? 0, releaseAt: p.releaseAt ?? null },
    });
    pools[`${kind}:${p.regionId ?? ''}`] = id;
  }
  return { slotId, pools };
}

/** Contacts `${prefix}-0` … `${prefix}-(n-1)`, optionally with no-shows. */
export async function makeContacts(db: Db, prefix: string, n: number, noShows = 0): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  await db.contact.createMany({ data: ids.map((id) => ({ id, channel: 'simulator', externalId: `ext-${id}`, consent: 'given', noShows })) });
  return ids;
}

/** Invariant 1, for every pool: booked == its held + confirmed bookings, and never above capacity. */
export async function seatProblems(db: Db): Promise<string[]> {
  const pools = await db.slotPool.findMany();
  const active = await db.booking.groupBy({ by: ['poolId'], where: { status: { in: ['held', 'confirmed'] } }, _count: { _all: true } });
  const count = new Map(active.map((a) => [a.poolId, a._count._all]));
  const problems: string[] = [];
  for (const p of pools) {
    const n = count.get(p.id) ?? 0;
    if (p.booked !== n) problems.push(`${p.id}: booked ${p.booked} but ${n} active bookings`);
    if (p.booked > p.capacity) problems.push(`${p.id}: booked ${p.booked} > capacity ${p.capacity}`);
  }
  return problems;
}

export const ordinary = { regionIds: [] as string[], priority: false };
