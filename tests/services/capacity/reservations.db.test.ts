// Reserved shares for a village/township or priority groups come out of the general pool's
// unbooked seats, are refused when there are not enough, return on unreserve or at release time,
// and never oversell under concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import {
  bookSeats,
  capacityFixture,
  FRI,
  generalPool,
  MCH,
  NOW,
  poolTotal,
  secondProcess,
  slotOf,
  SUN,
  THU,
  TUE,
  WED,
  type CapacityFixture,
} from './capacityFixtures.js';

const RELEASE = new Date('2026-03-02T08:00:00Z'); // Monday 16:00 in Shanghai
const DINGJI = 'xiangcheng-dingji';
const DONGJIE = 'xiangcheng-dingji-dongjie';

describe.skipIf(dbUnavailable)('CapacityService reservations', () => {
  let f: CapacityFixture;
  beforeAll(async () => {
    f = await capacityFixture();
  });
  afterAll(async () => {
    await f.close();
  });

  const base = { hospitalId: MCH, serviceId: 'cervical', session: 'am' as const, releaseAt: RELEASE };

  it('carves a village share out of the general pool of a slot (materializing it), the pools adding up to the rule', async () => {
    const r = await f.capacity.reserve({ ...base, day: TUE, kind: 'region', regionId: DONGJIE, seats: 10 }, NOW);
    expect(r).toMatchObject({
      ok: true,
      reservation: { seats: 10, releaseAt: RELEASE },
      pool: { kind: 'region', regionId: DONGJIE, capacity: 10, booked: 0, releaseAt: RELEASE },
      general: { kind: 'general', capacity: 30, booked: 0 },
    });
    const slot = await slotOf(f.h.db, 'cervical', TUE, 'am');
    expect(slot.capacity).toBe(40);
    expect(poolTotal(slot.pools)).toBe(40);
    const row = await f.h.db.reservation.findFirstOrThrow({ where: { hospitalId: MCH, day: TUE, kind: 'region', regionId: DONGJIE } });
    expect([row.seats, row.releaseAt.toISOString(), row.createdAt.toISOString()]).toEqual([10, RELEASE.toISOString(), NOW.toISOString()]);
  });

  it('reserving again for the same village resizes the share (not adds to it)', async () => {
    await f.capacity.reserve({ ...base, day: TUE, kind: 'region', regionId: DONGJIE, seats: 15 }, NOW);
    expect((await slotOf(f.h.db, 'cervical', TUE, 'am')).pools.map((p) => [p.kind, p.capacity])).toEqual([
      ['general', 25],
      ['region', 15],
    ]);
    await f.capacity.reserve({ ...base, day: TUE, kind: 'region', regionId: DONGJIE, seats: 5 }, NOW);
    expect((await slotOf(f.h.db, 'cervical', TUE, 'am')).pools.map((p) => [p.kind, p.capacity])).toEqual([
      ['general', 35],
      ['region', 5],
    ]);
    expect(await f.h.db.reservation.count({ where: { hospitalId: MCH, day: TUE } })).toBe(1);
  });

  it('a priority share and a township share side by side', async () => {
    expect((await f.capacity.reserve({ ...base, day: TUE, kind: 'priority', seats: 6 }, NOW)).ok).toBe(true);
    expect((await f.capacity.reserve({ ...base, day: TUE, kind: 'region', regionId: DINGJI, seats: 4 }, NOW)).ok).toBe(true);
    const slot = await slotOf(f.h.db, 'cervical', TUE, 'am');
    expect(slot.pools.map((p) => [p.kind, p.regionId, p.capacity])).toEqual([
      ['general', '', 25],
      ['priority', '', 6],
      ['region', DINGJI, 4],
      ['region', DONGJIE, 5],
    ]);
  });

  it('refuses when the general pool has too few unbooked seats, changing nothing', async () => {
    await f.capacity.ensureSlots(MCH, 'cervical', WED, WED);
    await bookSeats(f.h.db, (await generalPool(f.h.db, 'cervical', WED, 'am')).id, 35);
    const r = await f.capacity.reserve({ ...base, day: WED, kind: 'priority', seats: 6 }, NOW);
    expect(r).toEqual({ ok: false, reason: 'not_enough_seats', available: 5 });
    const slot = await slotOf(f.h.db, 'cervical', WED, 'am');
    expect(slot.pools.map((p) => [p.kind, p.capacity, p.booked])).toEqual([['general', 40, 35]]);
    expect(await f.h.db.reservation.count({ where: { day: WED } })).toBe(0);
    expect((await f.capacity.reserve({ ...base, day: WED, kind: 'priority', seats: 5 }, NOW)).ok).toBe(true);
  });

  it('refuses a day the rules do not open and a closed day', async () => {
    expect(await f.capacity.reserve({ ...base, day: SUN, kind: 'priority', seats: 1 }, NOW)).toEqual({ ok: false, reason: 'no_capacity' });
    await f.capacity.addClosure(MCH, FRI, 'am', '节假日');
    expect(await f.capacity.reserve({ ...base, day: FRI, kind: 'priority', seats: 1 }, NOW)).toEqual({ ok: false, reason: 'closed' });
  });

  it('refuses shrinking a share below the seats booked in it', async () => {
    const pool = (await slotOf(f.h.db, 'cervical', TUE, 'am')).pools.find((p) => p.kind === 'priority')!;
    await bookSeats(f.h.db, pool.id, 4);
    expect(await f.capacity.reserve({ ...base, day: TUE, kind: 'priority', seats: 3 }, NOW)).toEqual({ ok: false, reason: 'below_booked', booked: 4 });
  });

  it("needs a regionId for kind 'region' and none for 'priority'", async () => {
    await expect(f.capacity.reserve({ ...base, day: TUE, kind: 'region', seats: 1 }, NOW)).rejects.toMatchObject({
      name: 'CapacityInputError',
      field: 'regionId',
    });
    await expect(f.capacity.reserve({ ...base, day: TUE, kind: 'priority', regionId: DINGJI, seats: 1 }, NOW)).rejects.toMatchObject({ field: 'regionId' });
  });

  it('unreserve gives the unbooked seats back to everyone and keeps the booked ones', async () => {
    // TUE am: general 25, priority 6 (4 booked), dingji 4, dongjie 5
    const r = await f.capacity.unreserve({ hospitalId: MCH, serviceId: 'cervical', day: TUE, session: 'am', kind: 'priority' }, NOW);
    expect(r).toEqual({ removed: true, seatsReturned: 2, stillBooked: 4 });
    const slot = await slotOf(f.h.db, 'cervical', TUE, 'am');
    expect(slot.pools.map((p) => [p.kind, p.regionId, p.capacity, p.booked])).toEqual([
      ['general', '', 27, 0],
      ['priority', '', 4, 4],
      ['region', DINGJI, 4, 0],
      ['region', DONGJIE, 5, 0],
    ]);
    expect(poolTotal(slot.pools)).toBe(40);
    expect(await f.h.db.reservation.count({ where: { day: TUE, kind: 'priority' } })).toBe(0);
    expect(await f.capacity.unreserve({ hospitalId: MCH, serviceId: 'cervical', day: TUE, session: 'am', kind: 'priority' }, NOW)).toEqual({
      removed: false,
      seatsReturned: 0,
      stillBooked: 4,
    });
  });

  it('releaseDue returns unused reserved seats to everyone once the release time has passed', async () => {
    expect(await f.capacity.releaseDue(NOW)).toEqual({ pools: 0, seatsReturned: 0 });
    const after = new Date(RELEASE.getTime() + 60_000);
    expect(await f.capacity.releaseDue(after)).toEqual({ pools: 3, seatsReturned: 4 + 5 + 5 });
    const tue = await slotOf(f.h.db, 'cervical', TUE, 'am');
    expect(tue.pools.map((p) => [p.kind, p.regionId, p.capacity])).toEqual([
      ['general', '', 36],
      ['priority', '', 4],
      ['region', DINGJI, 0],
      ['region', DONGJIE, 0],
    ]);
    expect(poolTotal(tue.pools)).toBe(40);
    expect(await f.capacity.releaseDue(after)).toEqual({ pools: 0, seatsReturned: 0 });
  });

  it('many shares reserved at once never take more than the general pool has', async () => {
    await f.capacity.ensureSlots(MCH, 'cervical', THU, THU);
    const villages = f.county.townships.flatMap((t) => t.villages.map((v) => v.id)).slice(0, 10);
    const other = secondProcess(f);
    try {
      const services = [f.capacity, other.capacity];
      const results = await Promise.all(villages.map((regionId, i) => services[i % 2].reserve({ ...base, day: THU, kind: 'region', regionId, seats: 9 }, NOW)));
      expect(results.filter((r) => r.ok)).toHaveLength(4); // 40 seats: four shares of 9, 4 left
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'not_enough_seats')).toBe(true);
      const slot = await slotOf(f.h.db, 'cervical', THU, 'am');
      expect(slot.pools.find((p) => p.kind === 'general')!.capacity).toBe(4);
      expect(poolTotal(slot.pools)).toBe(40);
      expect(await f.h.db.reservation.count({ where: { day: THU } })).toBe(4);
    } finally {
      await other.close();
    }
  });
});
