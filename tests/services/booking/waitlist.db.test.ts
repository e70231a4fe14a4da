// The waitlist: a cancelled seat is offered to the first woman waiting (held for her, offer queued in
// the same transaction), she accepts or declines, an unanswered offer expires and passes to the next
// woman (the first is told), and no-shows put a woman later in the line.
import { noticeKey } from '../../../src/services/booking/notices.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingService } from '../../../src/services/booking/BookingService.js';
import { dbUnavailable } from '../../support/testDb.js';
import { HOSPITAL, makeContacts, makeSlot, NOW, openFixture, ordinary, seatProblems, settings, texts, type Fixture } from './bookingFixtures.js';

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe.skipIf(dbUnavailable)('the waitlist', () => {
  let f: Fixture;
  const pool: Record<string, string> = {};
  beforeAll(async () => {
    f = await openFixture();
    for (const day of ['2026-03-06', '2026-03-07', '2026-03-09', '2026-03-10']) {
      pool[day] = (await makeSlot(f.db, { day, pools: [{ capacity: 1 }] })).pools['general:'];
    }
    pool.reserved = (
      await makeSlot(f.db, { day: '2026-03-11', pools: [{ kind: 'region', regionId: 'village-a', capacity: 1, releaseAt: new Date('2026-03-10T00:00:00Z') }] })
    ).pools['region:'.concat('village-a')];
  });
  afterAll(async () => f.close());

  const book = async (contactId: string, day: string, who = ordinary) => {
    const r = await f.service.book({ contactId, hospitalId: HOSPITAL, serviceIds: ['cervical'], day, session: 'am', now: NOW, ...who });
    if (!r.ok) throw new Error(`booking failed: ${r.reason}`);
    return r.bookings[0];
  };
  const join = (contactId: string, dateFrom: string, dateTo: string, now = NOW) =>
    f.service.joinWaitlist({ contactId, hospitalId: HOSPITAL, serviceId: 'cervical', dateFrom, dateTo, now });
  const outbox = (contactId: string) => f.db.outboxMessage.findMany({ where: { contactId }, orderBy: { createdAt: 'asc' } });

  it('joins once per hospital and service; her rank is her no-shows × the penalty', async () => {
    const [b, d] = await makeContacts(f.db, 'wb', 2);
    const [c] = await makeContacts(f.db, 'wc', 1, 2);
    expect(await join(b, '2026-03-05', '2026-03-08', minutes(1))).toMatchObject({ ok: true, entries: [{ rank: 0, status: 'waiting' }] });
    expect(await join(c, '2026-03-05', '2026-03-08', minutes(2))).toMatchObject({ ok: true, entries: [{ rank: 2 * settings.noShowRankPenalty }] });
    expect(await join(d, '2026-03-05', '2026-03-08', minutes(3))).toMatchObject({ ok: true, entries: [{ rank: 0 }] });
    expect(await join(b, '2026-03-06', '2026-03-06')).toMatchObject({ ok: false, reason: 'already_waiting', entries: [{ dateFrom: '2026-03-05' }] });
    expect(await join(b, '2026-03-08', '2026-03-05')).toMatchObject({ ok: false, reason: 'invalid_range' });
  });

  it('a cancel offers the seat to the first woman waiting, with the offer in the outbox', async () => {
    const [a] = await makeContacts(f.db, 'wa', 1);
    const booking = await book(a, '2026-03-06');
    const r = await f.service.cancel({ contactId: a, bookingId: booking.id, now: minutes(10) });
    expect(r).toMatchObject({ ok: true, seat: { passedTo: 'wb-0' } });
    const held = await f.db.booking.findFirstOrThrow({ where: { contactId: 'wb-0' } });
    expect(held).toMatchObject({ status: 'held', poolId: pool['2026-03-06'], day: '2026-03-06', heldUntil: minutes(10 + 120) });
    expect(await f.db.waitlistEntry.findFirstOrThrow({ where: { contactId: 'wb-0' } })).toMatchObject({ status: 'offered', bookingId: held.id });
    const [offer] = await outbox('wb-0');
    expect(offer).toMatchObject({
      dedupeKey: noticeKey('waitlistOffer', held),
      priority: 0,
      status: 'queued',
      channel: 'simulator',
      externalId: 'ext-wb-0',
      text: `OFFER Hospital ${HOSPITAL}|2026年3月6日|Fri|AM|Cervical|11:10|2|${held.code}`,
    });
    // the seat stayed taken: it is hers now
    expect((await f.db.slotPool.findUniqueOrThrow({ where: { id: pool['2026-03-06'] } })).booked).toBe(1);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('she accepts: the held booking is confirmed and she no longer waits', async () => {
    const r = await f.service.acceptOffer({ contactId: 'wb-0', now: minutes(30) });
    expect(r).toMatchObject({ ok: true, bookings: [{ status: 'confirmed', day: '2026-03-06', heldUntil: null }] });
    expect(await f.db.waitlistEntry.findFirstOrThrow({ where: { contactId: 'wb-0' } })).toMatchObject({ status: 'booked', activeKey: null });
    expect(await f.service.acceptOffer({ contactId: 'wb-0', now: minutes(31) })).toEqual({ ok: false, reason: 'none' });
  });

  it('an unanswered offer expires: she is told, the seat goes to the next (rank before time)', async () => {
    // d (rank 0, joined after c) comes before c (rank 20 for two no-shows)
    const b = await f.db.booking.findFirstOrThrow({ where: { contactId: 'wb-0', status: 'confirmed' } });
    expect(await f.service.cancel({ contactId: 'wb-0', bookingId: b.id, now: minutes(40) })).toMatchObject({ ok: true, seat: { passedTo: 'wb-1' } });
    const first = await f.db.booking.findFirstOrThrow({ where: { contactId: 'wb-1', status: 'held' } });
    expect(await f.service.expireOffers(minutes(40 + 119))).toBe(0);
    // two processes run the job at once: it expires once
    const counts = await Promise.all([f.service.expireOffers(minutes(40 + 121)), f.service.expireOffers(minutes(40 + 121))]);
    expect(counts.sort()).toEqual([0, 1]);
    expect(await f.db.booking.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: 'expired', activeKey: null });
    expect(await f.db.waitlistEntry.findFirstOrThrow({ where: { contactId: 'wb-1' } })).toMatchObject({ status: 'expired' });
    expect((await outbox('wb-1')).map((m) => [m.dedupeKey, m.text])).toEqual([
      [noticeKey('waitlistOffer', first), expect.stringMatching(/^OFFER /)],
      [noticeKey('offerExpired', first), 'EXPIRED 2026年3月6日|AM|Cervical'],
    ]);
    const next = await f.db.booking.findFirstOrThrow({ where: { contactId: 'wc-0', status: 'held' } });
    expect(next.poolId).toBe(pool['2026-03-06']);
    expect((await outbox('wc-0')).map((m) => m.dedupeKey)).toEqual([noticeKey('waitlistOffer', next)]);
    expect(await f.service.expireOffers(minutes(40 + 122))).toBe(0);
    expect(await f.service.acceptOffer({ contactId: 'wb-1', now: minutes(200) })).toEqual({ ok: false, reason: 'expired' });
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('accepting after the hold ran out (before the job ran) is refused and passes the seat on', async () => {
    const r = await f.service.acceptOffer({ contactId: 'wc-0', now: minutes(40 + 121 + 121) });
    expect(r).toEqual({ ok: false, reason: 'expired' });
    // nobody else waits: the seat is everyone's again
    expect((await f.db.slotPool.findUniqueOrThrow({ where: { id: pool['2026-03-06'] } })).booked).toBe(0);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('she declines: the seat goes back to the pool when nobody else waits', async () => {
    const [x, y] = await makeContacts(f.db, 'wd', 2);
    const b = await book(x, '2026-03-07');
    await join(y, '2026-03-07', '2026-03-07');
    await f.service.cancel({ contactId: x, bookingId: b.id, now: minutes(5) });
    expect(await f.service.declineOffer({ contactId: y, now: minutes(6) })).toBe(1);
    expect(await f.db.waitlistEntry.findFirstOrThrow({ where: { contactId: y } })).toMatchObject({ status: 'cancelled', activeKey: null });
    expect((await f.db.slotPool.findUniqueOrThrow({ where: { id: pool['2026-03-07'] } })).booked).toBe(0);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('a seat of a share still reserved for a village goes back to it, not to the waitlist', async () => {
    const [v, w] = await makeContacts(f.db, 'wv', 2);
    const b = await book(v, '2026-03-11', { regionIds: ['village-a'], priority: false });
    await join(w, '2026-03-11', '2026-03-11');
    expect(await f.service.cancel({ contactId: v, bookingId: b.id, now: minutes(5) })).toMatchObject({ ok: true, seat: { returned: true } });
    expect((await f.db.slotPool.findUniqueOrThrow({ where: { id: pool.reserved } })).booked).toBe(0);
  });

  it('the offer and the change that caused it are one transaction: a failure leaves neither', async () => {
    const [p, q] = await makeContacts(f.db, 'wt', 2);
    const b = await book(p, '2026-03-09');
    await join(q, '2026-03-09', '2026-03-09');
    const broken = new BookingService({
      db: f.db,
      settings,
      texts: () => {
        throw new Error('texts unavailable');
      },
    });
    await expect(broken.cancel({ contactId: p, bookingId: b.id, now: minutes(5) })).rejects.toThrow('texts unavailable');
    expect(await f.db.booking.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: 'confirmed' });
    expect(await f.db.booking.count({ where: { contactId: q } })).toBe(0);
    expect(await f.db.waitlistEntry.findFirstOrThrow({ where: { contactId: q } })).toMatchObject({ status: 'waiting' });
    expect(await outbox(q)).toEqual([]);
    expect(await seatProblems(f.db)).toEqual([]);
    expect(texts.waitlistOffer).toContain('{code}');
  });

  it('booking directly ends her waiting place at that hospital', async () => {
    const [z] = await makeContacts(f.db, 'wz', 1);
    await join(z, '2026-03-10', '2026-03-12');
    await book(z, '2026-03-10');
    expect(await f.service.waitlist(z)).toEqual([]);
  });

  it('releaseAllFor (删除我的信息) ends her bookings, passes the seats on and ends her waiting places', async () => {
    const [gone, waiting] = await makeContacts(f.db, 'wr', 2);
    await makeSlot(f.db, { day: '2026-03-12', pools: [{ capacity: 1 }] });
    const b = await book(gone, '2026-03-12');
    await join(gone, '2026-03-05', '2026-03-08');
    await join(waiting, '2026-03-12', '2026-03-12');
    const n = await f.db.$transaction((tx) => f.service.releaseAllFor(tx, gone, minutes(5)));
    expect(n).toBe(1);
    expect(await f.db.booking.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: 'cancelled', activeKey: null });
    expect(await f.service.waitlist(gone)).toEqual([]);
    expect(await f.db.booking.findFirst({ where: { contactId: waiting, status: 'held' } })).not.toBeNull();
    await f.db.contact.delete({ where: { id: gone } });
    expect(await seatProblems(f.db)).toEqual([]);
  });
});
