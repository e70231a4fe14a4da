// Closures: a closed slot takes no bookings; the bookings already on a newly closed day are
// returned (not cancelled) so the caller can tell the women; removing a closure reopens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { bookSeats, capacityFixture, FRI, generalPool, MCH, MON, slotOf, SUN, THU, WED, type CapacityFixture } from './capacityFixtures.js';

describe.skipIf(dbUnavailable)('CapacityService closures', () => {
  let f: CapacityFixture;
  beforeAll(async () => {
    f = await capacityFixture();
    for (const service of ['cervical', 'breast']) await f.capacity.ensureSlots(MCH, service, MON, SUN);
  });
  afterAll(async () => {
    await f.close();
  });

  it('closing a whole day closes every service’s slots and returns the active bookings on it, uncancelled', async () => {
    const [a, b] = await bookSeats(f.h.db, (await generalPool(f.h.db, 'cervical', WED, 'am')).id, 2);
    const [c] = await bookSeats(f.h.db, (await generalPool(f.h.db, 'breast', WED, 'pm')).id, 1);
    await bookSeats(f.h.db, (await generalPool(f.h.db, 'breast', WED, 'am')).id, 1, 'cancelled');
    await bookSeats(f.h.db, (await generalPool(f.h.db, 'cervical', THU, 'am')).id, 1);

    const result = await f.capacity.addClosure(MCH, WED, 'all', '停电检修');
    expect(result.closure).toEqual({ hospitalId: MCH, day: WED, session: 'all', reason: '停电检修' });
    expect(result.slotsClosed).toBe(4);
    expect(result.affectedBookings.map((x) => x.bookingId).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(result.affectedBookings.find((x) => x.bookingId === c.id)).toEqual({
      bookingId: c.id,
      code: c.code,
      contactId: c.contactId,
      serviceId: 'breast',
      day: WED,
      session: 'pm',
      status: 'confirmed',
    });
    for (const service of ['cervical', 'breast']) {
      for (const session of ['am', 'pm']) expect((await slotOf(f.h.db, service, WED, session)).closed).toBe(true);
    }
    expect((await slotOf(f.h.db, 'cervical', THU, 'am')).closed).toBe(false);
    // nothing was cancelled
    expect(await f.h.db.booking.count({ where: { id: { in: [a.id, b.id, c.id] }, status: 'confirmed' } })).toBe(3);
    expect(await f.h.db.closure.count({ where: { hospitalId: MCH, day: WED } })).toBe(1);
  });

  it('closing one session leaves the other open', async () => {
    const result = await f.capacity.addClosure(MCH, THU, 'pm', '院内培训');
    expect(result.slotsClosed).toBe(2);
    expect(result.affectedBookings).toEqual([]);
    expect((await slotOf(f.h.db, 'cervical', THU, 'pm')).closed).toBe(true);
    expect((await slotOf(f.h.db, 'cervical', THU, 'am')).closed).toBe(false);
  });

  it('closing again is idempotent and keeps the latest reason', async () => {
    const again = await f.capacity.addClosure(MCH, THU, 'pm', '院内培训（改）');
    expect(again.slotsClosed).toBe(0);
    const rows = await f.h.db.closure.findMany({ where: { hospitalId: MCH, day: THU } });
    expect(rows.map((r) => [r.session, r.reason])).toEqual([['pm', '院内培训（改）']]);
  });

  it('a slot materialized after the closure is created closed', async () => {
    await f.capacity.addClosure(MCH, '2026-03-11', 'am', '节假日');
    await f.capacity.ensureSlots(MCH, 'cervical', '2026-03-09', '2026-03-15');
    expect((await slotOf(f.h.db, 'cervical', '2026-03-11', 'am')).closed).toBe(true);
    expect((await slotOf(f.h.db, 'cervical', '2026-03-11', 'pm')).closed).toBe(false);
  });

  it('removing a closure reopens its slots, except those another closure still covers', async () => {
    await f.capacity.addClosure(MCH, FRI, 'all', '节假日');
    await f.capacity.addClosure(MCH, FRI, 'am', '设备维修');
    const r = await f.capacity.removeClosure(MCH, FRI, 'all');
    expect(r).toEqual({ removed: true, slotsReopened: 2 }); // cervical pm, breast pm
    expect((await slotOf(f.h.db, 'breast', FRI, 'am')).closed).toBe(true);
    expect((await slotOf(f.h.db, 'breast', FRI, 'pm')).closed).toBe(false);
    expect(await f.capacity.removeClosure(MCH, FRI, 'all')).toEqual({ removed: false, slotsReopened: 0 });
    expect(await f.capacity.removeClosure(MCH, FRI, 'am')).toEqual({ removed: true, slotsReopened: 2 });
    expect((await slotOf(f.h.db, 'breast', FRI, 'am')).closed).toBe(false);
  });

  it('refuses a day that is not a calendar day or a bad session', async () => {
    await expect(f.capacity.addClosure(MCH, '2026-02-30', 'all', 'x')).rejects.toMatchObject({ name: 'CapacityInputError', field: 'day' });
    await expect(f.capacity.addClosure(MCH, FRI, 'noon' as 'all', 'x')).rejects.toMatchObject({ field: 'session' });
  });
});
