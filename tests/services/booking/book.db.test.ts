// Booking one visit: seats taken, full, closed, not bookable (cut-off and horizon), one active
// booking per service, several services in one visit, and what availability shows her.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingService } from '../../../src/services/booking/BookingService.js';
import { dbUnavailable } from '../../support/testDb.js';
import { at, HOSPITAL, makeContacts, makeSlot, NOW, openFixture, ordinary, seatProblems, settings, texts, type Fixture } from './bookingFixtures.js';

describe.skipIf(dbUnavailable)('BookingService.book', () => {
  let f: Fixture;
  let women: string[];
  beforeAll(async () => {
    f = await openFixture();
    women = await makeContacts(f.db, 'w', 20);
    await makeSlot(f.db, { day: '2026-03-03', pools: [{ capacity: 2 }] });
    await makeSlot(f.db, { day: '2026-03-04', pools: [{ capacity: 1 }] });
    await makeSlot(f.db, { day: '2026-03-05', closed: true, pools: [{ capacity: 5 }] });
    await makeSlot(f.db, { day: '2026-03-06', pools: [{ capacity: 3 }] });
    await makeSlot(f.db, { day: '2026-03-06', serviceId: 'breast', pools: [{ capacity: 1 }] });
    await makeSlot(f.db, { day: '2026-03-07', pools: [{ capacity: 3 }] });
    await makeSlot(f.db, { day: '2026-03-16', pools: [{ capacity: 3 }] });
    await makeSlot(f.db, { day: '2026-03-17', pools: [{ capacity: 3 }] });
  });
  afterAll(async () => f.close());

  const args = (contactId: string, day: string, extra: Partial<Parameters<Fixture['service']['book']>[0]> = {}) => ({
    contactId,
    hospitalId: HOSPITAL,
    serviceIds: ['cervical'],
    day,
    session: 'am',
    now: NOW,
    ...ordinary,
    ...extra,
  });

  it('books a seat: a short unambiguous code, the seat counted in its pool', async () => {
    const r = await f.service.book(args(women[0], '2026-03-03'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.visitCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(r.bookings).toEqual([
      expect.objectContaining({ code: r.visitCode, serviceId: 'cervical', day: '2026-03-03', session: 'am', hospitalId: HOSPITAL, status: 'confirmed' }),
    ]);
    const row = await f.db.booking.findUniqueOrThrow({ where: { id: r.bookings[0].id } });
    expect(row.activeKey).toBe(`${women[0]}:cervical`);
    expect(await seatProblems(f.db)).toEqual([]);
    expect(await f.service.activeBookings(women[0])).toHaveLength(1);
  });

  it('one active booking per service: a second booking answers already_booked with the first', async () => {
    const r = await f.service.book(args(women[0], '2026-03-06'));
    expect(r).toMatchObject({ ok: false, reason: 'already_booked', existing: [expect.objectContaining({ day: '2026-03-03' })] });
    // a visit naming an already booked service is refused as a whole
    const r2 = await f.service.book(args(women[0], '2026-03-06', { serviceIds: ['breast', 'cervical'] }));
    expect(r2).toMatchObject({ ok: false, reason: 'already_booked' });
    expect(await f.db.booking.count({ where: { contactId: women[0] } })).toBe(1);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('answers full when the seats are gone, and takes nothing', async () => {
    expect((await f.service.book(args(women[1], '2026-03-04'))).ok).toBe(true);
    expect(await f.service.book(args(women[2], '2026-03-04'))).toEqual({ ok: false, reason: 'full' });
    expect(await f.db.booking.count({ where: { contactId: women[2] } })).toBe(0);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('answers closed for a closed slot or a service the hospital does not run that day', async () => {
    expect(await f.service.book(args(women[3], '2026-03-05'))).toEqual({ ok: false, reason: 'closed' });
    expect(await f.service.book(args(women[3], '2026-03-07', { serviceIds: ['cervical', 'breast'] }))).toEqual({ ok: false, reason: 'closed' });
    expect(await f.service.book(args(women[3], '2026-03-03', { session: 'pm' }))).toEqual({ ok: false, reason: 'closed' });
  });

  it.each([
    ['today', '2026-03-02', NOW],
    ['tomorrow after the 16:00 cut-off', '2026-03-03', at('2026-03-02T16:00:00')],
    ['beyond the horizon (day 15)', '2026-03-17', NOW],
    ['the past', '2026-03-01', NOW],
  ])('answers not_bookable for %s', async (_what, day, now) => {
    expect(await f.service.book(args(women[4], day, { now }))).toEqual({ ok: false, reason: 'not_bookable' });
  });

  it('answers not_bookable for a session that does not exist or no service', async () => {
    expect(await f.service.book(args(women[4], '2026-03-07', { session: 'night' }))).toEqual({ ok: false, reason: 'not_bookable' });
    expect(await f.service.book(args(women[4], '2026-03-07', { serviceIds: [] }))).toEqual({ ok: false, reason: 'not_bookable' });
  });

  it('books tomorrow before the cut-off and the last day of the horizon', async () => {
    expect((await f.service.book(args(women[5], '2026-03-03', { now: at('2026-03-02T15:59:00') }))).ok).toBe(true);
    expect((await f.service.book(args(women[6], '2026-03-16'))).ok).toBe(true);
  });

  it('books several services as one visit with one code she is told', async () => {
    const r = await f.service.book(args(women[7], '2026-03-06', { serviceIds: ['cervical', 'breast'] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.bookings.map((b) => [b.serviceId, b.code])).toEqual([
      ['breast', r.visitCode],
      ['cervical', `${r.visitCode}-2`],
    ]);
    expect(r.bookings.every((b) => b.visitCode === r.visitCode)).toBe(true);
  });

  it('a visit is all or nothing: one service full means no seat taken for the other', async () => {
    // breast on 03-06 had 1 seat, now taken; cervical has seats left
    const before = await f.db.slotPool.findMany({ orderBy: { id: 'asc' } });
    expect(await f.service.book(args(women[8], '2026-03-06', { serviceIds: ['cervical', 'breast'] }))).toEqual({ ok: false, reason: 'full' });
    expect(await f.db.slotPool.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
    expect(await f.db.booking.count({ where: { contactId: women[8] } })).toBe(0);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('availability: open days with seats, the smallest over the services, never full or closed days', async () => {
    const one = await f.service.availability({ hospitalId: HOSPITAL, serviceIds: ['cervical'], now: NOW, ...ordinary });
    expect(one.map((d) => [d.day, d.session, d.seats])).toEqual([
      // 03-03: 2 - 2 booked → gone; 03-04 full; 03-05 closed; 03-17 beyond the horizon
      ['2026-03-06', 'am', 2],
      ['2026-03-07', 'am', 3],
      ['2026-03-16', 'am', 2],
    ]);
    const both = await f.service.availability({ hospitalId: HOSPITAL, serviceIds: ['breast', 'cervical'], now: NOW, ...ordinary });
    expect(both).toEqual([]); // breast's only seat is taken
    const afterCutoff = await f.service.availability({ hospitalId: HOSPITAL, serviceIds: ['cervical'], now: at('2026-03-05T17:00:00'), ...ordinary });
    expect(afterCutoff.map((d) => d.day)).toEqual(['2026-03-07', '2026-03-16', '2026-03-17']);
  });

  it('a booking code already in use is drawn again; the seat and booking stay consistent', async () => {
    // the first code drawn is always the same: the second woman's first draw clashes
    let calls = 0;
    const scripted = () => (calls++ < 12 ? 0 : 0.5 + ((calls * 7919) % 97) / 200);
    const service = new BookingService({ db: f.db, texts, settings, random: scripted });
    const [x, y] = await makeContacts(f.db, 'code', 2);
    const a = await service.book(args(x, '2026-03-16'));
    const b = await service.book(args(y, '2026-03-16'));
    expect(a.ok && a.visitCode).toBe('AAAAAA');
    expect(b.ok && b.visitCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(b.ok && b.visitCode).not.toBe('AAAAAA');
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('the same woman booking twice at the same moment gets one booking', async () => {
    const [z] = await makeContacts(f.db, 'twice', 1);
    const results = await Promise.all(['2026-03-07', '2026-03-07', '2026-03-06'].map((day) => f.service.book(args(z, day))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'already_booked')).toHaveLength(2);
    expect(await f.db.booking.count({ where: { contactId: z } })).toBe(1);
    expect(await seatProblems(f.db)).toEqual([]);
  });
});
