// npm run bench:booking — a surge of 10,000 booking attempts from 10,000 distinct women for 2,000
// seats (20 slots × 100), with 200 attempts in flight, through the BookingService, on SQLite (a temp
// file) and on PostgreSQL (a temp database, created and dropped; skipped with a line if
// unreachable). Prints per database: attempts/s, p50 and p99 latency, bookings made, overbooked
// seats, and, measured in the same run, the rate of the same conditional write issued directly
// through the driver (better-sqlite3 / pg), and the ratio service/driver.
// Each booking reconciles her reminders in its transaction as the app does (createReminders with
// the demo county's profile and texts, loaded by loadDataFiles): the booked days start tomorrow, so
// a booking for the first two days queues an appointment reminder; BENCH_REMINDERS=0 books without.
// Environment: BENCH_POSTGRES_URL (default TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_ATTEMPTS, BENCH_IN_FLIGHT, BENCH_REMINDERS (1), BENCH_DATABASES (sqlite,postgres).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createReminders } from '../../src/app/reminderWiring.js';
import { loadDataFiles } from '../../src/config/loadDataFiles.js';
import { openDb, type Db } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { addDays } from '../../src/domain/calendarDay.js';
import { bookingSettingsSchema } from '../../src/domain/profile/profileSchema.js';
import { BookingTexts } from '../../src/flows/booking/bookingTexts.js';
import { BookingService } from '../../src/services/booking/BookingService.js';
import { driverRate } from './driverRate.js';
import { type BenchResult, percentile, printResult } from './report.js';

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 10_000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 200);
const SLOTS = 20; // 10 days × am/pm
const SEATS_PER_SLOT = 100; // 2,000 seats
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const NOW = new Date('2026-03-02T09:00:00+08:00');
const HOSPITAL = 'bench-hospital';
const ONLY = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const REMINDERS = process.env.BENCH_REMINDERS !== '0';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The slot each woman asks for: a surge leans on the first days (repeatable). */
export function slotChoices(n: number): number[] {
  let a = 20260302;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => Math.min(SLOTS - 1, Math.floor(rnd() * rnd() * SLOTS * 1.6)));
}

const slotDay = (k: number) => addDays('2026-03-03', Math.floor(k / 2));
const slotSession = (k: number) => (k % 2 === 0 ? 'am' : 'pm');

async function seed(db: Db, prefix: string): Promise<void> {
  await db.region.create({ data: { id: `${prefix}-county`, name: 'bench county', level: 'county' } });
  await db.hospital.create({ data: { id: HOSPITAL, regionId: `${prefix}-county`, name: 'bench', address: '-', phone: '-', directions: '-' } });
  for (let k = 0; k < SLOTS; k++) {
    const slotId = `${prefix}-slot-${k}`;
    await db.slot.create({
      data: { id: slotId, hospitalId: HOSPITAL, serviceId: 'cervical', day: slotDay(k), session: slotSession(k), capacity: SEATS_PER_SLOT },
    });
    await db.slotPool.create({ data: { id: `${prefix}-pool-${k}`, slotId, kind: 'general', capacity: SEATS_PER_SLOT } });
  }
  for (let i = 0; i < ATTEMPTS; i += 1000) {
    const n = Math.min(1000, ATTEMPTS - i);
    await db.contact.createMany({
      data: Array.from({ length: n }, (_, j) => ({ id: `w-${i + j}`, channel: 'bench', externalId: `w-${i + j}`, consent: 'given' })),
    });
  }
  // the driver's own pools, same shape, measured after the service
  for (let k = 0; k < SLOTS; k++) {
    const slotId = `${prefix}-dslot-${k}`;
    await db.slot.create({
      data: { id: slotId, hospitalId: 'driver-hospital', serviceId: 'cervical', day: slotDay(k), session: slotSession(k), capacity: SEATS_PER_SLOT },
    });
    await db.slotPool.create({ data: { id: `${prefix}-dpool-${k}`, slotId, kind: 'general', capacity: SEATS_PER_SLOT } });
  }
}

/** The app's booking hook: her reminders reconciled in the booking's transaction (none with BENCH_REMINDERS=0). */
function reminderHook(db: Db) {
  if (!REMINDERS) return undefined;
  const { county, profile, flowSet } = loadDataFiles({
    PROFILES_DIR: path.join(ROOT, 'profiles'),
    FLOWS_DIR: path.join(ROOT, 'flows'),
    COUNTY_ID: 'xiangcheng',
  });
  return createReminders(db, profile, new BookingTexts(() => flowSet.messages, county, profile)).bookingsChanged;
}

async function surge(db: Db, choices: number[]): Promise<{ seconds: number; latencies: number[]; ok: number; full: number; other: number }> {
  const service = new BookingService({
    db,
    settings: bookingSettingsSchema.parse({}),
    texts: {
      waitlistOffer: '',
      offerExpired: '',
      noShow: '',
      closed: '',
      waitlistEnded: '',
      sessions: { am: 'am', pm: 'pm' },
      weekdays: ['1', '2', '3', '4', '5', '6', '7'],
    },
    bookingsChanged: reminderHook(db),
  });
  const latencies: number[] = [];
  const tally = { ok: 0, full: 0, other: 0 };
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < choices.length) {
        const i = next++;
        const k = choices[i];
        const s = performance.now();
        const r = await service.book({
          contactId: `w-${i}`,
          hospitalId: HOSPITAL,
          serviceIds: ['cervical'],
          day: slotDay(k),
          session: slotSession(k),
          now: NOW,
          regionIds: [],
          priority: false,
        });
        latencies.push(performance.now() - s);
        if (r.ok) tally.ok++;
        else if (r.reason === 'full') tally.full++;
        else tally.other++;
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, latencies, ...tally };
}

/** Seats sold beyond capacity, counted from the pools and from the bookings; and pools whose count disagrees. */
async function overbooked(db: Db, prefix: string): Promise<{ overbooked: number; mismatched: number }> {
  const pools = await db.slotPool.findMany({ where: { id: { startsWith: `${prefix}-pool-` } } });
  const active = await db.booking.groupBy({ by: ['poolId'], where: { status: { in: ['held', 'confirmed'] } }, _count: { _all: true } });
  const count = new Map(active.map((a) => [a.poolId, a._count._all]));
  let over = 0;
  let mismatched = 0;
  for (const p of pools) {
    const n = count.get(p.id) ?? 0;
    over += Math.max(0, p.booked - p.capacity, n - p.capacity);
    if (n !== p.booked) mismatched++;
  }
  return { overbooked: over, mismatched };
}

async function runOne(provider: 'sqlite' | 'postgres', url: string, choices: number[]): Promise<BenchResult> {
  await migrateDatabase(url);
  const h = openDb(url);
  try {
    const prefix = provider;
    await seed(h.db, prefix);
    const s = await surge(h.db, choices);
    const check = await overbooked(h.db, prefix);
    console.log(`${provider}: reminders queued in the bookings' transactions: ${await h.db.outboxMessage.count({ where: { status: 'queued' } })}`);
    const driver = await driverRate(
      provider,
      url,
      choices.map((k) => `${prefix}-dpool-${k}`),
      IN_FLIGHT,
    );
    const rate = ATTEMPTS / s.seconds;
    return {
      provider,
      attempts: ATTEMPTS,
      inFlight: IN_FLIGHT,
      rate,
      p50: percentile(s.latencies, 50),
      p99: percentile(s.latencies, 99),
      bookings: s.ok,
      full: s.full,
      other: s.other,
      overbooked: check.overbooked,
      mismatched: check.mismatched,
      driverRate: driver.rate,
      driverTaken: driver.taken,
      ratio: rate / driver.rate,
    };
  } finally {
    await h.close();
  }
}

async function main(): Promise<void> {
  const choices = slotChoices(ATTEMPTS);
  console.log(
    `booking surge: ${ATTEMPTS} attempts from ${ATTEMPTS} women for ${SLOTS * SEATS_PER_SLOT} seats (${SLOTS} slots × ${SEATS_PER_SLOT}), ${IN_FLIGHT} in flight, ${REMINDERS ? "reminders reconciled in each booking's transaction" : 'no reminders (BENCH_REMINDERS=0)'}`,
  );
  const results: BenchResult[] = [];

  if (ONLY.includes('sqlite')) {
    const file = path.join(os.tmpdir(), `bench-booking-${crypto.randomBytes(4).toString('hex')}.db`);
    try {
      results.push(await runOne('sqlite', `file:${file}`, choices));
      printResult(results.at(-1)!);
    } finally {
      for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
  }
  if (!ONLY.includes('postgres')) return finish(results);

  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`postgres: SKIPPED — PostgreSQL unreachable at ${PG_ADMIN} (${(err as Error).message})`);
    await admin.end().catch(() => undefined);
  }
  if ((admin as unknown as { _connected?: boolean })._connected) {
    const name = `bench_booking_${crypto.randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const u = new URL(PG_ADMIN);
      u.pathname = `/${name}`;
      results.push(await runOne('postgres', u.toString(), choices));
      printResult(results.at(-1)!);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  finish(results);
}

function finish(results: BenchResult[]): void {
  let failed = false;
  for (const r of results) {
    if (r.overbooked > 0 || r.mismatched > 0 || r.other > 0) failed = true;
    if (r.ratio < 0.1) console.log(`${r.provider}: below target: service/driver ratio ${(r.ratio * 100).toFixed(1)}% < 10%`);
  }
  if (failed) {
    console.log('FAILED: overbooked or mismatched seats, or unexpected booking failures');
    process.exitCode = 1;
  }
}

await main();
