// Shared by the capacity tests: a fresh database with the demo county's regions and hospitals, the
// capacity service on it, and bookings written directly (the booking service is not needed here).
import crypto from 'node:crypto';
import path from 'node:path';
import { openDb, type Db, type DbHandle } from '../../../src/db/client.js';
import type { County } from '../../../src/profiles/countySchema.js';
import { loadAllProfiles } from '../../../src/profiles/loadProfiles.js';
import type { Profile } from '../../../src/domain/profile/profileSchema.js';
import { seedCounty } from '../../../src/services/countySeeder.js';
import { CapacityService } from '../../../src/services/capacity/CapacityService.js';
import { createTestDatabase, testProvider, type TestDatabase } from '../../support/testDb.js';

/** Monday 2 March 2026, 09:00 in Shanghai. */
export const NOW = new Date('2026-03-02T01:00:00Z');
/** The days of that week, Monday … Sunday. */
export const WEEK = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'] as const;
export const [MON, TUE, WED, THU, FRI, SAT, SUN] = WEEK;
/** 项城市妇幼保健院: cervical Mon–Fri, am 40 and pm 20 seats. */
export const MCH = 'xc-mch';

export function demoCounty(): { county: County; profile: Profile } {
  const { profiles, counties } = loadAllProfiles(path.resolve('profiles'));
  const county = counties.get('xiangcheng')!;
  return { county, profile: profiles.get(county.profile)! };
}

export interface CapacityFixture {
  database: TestDatabase;
  h: DbHandle;
  capacity: CapacityService;
  county: County;
  profile: Profile;
  close(): Promise<void>;
}

/** A fresh database with the county's regions and hospitals; `seedRules` also seeds the weekly capacity. */
export async function capacityFixture(seedRules = true): Promise<CapacityFixture> {
  const database = await createTestDatabase();
  const h = openDb(database.url);
  const { county, profile } = demoCounty();
  await seedCounty(h.db, county);
  const capacity = new CapacityService(h);
  if (seedRules) await capacity.seedFromCounty(county, NOW);
  return {
    database,
    h,
    capacity,
    county,
    profile,
    async close() {
      await h.close();
      await database.drop();
    },
  };
}

export async function slotOf(db: Db, serviceId: string, day: string, session: string, hospitalId = MCH) {
  return db.slot.findUniqueOrThrow({
    where: { hospitalId_serviceId_day_session: { hospitalId, serviceId, day, session } },
    include: { pools: { orderBy: [{ kind: 'asc' }, { regionId: 'asc' }] } },
  });
}

export async function generalPool(db: Db, serviceId: string, day: string, session: string, hospitalId = MCH) {
  const slot = await slotOf(db, serviceId, day, session, hospitalId);
  return slot.pools.find((p) => p.kind === 'general')!;
}

/**
 * Books `n` seats in a pool as the booking service would (one conditional write per seat, then the
 * Booking row), each for a new contact. Returns the bookings.
 */
export async function bookSeats(db: Db, poolId: string, n: number, status = 'confirmed') {
  const pool = await db.slotPool.findUniqueOrThrow({ where: { id: poolId }, include: { slot: true } });
  const out = [];
  for (let i = 0; i < n; i++) {
    const taken = await db.slotPool.updateMany({ where: { id: poolId, booked: { lt: pool.capacity } }, data: { booked: { increment: 1 } } });
    if (taken.count !== 1) throw new Error('pool full');
    const contact = await db.contact.create({ data: { channel: 'simulator', externalId: crypto.randomUUID(), consent: 'given' } });
    const s = pool.slot;
    out.push(
      await db.booking.create({
        data: {
          code: crypto.randomBytes(4).toString('hex').toUpperCase(),
          contactId: contact.id,
          slotId: s.id,
          poolId,
          hospitalId: s.hospitalId,
          serviceId: s.serviceId,
          day: s.day,
          session: s.session,
          status,
          activeKey: status === 'confirmed' || status === 'held' ? `${contact.id}:${s.serviceId}` : null,
          createdAt: NOW,
        },
      }),
    );
  }
  return out;
}

/**
 * Another "process" on the same database: on PostgreSQL a second client with its own connections.
 * On SQLite (one process serves a county) the same client: better-sqlite3 is synchronous, so two
 * clients in one Node process would block each other's busy-wait instead of racing.
 */
export function secondProcess(f: CapacityFixture): { capacity: CapacityService; close(): Promise<void> } {
  if (testProvider !== 'postgres') return { capacity: f.capacity, close: async () => undefined };
  const h = openDb(f.database.url);
  return { capacity: new CapacityService(h), close: () => h.close() };
}

/** Sum of a slot's pools' capacity. */
export const poolTotal = (pools: { capacity: number }[]) => pools.reduce((n, p) => n + p.capacity, 0);
