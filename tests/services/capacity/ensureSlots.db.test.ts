// Slots are materialized from the weekly rules: one per day × session, with pools adding up to the
// rule's seats, closures marked; idempotent and safe when many calls (and processes) race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { capacityFixture, MCH, MON, NOW, poolTotal, secondProcess, slotOf, SUN, THU, TUE, WED, type CapacityFixture } from './capacityFixtures.js';

describe.skipIf(dbUnavailable)('CapacityService.ensureSlots', () => {
  let f: CapacityFixture;
  beforeAll(async () => {
    f = await capacityFixture();
  });
  afterAll(async () => {
    await f.close();
  });

  it('materializes one slot per ruled day × session, each with a general pool holding the rule capacity', async () => {
    await f.capacity.addClosure(MCH, WED, 'pm', '院内培训');
    const result = await f.capacity.ensureSlots(MCH, 'cervical', MON, SUN);
    expect(result).toEqual({ planned: 10, created: 10 });
    const slots = await f.h.db.slot.findMany({
      where: { hospitalId: MCH, serviceId: 'cervical' },
      include: { pools: true },
      orderBy: [{ day: 'asc' }, { session: 'asc' }],
    });
    expect(slots.map((s) => `${s.day} ${s.session} ${s.capacity}${s.closed ? ' closed' : ''}`)).toEqual([
      '2026-03-02 am 40',
      '2026-03-02 pm 20',
      '2026-03-03 am 40',
      '2026-03-03 pm 20',
      '2026-03-04 am 40',
      '2026-03-04 pm 20 closed',
      '2026-03-05 am 40',
      '2026-03-05 pm 20',
      '2026-03-06 am 40',
      '2026-03-06 pm 20',
    ]);
    for (const s of slots) {
      expect(s.pools).toEqual([expect.objectContaining({ kind: 'general', regionId: '', capacity: s.capacity, booked: 0, releaseAt: null })]);
    }
  });

  it('is idempotent', async () => {
    expect(await f.capacity.ensureSlots(MCH, 'cervical', MON, SUN)).toEqual({ planned: 10, created: 0 });
    expect(await f.h.db.slot.count({ where: { hospitalId: MCH, serviceId: 'cervical' } })).toBe(10);
    expect(await f.h.db.slotPool.count({ where: { slot: { hospitalId: MCH, serviceId: 'cervical' } } })).toBe(10);
  });

  it('a range the rules do not open (a Sunday) creates nothing', async () => {
    expect(await f.capacity.ensureSlots(MCH, 'cervical', SUN, SUN)).toEqual({ planned: 0, created: 0 });
  });

  it('ten calls at once, from two processes, make exactly one slot and one general pool per day × session', async () => {
    const other = secondProcess(f);
    try {
      const services = [f.capacity, other.capacity];
      // breast at xc-mch, four weeks: Mon–Fri am + pm = 40 slots
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => services[i % 2].ensureSlots(MCH, 'breast', '2026-03-09', '2026-04-05')));
      expect(results.every((r) => r.planned === 40)).toBe(true);
      expect(results.reduce((n, r) => n + r.created, 0)).toBe(40);
      const slots = await f.h.db.slot.findMany({ where: { hospitalId: MCH, serviceId: 'breast' }, include: { pools: true } });
      expect(slots).toHaveLength(40);
      expect(new Set(slots.map((s) => `${s.day}:${s.session}`)).size).toBe(40);
      for (const s of slots) {
        expect(s.pools).toHaveLength(1);
        expect(poolTotal(s.pools)).toBe(s.capacity);
      }
    } finally {
      await other.close();
    }
  });

  it('a slot materialized after its reservations were recorded gets their pools out of its seats', async () => {
    await f.h.db.reservation.create({
      data: {
        hospitalId: MCH,
        serviceId: 'nt',
        day: TUE,
        session: 'am',
        kind: 'region',
        regionId: 'xiangcheng-dingji',
        seats: 5,
        releaseAt: new Date('2026-03-02T08:00:00Z'),
        createdAt: NOW,
      },
    });
    await f.capacity.ensureSlots(MCH, 'nt', TUE, THU);
    const slot = await slotOf(f.h.db, 'nt', TUE, 'am');
    expect(slot.capacity).toBe(15);
    expect(slot.pools.map((p) => [p.kind, p.regionId, p.capacity, p.releaseAt?.toISOString() ?? null])).toEqual([
      ['general', '', 10, null],
      ['region', 'xiangcheng-dingji', 5, '2026-03-02T08:00:00.000Z'],
    ]);
    expect(poolTotal(slot.pools)).toBe(slot.capacity);
  });

  it('refuses a range that is not calendar days', async () => {
    await expect(f.capacity.ensureSlots(MCH, 'cervical', '2026-02-30', SUN)).rejects.toMatchObject({ name: 'CapacityInputError', field: 'from' });
    await expect(f.capacity.ensureSlots(MCH, 'cervical', SUN, MON)).rejects.toMatchObject({ field: 'to' });
  });
});
