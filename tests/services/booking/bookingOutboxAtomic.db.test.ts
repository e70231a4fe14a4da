// Invariant 2 on every booking path (PostgreSQL's one-statement fast path included): the booking,
// its seat, the end of her waiting place and the reminders it causes commit together or not at all.
// A failure injected right after the seat is taken (a bookingsChanged hook that has queued a
// reminder and then throws) leaves no booking, no seat counted, no message and her waiting place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../../src/db/client.js';
import { generateBookingCode } from '../../../src/domain/booking/bookingCode.js';
import { BookingService } from '../../../src/services/booking/BookingService.js';
import { enqueueMessage } from '../../../src/services/outbox/enqueueMessage.js';
import { dbUnavailable } from '../../support/testDb.js';
import { HOSPITAL, makeContacts, makeSlot, NOW, openFixture, ordinary, seatProblems, seeded, settings, texts, type Fixture } from './bookingFixtures.js';

describe.skipIf(dbUnavailable)('a booking and its reminders commit together', () => {
  let f: Fixture;
  let women: string[];
  let poolId: string;
  beforeAll(async () => {
    f = await openFixture();
    women = await makeContacts(f.db, 'w', 4);
    const slot = await makeSlot(f.db, { day: '2026-03-03', pools: [{ capacity: 5 }] });
    poolId = slot.pools['general:'];
  });
  afterAll(async () => f.close());

  /** A service whose bookingsChanged queues a reminder for the change, then fails when told to. */
  function serviceWith(o: { failAfterReminder: boolean; seed?: number }) {
    const calls: string[] = [];
    const bookingsChanged = async (tx: Tx, contactId: string, serviceIds: string[], now: Date) => {
      calls.push(contactId);
      const booking = await tx.booking.findUniqueOrThrow({ where: { activeKey: `${contactId}:${serviceIds[0]}` } });
      await enqueueMessage(
        tx,
        {
          contactId,
          channel: 'simulator',
          externalId: `ext-${contactId}`,
          text: 'see you tomorrow',
          priority: 1,
          dedupeKey: `reminder:${booking.id}`,
          notBefore: now,
        },
        now,
      );
      if (o.failAfterReminder) throw new Error('crash after the seat was taken');
    };
    const service = new BookingService({ db: f.db, texts, settings, random: seeded(o.seed ?? 99), bookingsChanged });
    return { service, calls };
  }
  const args = (contactId: string) => ({ contactId, hospitalId: HOSPITAL, serviceIds: ['cervical'], day: '2026-03-03', session: 'am', now: NOW, ...ordinary });
  const rowsOf = async (contactId: string) => ({
    bookings: (await f.db.booking.findMany({ where: { contactId } })).map((b) => b.status),
    messages: (await f.db.outboxMessage.findMany({ where: { contactId } })).map((m) => m.text),
    waiting: (await f.db.waitlistEntry.findMany({ where: { contactId } })).map((w) => w.status),
  });
  const booked = async () => (await f.db.slotPool.findUniqueOrThrow({ where: { id: poolId } })).booked;

  it('a failure after the seat is taken leaves nothing: no booking, no seat counted, no reminder, still waiting', async () => {
    const { service } = serviceWith({ failAfterReminder: true });
    await service.joinWaitlist({ contactId: women[0], hospitalId: HOSPITAL, serviceId: 'cervical', dateFrom: '2026-03-03', dateTo: '2026-03-06', now: NOW });
    await expect(service.book(args(women[0]))).rejects.toThrow('crash after the seat was taken');
    expect(await rowsOf(women[0])).toEqual({ bookings: [], messages: [], waiting: ['waiting'] });
    expect(await booked()).toBe(0);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('without the failure the booking, its seat, its reminder and the end of her waiting place all commit', async () => {
    const { service, calls } = serviceWith({ failAfterReminder: false });
    const r = await service.book(args(women[0]));
    expect(r.ok).toBe(true);
    expect(calls).toEqual([women[0]]);
    expect(await rowsOf(women[0])).toEqual({ bookings: ['confirmed'], messages: ['see you tomorrow'], waiting: ['cancelled'] });
    expect(await booked()).toBe(1);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('booking again: nothing more is taken or queued, the hook is not called', async () => {
    const { service, calls } = serviceWith({ failAfterReminder: false });
    const r = await service.book(args(women[0]));
    expect(r).toMatchObject({ ok: false, reason: 'already_booked' });
    expect(calls).toEqual([]);
    expect(await rowsOf(women[0])).toEqual({ bookings: ['confirmed'], messages: ['see you tomorrow'], waiting: ['cancelled'] });
    expect(await booked()).toBe(1);
  });

  it('a booking code already used: the seat is given back and taken again with a new code', async () => {
    // two services drawing the same codes: the second woman's first code is the first woman's
    const first = serviceWith({ failAfterReminder: false, seed: 7 }).service;
    const second = serviceWith({ failAfterReminder: false, seed: 7 }).service;
    const a = await first.book(args(women[1]));
    const b = await second.book(args(women[2]));
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(b.visitCode).not.toBe(a.visitCode);
    // the clash happened: the first code the second service drew is the first woman's
    const firstCode = (await f.db.booking.findFirstOrThrow({ where: { contactId: women[1] } })).code;
    expect(generateBookingCode(seeded(7))).toBe(firstCode);
    expect(await booked()).toBe(3);
    expect((await rowsOf(women[2])).messages).toEqual(['see you tomorrow']);
    expect(await seatProblems(f.db)).toEqual([]);
  });
});
