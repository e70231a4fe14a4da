// PostgreSQL takes a booking's seat last: her booking row and her reminders are written first, then
// the conditional seat write, all in one transaction (src/services/booking/seatLast.ts). So the pool
// row is not locked while her reminders are reconciled: another woman's booking made meanwhile (from
// inside the hook, on another connection) goes through at once. When that one took the last seat,
// the first finds none: 'full', and her booking row, her queued reminder and the end of her waiting
// place all roll back (the hook ran once: the rollback is not retried). A seat found in her second
// pool is recorded on her booking.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tx } from '../../../src/db/client.js';
import { BookingService } from '../../../src/services/booking/BookingService.js';
import { enqueueMessage } from '../../../src/services/outbox/enqueueMessage.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import { HOSPITAL, makeContacts, makeSlot, NOW, openFixture, ordinary, seatProblems, seeded, settings, texts, type Fixture } from './bookingFixtures.js';

const DAY = '2026-03-03';

describe.skipIf(dbUnavailable || testProvider !== 'postgres')('PostgreSQL takes the seat last', () => {
  let f: Fixture;
  let women: string[];
  beforeEach(async () => {
    f = await openFixture();
    women = await makeContacts(f.db, 'w', 3);
  });
  afterEach(async () => f.close());

  const args = (contactId: string, serviceIds = ['cervical'], regionIds: string[] = []) => ({
    contactId,
    hospitalId: HOSPITAL,
    serviceIds,
    day: DAY,
    session: 'am',
    now: NOW,
    ...ordinary,
    regionIds,
  });

  /** A service whose hook queues a reminder, then (the first time, for `first`) lets `meanwhile` run and waits for it. */
  function serviceWith(first: string, meanwhile: () => Promise<unknown>) {
    const calls: string[] = [];
    let ran = false;
    const bookingsChanged = async (tx: Tx, contactId: string, serviceIds: string[], now: Date) => {
      calls.push(contactId);
      const booking = await tx.booking.findUniqueOrThrow({ where: { activeKey: `${contactId}:${serviceIds[0]}` } });
      await enqueueMessage(
        tx,
        { contactId, channel: 'simulator', externalId: `ext-${contactId}`, text: 'see you', priority: 1, dedupeKey: `reminder:${booking.id}`, notBefore: now },
        now,
      );
      if (contactId === first && !ran) {
        ran = true;
        await meanwhile();
      }
    };
    return { service: new BookingService({ db: f.db, texts, settings, random: seeded(5), bookingsChanged }), calls };
  }
  /** Another woman's booking, with no reminders, in a transaction of its own. */
  const otherBooks = (contactId: string, serviceIds = ['cervical'], regionIds: string[] = []) =>
    new BookingService({ db: f.db, texts, settings, random: seeded(6) }).book(args(contactId, serviceIds, regionIds));

  const rowsOf = async (contactId: string) => ({
    bookings: (await f.db.booking.findMany({ where: { contactId } })).map((b) => b.poolId),
    messages: (await f.db.outboxMessage.findMany({ where: { contactId } })).map((m) => m.text),
    waiting: (await f.db.waitlistEntry.findMany({ where: { contactId } })).map((w) => w.status),
  });

  it('the last seat taken while her reminders are reconciled: full, and no booking row, no outbox row, still waiting', async () => {
    const { pools } = await makeSlot(f.db, { day: DAY, pools: [{ capacity: 1 }] });
    const pool = pools['general:'];
    let meanwhile: Awaited<ReturnType<typeof otherBooks>> | undefined;
    const { service, calls } = serviceWith(women[0], async () => {
      meanwhile = await otherBooks(women[1]);
    });
    await service.joinWaitlist({ contactId: women[0], hospitalId: HOSPITAL, serviceId: 'cervical', dateFrom: DAY, dateTo: '2026-03-06', now: NOW });

    const r = await service.book(args(women[0]));

    // the other booking was not held up by hers (the pool was not locked) and took the seat
    expect(meanwhile).toMatchObject({ ok: true });
    expect(r).toEqual({ ok: false, reason: 'full' });
    expect(calls).toEqual([women[0]]);
    expect(await rowsOf(women[0])).toEqual({ bookings: [], messages: [], waiting: ['waiting'] });
    expect(await rowsOf(women[1])).toEqual({ bookings: [pool], messages: [], waiting: [] });
    expect((await f.db.slotPool.findUniqueOrThrow({ where: { id: pool } })).booked).toBe(1);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('her first pool emptied meanwhile: the seat comes from her second pool, and her booking records that pool', async () => {
    const { pools } = await makeSlot(f.db, { day: DAY, pools: [{ kind: 'region', regionId: 'village-a', capacity: 1 }, { capacity: 2 }] });
    const [village, general] = [pools['region:village-a'], pools['general:']];
    const { service } = serviceWith(women[0], () => otherBooks(women[1], ['cervical'], ['village-a']));

    const r = await service.book(args(women[0], ['cervical'], ['village-a']));

    expect(r).toMatchObject({ ok: true });
    expect(await rowsOf(women[0])).toEqual({ bookings: [general], messages: ['see you'], waiting: [] });
    expect(await rowsOf(women[1])).toEqual({ bookings: [village], messages: [], waiting: [] });
    const booked = Object.fromEntries((await f.db.slotPool.findMany()).map((p) => [p.id, p.booked]));
    expect(booked).toEqual({ [village]: 1, [general]: 1 });
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('a visit of two services whose second slot filled meanwhile: full, and neither seat, booking nor reminder is kept', async () => {
    // seats are taken in service order: breast's first, then cervical's, which is gone
    const breast = await makeSlot(f.db, { day: DAY, serviceId: 'breast', pools: [{ capacity: 2 }] });
    const cervical = await makeSlot(f.db, { day: DAY, serviceId: 'cervical', pools: [{ capacity: 1 }] });
    const { service, calls } = serviceWith(women[0], () => otherBooks(women[1], ['cervical']));

    const r = await service.book(args(women[0], ['breast', 'cervical']));

    expect(r).toEqual({ ok: false, reason: 'full' });
    expect(calls).toEqual([women[0]]);
    expect(await rowsOf(women[0])).toEqual({ bookings: [], messages: [], waiting: [] });
    const booked = Object.fromEntries((await f.db.slotPool.findMany()).map((p) => [p.id, p.booked]));
    expect(booked).toEqual({ [breast.pools['general:']]: 0, [cervical.pools['general:']]: 1 });
    expect(await seatProblems(f.db)).toEqual([]);
  });
});
