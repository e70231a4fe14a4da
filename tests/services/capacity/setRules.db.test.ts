// Staff replace a service's weekly rules: future slots follow, the general pool never drops below
// its booked seats (reported as conflicts), reserved pools stay, past slots are history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import {
  bookSeats,
  capacityFixture,
  FRI,
  generalPool,
  MCH,
  MON,
  NOW,
  poolTotal,
  slotOf,
  SUN,
  THU,
  TUE,
  WED,
  type CapacityFixture,
} from './capacityFixtures.js';

const weekdays = (session: 'am' | 'pm', capacity: number) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, session, capacity }));

describe.skipIf(dbUnavailable)('CapacityService.setRules', () => {
  let f: CapacityFixture;
  beforeAll(async () => {
    f = await capacityFixture();
    // last week (history) and this week
    await f.capacity.ensureSlots(MCH, 'cervical', '2026-02-23', SUN);
  });
  afterAll(async () => {
    await f.close();
  });

  it('replaces the rules and updates the future slots; days left out keep a 0-seat rule; past slots are left alone', async () => {
    const result = await f.capacity.setRules(MCH, 'cervical', weekdays('am', 30), NOW);
    expect(result.rules).toEqual(weekdays('am', 30));
    expect(result.conflicts).toEqual([]);
    expect(result.slotsUpdated).toBe(10); // five mornings 40 → 30, five afternoons 20 → 0
    const rules = await f.h.db.capacityRule.findMany({ where: { hospitalId: MCH, serviceId: 'cervical' }, orderBy: [{ weekday: 'asc' }, { session: 'asc' }] });
    expect(rules.map((r) => `${r.weekday}${r.session}=${r.capacity}`)).toEqual([
      '1am=30',
      '1pm=0',
      '2am=30',
      '2pm=0',
      '3am=30',
      '3pm=0',
      '4am=30',
      '4pm=0',
      '5am=30',
      '5pm=0',
    ]);
    for (const day of [MON, TUE, WED, THU, FRI]) {
      const am = await slotOf(f.h.db, 'cervical', day, 'am');
      expect([am.capacity, poolTotal(am.pools)]).toEqual([30, 30]);
      const pm = await slotOf(f.h.db, 'cervical', day, 'pm');
      expect([pm.capacity, poolTotal(pm.pools)]).toEqual([0, 0]);
    }
    expect((await slotOf(f.h.db, 'cervical', '2026-02-27', 'am')).capacity).toBe(40);
  });

  it('keeps the seats already booked and reports the slot instead of failing silently', async () => {
    const general = await generalPool(f.h.db, 'cervical', WED, 'am');
    await bookSeats(f.h.db, general.id, 5);
    const result = await f.capacity.setRules(MCH, 'cervical', weekdays('am', 2), NOW);
    expect(result.conflicts).toEqual([{ slotId: general.slotId, day: WED, session: 'am', requested: 2, capacity: 5, generalBooked: 5, reserved: 0 }]);
    expect(await generalPool(f.h.db, 'cervical', WED, 'am')).toMatchObject({ capacity: 5, booked: 5 });
    expect((await slotOf(f.h.db, 'cervical', WED, 'am')).capacity).toBe(5);
    expect((await slotOf(f.h.db, 'cervical', TUE, 'am')).capacity).toBe(2);
    // capacity back up: the conflict is gone, the bookings stay
    const back = await f.capacity.setRules(MCH, 'cervical', weekdays('am', 40), NOW);
    expect(back.conflicts).toEqual([]);
    expect(await generalPool(f.h.db, 'cervical', WED, 'am')).toMatchObject({ capacity: 40, booked: 5 });
  });

  it('with a reserved share, the general pool takes the change and the pools still add up to the rule', async () => {
    const r = await f.capacity.reserve(
      { hospitalId: MCH, serviceId: 'cervical', day: THU, session: 'am', kind: 'priority', seats: 10, releaseAt: new Date('2026-03-04T08:00:00Z') },
      NOW,
    );
    expect(r.ok).toBe(true);
    await f.capacity.setRules(MCH, 'cervical', weekdays('am', 25), NOW);
    const slot = await slotOf(f.h.db, 'cervical', THU, 'am');
    expect(slot.pools.map((p) => [p.kind, p.capacity])).toEqual([
      ['general', 15],
      ['priority', 10],
    ]);
    expect(slot.capacity).toBe(25);
  });

  it('a new weekday is opened by the next ensureSlots', async () => {
    await f.capacity.setRules(MCH, 'cervical', [...weekdays('am', 25), { weekday: 6, session: 'am', capacity: 12 }], NOW);
    expect(await f.capacity.ensureSlots(MCH, 'cervical', MON, SUN)).toEqual({ planned: 6, created: 1 });
    expect((await slotOf(f.h.db, 'cervical', '2026-03-07', 'am')).capacity).toBe(12);
  });

  it('refuses a bad rule list naming the field, changing nothing', async () => {
    const before = await f.h.db.capacityRule.findMany({ where: { hospitalId: MCH, serviceId: 'cervical' }, orderBy: { id: 'asc' } });
    await expect(
      f.capacity.setRules(
        MCH,
        'cervical',
        [
          { weekday: 1, session: 'am', capacity: 1 },
          { weekday: 1, session: 'am', capacity: 2 },
        ],
        NOW,
      ),
    ).rejects.toMatchObject({ name: 'CapacityInputError', field: 'rules[1].session' });
    await expect(f.capacity.setRules(MCH, 'cervical', [{ weekday: 8, session: 'am', capacity: 1 }], NOW)).rejects.toMatchObject({ field: 'rules[0].weekday' });
    expect(await f.h.db.capacityRule.findMany({ where: { hospitalId: MCH, serviceId: 'cervical' }, orderBy: { id: 'asc' } })).toEqual(before);
  });
});
