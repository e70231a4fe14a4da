// Change and cancel up to the cut-off: the old seat is released in the same transaction as the new
// one is taken; a full new day changes nothing; a cancel frees the seat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { at, HOSPITAL, makeContacts, makeSlot, NOW, openFixture, ordinary, seatProblems, type Fixture } from './bookingFixtures.js';

describe.skipIf(dbUnavailable)('BookingService.change and cancel', () => {
  let f: Fixture;
  let women: string[];
  const pool: Record<string, string> = {};
  beforeAll(async () => {
    f = await openFixture();
    women = await makeContacts(f.db, 'c', 10);
    for (const [day, session, capacity] of [
      ['2026-03-04', 'am', 3],
      ['2026-03-05', 'am', 1],
      ['2026-03-06', 'pm', 3],
      ['2026-03-03', 'am', 3],
    ] as const) {
      const s = await makeSlot(f.db, { day, session, pools: [{ capacity }] });
      pool[`${day}-${session}`] = s.pools['general:'];
      const b = await makeSlot(f.db, { day, session, serviceId: 'breast', pools: [{ capacity }] });
      pool[`${day}-${session}-breast`] = b.pools['general:'];
    }
  });
  afterAll(async () => f.close());

  const booked = async (id: string) => (await f.db.slotPool.findUniqueOrThrow({ where: { id } })).booked;
  const book = async (contactId: string, day: string, session = 'am', serviceIds = ['cervical']) => {
    const r = await f.service.book({ contactId, hospitalId: HOSPITAL, serviceIds, day, session, now: NOW, ...ordinary });
    if (!r.ok) throw new Error(`booking failed: ${r.reason}`);
    return r;
  };

  it('moves a booking: new seat taken, old seat free, same id and code', async () => {
    const r = await book(women[0], '2026-03-04');
    const c = await f.service.change({ contactId: women[0], bookingIds: [r.bookings[0].id], day: '2026-03-06', session: 'pm', now: NOW, ...ordinary });
    expect(c).toEqual({
      ok: true,
      bookings: [expect.objectContaining({ id: r.bookings[0].id, code: r.visitCode, day: '2026-03-06', session: 'pm', status: 'confirmed' })],
    });
    expect(await booked(pool['2026-03-04-am'])).toBe(0);
    expect(await booked(pool['2026-03-06-pm'])).toBe(1);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('a full new day changes nothing: the old booking and seat are kept', async () => {
    await book(women[1], '2026-03-05'); // takes the only seat
    const r = await book(women[2], '2026-03-04');
    const c = await f.service.change({ contactId: women[2], bookingIds: [r.bookings[0].id], day: '2026-03-05', session: 'am', now: NOW, ...ordinary });
    expect(c).toEqual({ ok: false, reason: 'full' });
    expect(await f.service.activeBookings(women[2])).toEqual([expect.objectContaining({ day: '2026-03-04', status: 'confirmed' })]);
    expect(await booked(pool['2026-03-04-am'])).toBe(1);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('moves both services of a visit together, or neither', async () => {
    const r = await book(women[3], '2026-03-04', 'am', ['cervical', 'breast']);
    const ids = r.bookings.map((b) => b.id);
    // 03-05 breast is free, cervical is full: nothing moves
    expect(await f.service.change({ contactId: women[3], bookingIds: ids, day: '2026-03-05', session: 'am', now: NOW, ...ordinary })).toEqual({
      ok: false,
      reason: 'full',
    });
    expect(await booked(pool['2026-03-05-am-breast'])).toBe(0);
    const c = await f.service.change({ contactId: women[3], bookingIds: ids, day: '2026-03-06', session: 'pm', now: NOW, ...ordinary });
    expect(c.ok && c.bookings.map((b) => [b.serviceId, b.day, b.code])).toEqual([
      ['breast', '2026-03-06', r.visitCode],
      ['cervical', '2026-03-06', `${r.visitCode}-2`],
    ]);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('refuses a change after the cut-off (a cancel only once the session is over), another woman’s booking, and a day that cannot be booked', async () => {
    const r = await book(women[4], '2026-03-03');
    const id = r.bookings[0].id;
    const late = at('2026-03-02T16:30:00');
    expect(await f.service.change({ contactId: women[4], bookingIds: [id], day: '2026-03-06', session: 'pm', now: late, ...ordinary })).toEqual({
      ok: false,
      reason: 'too_late',
    });
    expect(await f.service.change({ contactId: women[5], bookingIds: [id], day: '2026-03-06', session: 'pm', now: NOW, ...ordinary })).toEqual({
      ok: false,
      reason: 'not_found',
    });
    expect(await f.service.cancel({ contactId: women[5], bookingId: id, now: NOW })).toEqual({ ok: false, reason: 'not_found' });
    expect(await f.service.change({ contactId: women[4], bookingIds: [id], day: '2026-03-30', session: 'pm', now: NOW, ...ordinary })).toEqual({
      ok: false,
      reason: 'not_bookable',
    });
    // the cut-off stops changes, never giving the seat back (issue 11): until her session ends
    expect(await f.service.cancel({ contactId: women[4], bookingId: id, now: late })).toMatchObject({ ok: true, booking: { status: 'cancelled' } });
    const again = await book(women[4], '2026-03-03');
    const over = at('2026-03-03T12:00:00');
    expect(await f.service.cancel({ contactId: women[4], bookingId: again.bookings[0].id, now: over })).toEqual({ ok: false, reason: 'too_late' });
    expect(await f.service.cancel({ contactId: women[4], bookingId: again.bookings[0].id, now: at('2026-03-03T11:59:00') })).toMatchObject({ ok: true });
  });

  it('cancel frees the seat for the next woman and ends the booking', async () => {
    const r = await book(women[6], '2026-03-04');
    const before = await booked(pool['2026-03-04-am']);
    const c = await f.service.cancel({ contactId: women[6], bookingId: r.bookings[0].id, now: NOW, reason: 'woman' });
    expect(c).toMatchObject({ ok: true, booking: { status: 'cancelled' }, seat: { returned: true } });
    expect(await booked(pool['2026-03-04-am'])).toBe(before - 1);
    const row = await f.db.booking.findUniqueOrThrow({ where: { id: r.bookings[0].id } });
    expect(row).toMatchObject({ status: 'cancelled', activeKey: null });
    expect(await f.service.cancel({ contactId: women[6], bookingId: r.bookings[0].id, now: NOW })).toEqual({ ok: false, reason: 'not_found' });
    // she may book the service again
    expect((await book(women[6], '2026-03-06', 'pm')).ok).toBe(true);
    expect(await seatProblems(f.db)).toEqual([]);
  });
});
