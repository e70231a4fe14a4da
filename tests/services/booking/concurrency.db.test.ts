// Invariant 1 under concurrency: 1,000 simultaneous attempts from 1,000 women on 100 seats give
// exactly 100 bookings (SQLite and PostgreSQL), also from two OS processes on PostgreSQL; cancels,
// offers, expiries and acceptances racing bookings never leave a seat double-sold or lost.
import { raceWorkers, startWorker } from '../../support/workerProcess.js';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendarDay.js';
import type { BookResult } from '../../../src/services/booking/bookingTypes.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import { HOSPITAL, makeContacts, makeSlot, NOW, openFixture, ordinary, seatProblems, type Fixture } from './bookingFixtures.js';

const DAYS = Array.from({ length: 10 }, (_, i) => addDays('2026-03-03', i));

describe.skipIf(dbUnavailable)('booking under concurrency', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await openFixture();
  });
  afterEach(async () => f.close());

  const book = (contactId: string, day: string) =>
    f.service.book({ contactId, hospitalId: HOSPITAL, serviceIds: ['cervical'], day, session: 'am', now: NOW, ...ordinary });

  it('1,000 simultaneous attempts on 100 seats (10 slots × 10) make exactly 100 bookings', async () => {
    for (const day of DAYS) await makeSlot(f.db, { day, pools: [{ capacity: 10 }] });
    const women = await makeContacts(f.db, 'race', 1000);
    const results = await Promise.all(women.map((w, i) => book(w, DAYS[i % 10])));
    const tally = (r: BookResult) => (r.ok ? 'ok' : r.reason);
    const counts = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [tally(r)]: (acc[tally(r)] ?? 0) + 1 }), {});
    expect(counts).toEqual({ ok: 100, full: 900 });
    expect(await f.db.booking.count({ where: { status: 'confirmed' } })).toBe(100);
    expect(new Set(results.flatMap((r) => (r.ok ? [r.visitCode] : []))).size).toBe(100);
    for (const p of await f.db.slotPool.findMany()) expect(p.booked).toBe(10);
    expect(await seatProblems(f.db)).toEqual([]);
  }, 120_000);

  it('1,000 simultaneous attempts on one slot of 100 seats make exactly 100 bookings', async () => {
    await makeSlot(f.db, {
      day: DAYS[3],
      pools: [{ capacity: 60 }, { kind: 'region', regionId: 'v', capacity: 40, releaseAt: new Date('2026-03-01T00:00:00Z') }],
    });
    const women = await makeContacts(f.db, 'one', 1000);
    const results = await Promise.all(women.map((w) => book(w, DAYS[3])));
    expect(results.filter((r) => r.ok)).toHaveLength(100);
    expect(await seatProblems(f.db)).toEqual([]);
  }, 120_000);

  it('cancels, offers, expiries and acceptances racing bookings keep booked == active bookings in every pool', async () => {
    const slots = [];
    for (const day of DAYS.slice(0, 4)) slots.push(await makeSlot(f.db, { day, pools: [{ capacity: 15 }] }));
    const first = await makeContacts(f.db, 'first', 40);
    const firstBookings = (await Promise.all(first.map((w, i) => book(w, DAYS[i % 4])))).flatMap((r) => (r.ok ? r.bookings : []));
    expect(firstBookings).toHaveLength(40);
    const waiting = await makeContacts(f.db, 'wait', 30);
    for (const w of waiting) {
      await f.service.joinWaitlist({ contactId: w, hospitalId: HOSPITAL, serviceId: 'cervical', dateFrom: DAYS[0], dateTo: DAYS[3], now: NOW });
    }
    const late = await makeContacts(f.db, 'late', 300);
    const later = (min: number) => new Date(NOW.getTime() + min * 60_000);
    const ops: Promise<unknown>[] = [
      ...late.map((w, i) => book(w, DAYS[i % 4])),
      ...firstBookings.slice(0, 30).map((b, i) => f.service.cancel({ contactId: b.contactId, bookingId: b.id, now: later(i % 5) })),
      ...waiting.slice(0, 10).map((w) => f.service.acceptOffer({ contactId: w, now: later(3) })),
      ...waiting.slice(10, 15).map((w) => f.service.declineOffer({ contactId: w, now: later(3) })),
      f.service.expireOffers(later(500)),
      f.service.expireOffers(later(500)),
      ...firstBookings
        .slice(30, 35)
        .map((b) =>
          f.service.change({ contactId: b.contactId, bookingIds: [b.id], day: DAYS[(DAYS.indexOf(b.day) + 1) % 4], session: 'am', now: later(1), ...ordinary }),
        ),
    ];
    await Promise.all(ops);
    await f.service.expireOffers(later(1000));
    expect(await seatProblems(f.db)).toEqual([]);
    const perSlot = await f.db.booking.groupBy({ by: ['slotId'], where: { status: { in: ['held', 'confirmed'] } }, _count: { _all: true } });
    for (const s of perSlot) expect(s._count._all).toBeLessThanOrEqual(15);
    // no seat was lost: every seat still free can be booked, and not one more
    const pools = await f.db.slotPool.findMany({ include: { slot: true } });
    const fresh = await makeContacts(f.db, 'fresh', 60 + pools.length);
    let k = 0;
    for (const p of pools) {
      const free = p.capacity - p.booked;
      const tries = await Promise.all(Array.from({ length: free + 1 }, () => book(fresh[k++], p.slot.day)));
      expect(tries.filter((r) => r.ok)).toHaveLength(free);
    }
    const perSlotAfter = await f.db.booking.groupBy({ by: ['slotId'], where: { status: { in: ['held', 'confirmed'] } }, _count: { _all: true } });
    expect(perSlotAfter.reduce((n, s) => n + s._count._all, 0)).toBe(60);
    expect(await seatProblems(f.db)).toEqual([]);
    // one active booking per woman and service
    const active = await f.db.booking.findMany({ where: { status: { in: ['held', 'confirmed'] } }, select: { contactId: true } });
    expect(new Set(active.map((a) => a.contactId)).size).toBe(active.length);
  }, 120_000);

  it.skipIf(testProvider !== 'postgres')(
    'two OS processes racing on 100 seats make exactly 100 bookings',
    async () => {
      for (const day of DAYS) await makeSlot(f.db, { day, pools: [{ capacity: 10 }] });
      await makeContacts(f.db, 'proc', 1000);
      const script = path.join('tests', 'services', 'booking', 'bookWorker.ts');
      const [a, b] = await raceWorkers(
        [0, 500].map((from) =>
          startWorker<{ ok: number; full: number; other: number }>(script, [f.database.url, 'proc', String(from), '500', '100'], `from ${from}`, 90_000),
        ),
      );
      expect(a.other + b.other).toBe(0);
      expect(a.ok + b.ok).toBe(100);
      expect(a.ok).toBeGreaterThan(0);
      expect(b.ok).toBeGreaterThan(0);
      expect(await f.db.booking.count({ where: { status: 'confirmed' } })).toBe(100);
      expect(await seatProblems(f.db)).toEqual([]);
    },
    120_000,
  );
});
