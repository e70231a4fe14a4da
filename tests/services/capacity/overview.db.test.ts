// The staff overview: per day × session × service, seats, bookings, reserved shares by kind and
// closures, for materialized slots and for days only the rules open so far.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { bookSeats, capacityFixture, generalPool, MCH, MON, NOW, SUN, TUE, type CapacityFixture } from './capacityFixtures.js';

describe.skipIf(dbUnavailable)('CapacityService.overview', () => {
  let f: CapacityFixture;
  beforeAll(async () => {
    f = await capacityFixture();
  });
  afterAll(async () => {
    await f.close();
  });

  it('shows capacity, booked, free, reserved by kind and closed, materialized or not', async () => {
    await f.capacity.ensureSlots(MCH, 'cervical', MON, MON);
    await bookSeats(f.h.db, (await generalPool(f.h.db, 'cervical', MON, 'am')).id, 3);
    await f.capacity.reserve(
      {
        hospitalId: MCH,
        serviceId: 'cervical',
        day: MON,
        session: 'am',
        kind: 'region',
        regionId: 'xiangcheng-dingji',
        seats: 8,
        releaseAt: new Date('2026-03-02T08:00:00Z'),
      },
      NOW,
    );
    await f.capacity.reserve(
      { hospitalId: MCH, serviceId: 'cervical', day: MON, session: 'am', kind: 'priority', seats: 2, releaseAt: new Date('2026-03-02T08:00:00Z') },
      NOW,
    );
    await f.capacity.addClosure(MCH, TUE, 'pm', '院内培训');

    const o = await f.capacity.overview(MCH, MON, TUE);
    expect(o).toMatchObject({ hospitalId: MCH, from: MON, to: TUE });
    const row = (day: string, session: string, serviceId: string) => o.slots.find((s) => s.day === day && s.session === session && s.serviceId === serviceId);
    expect(row(MON, 'am', 'cervical')).toEqual({
      day: MON,
      session: 'am',
      serviceId: 'cervical',
      capacity: 40,
      booked: 3,
      free: 37,
      reserved: { region: 8, priority: 2 },
      closed: false,
      materialized: true,
      pools: [
        { kind: 'general', regionId: '', capacity: 30, booked: 3, releaseAt: null },
        { kind: 'priority', regionId: '', capacity: 2, booked: 0, releaseAt: '2026-03-02T08:00:00.000Z' },
        { kind: 'region', regionId: 'xiangcheng-dingji', capacity: 8, booked: 0, releaseAt: '2026-03-02T08:00:00.000Z' },
      ],
    });
    expect(row(TUE, 'am', 'nt')).toMatchObject({ capacity: 15, booked: 0, free: 15, closed: false, materialized: false });
    expect(row(TUE, 'pm', 'cervical')).toMatchObject({ capacity: 20, free: 0, closed: true, materialized: false });
    // xc-mch Mon: cervical 2, breast 2, nt, serum-mid, nipt, anomaly-us, ogtt, fallback-us, colposcopy; Tue without nipt
    // and fallback-us, with mammography and prenatal-diagnosis
    expect(o.slots).toHaveLength(22);
    // sorted by day, session, service
    const keys = o.slots.map((s) => `${s.day} ${s.session} ${s.serviceId}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('an empty range and a range with no rules', async () => {
    expect((await f.capacity.overview(MCH, SUN, SUN)).slots).toEqual([]);
    expect((await f.capacity.overview('nowhere', MON, SUN)).slots).toEqual([]);
  });
});
