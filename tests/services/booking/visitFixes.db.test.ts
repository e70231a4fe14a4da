// Found in review: both seats of one visit offered to the same woman share one visit code; a day
// the hospital closed is never her no-show; waitlist places past their last day end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { HOSPITAL, makeContacts, makeSlot, NOW, openFixture, ordinary, seatProblems, type Fixture } from './bookingFixtures.js';

describe.skipIf(dbUnavailable)('visits, closures and old waitlist places', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await openFixture();
    for (const serviceId of ['cervical', 'breast']) await makeSlot(f.db, { serviceId, day: '2026-03-06', pools: [{ capacity: 1 }] });
    for (const serviceId of ['cervical', 'breast']) await makeSlot(f.db, { serviceId, day: '2026-03-04', pools: [{ capacity: 5 }] });
  });
  afterAll(async () => f.close());

  it('a cancelled 两癌 visit passed to the woman waiting for both is held under one visit code', async () => {
    const [a, b] = await makeContacts(f.db, 'vf', 2);
    const booked = await f.service.book({
      contactId: a,
      hospitalId: HOSPITAL,
      serviceIds: ['cervical', 'breast'],
      day: '2026-03-06',
      session: 'am',
      now: NOW,
      ...ordinary,
    });
    if (!booked.ok) throw new Error(booked.reason);
    const joined = await f.service.joinWaitlist({
      contactId: b,
      hospitalId: HOSPITAL,
      serviceIds: ['cervical', 'breast'],
      dateFrom: '2026-03-05',
      dateTo: '2026-03-07',
      now: NOW,
    });
    expect(joined.ok).toBe(true);
    for (const bk of booked.bookings) await f.service.cancel({ contactId: a, bookingId: bk.id, now: NOW });
    const held = await f.db.booking.findMany({ where: { contactId: b, status: 'held' }, orderBy: { code: 'asc' } });
    expect(held).toHaveLength(2);
    const base = held[0].code;
    expect(held.map((h) => h.code)).toEqual([base, `${base}-2`]);
    // one message for the visit
    expect(await f.db.outboxMessage.count({ where: { contactId: b, dedupeKey: { startsWith: 'waitlist-offer:' } } })).toBe(1);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('bookings on a day the hospital closed are not no-shows', async () => {
    const [c] = await makeContacts(f.db, 'vc', 1);
    const r = await f.service.book({ contactId: c, hospitalId: HOSPITAL, serviceIds: ['cervical'], day: '2026-03-04', session: 'am', now: NOW, ...ordinary });
    if (!r.ok) throw new Error(r.reason);
    const { slotId } = await f.db.booking.findUniqueOrThrow({ where: { id: r.bookings[0].id } });
    await f.db.slot.update({ where: { id: slotId }, data: { closed: true } });
    await f.service.markNoShows(new Date('2026-03-05T09:00:00+08:00'));
    expect((await f.db.booking.findUniqueOrThrow({ where: { id: r.bookings[0].id } })).status).toBe('confirmed');
    expect((await f.db.contact.findUniqueOrThrow({ where: { id: c } })).noShows).toBe(0);
  });

  it('a waitlist place past its last day ends, and she can join again', async () => {
    const [d] = await makeContacts(f.db, 'vd', 1);
    await f.service.joinWaitlist({ contactId: d, hospitalId: HOSPITAL, serviceId: 'cervical', dateFrom: '2026-03-03', dateTo: '2026-03-05', now: NOW });
    expect(await f.service.endPastWaitlistPlaces(new Date('2026-03-05T12:00:00+08:00'))).toBe(0);
    expect(await f.service.endPastWaitlistPlaces(new Date('2026-03-06T00:15:00+08:00'))).toBe(1);
    const again = await f.service.joinWaitlist({
      contactId: d,
      hospitalId: HOSPITAL,
      serviceId: 'cervical',
      dateFrom: '2026-03-09',
      dateTo: '2026-03-20',
      now: new Date('2026-03-06T09:00:00+08:00'),
    });
    expect(again.ok).toBe(true);
  });
});
