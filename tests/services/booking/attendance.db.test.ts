// Attendance by code and the no-show job: idempotent, one kind message per missed visit, her
// no-show count (and so her waitlist rank) recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { at, HOSPITAL, makeContacts, makeSlot, NOW, OTHER_HOSPITAL, openFixture, ordinary, settings, type Fixture } from './bookingFixtures.js';

describe.skipIf(dbUnavailable)('attendance and no-shows', () => {
  let f: Fixture;
  let women: string[];
  const codes: Record<string, string> = {};
  beforeAll(async () => {
    f = await openFixture();
    women = await makeContacts(f.db, 'a', 4);
    await makeSlot(f.db, { day: '2026-03-03', pools: [{ capacity: 5 }] });
    await makeSlot(f.db, { day: '2026-03-03', serviceId: 'breast', pools: [{ capacity: 5 }] });
    await makeSlot(f.db, { day: '2026-03-04', pools: [{ capacity: 5 }] });
    for (const [i, day, services] of [
      [0, '2026-03-03', ['cervical', 'breast']],
      [1, '2026-03-03', ['cervical']],
      [2, '2026-03-03', ['cervical']],
      [3, '2026-03-04', ['cervical']],
    ] as const) {
      const r = await f.service.book({ contactId: women[i], hospitalId: HOSPITAL, serviceIds: [...services], day, session: 'am', now: NOW, ...ordinary });
      if (!r.ok) throw new Error(r.reason);
      codes[women[i]] = r.visitCode;
    }
  });
  afterAll(async () => f.close());

  const onTheDay = at('2026-03-03T10:00:00');

  it('the visit code marks every booking of the visit attended; marking again changes nothing', async () => {
    const r = await f.service.markAttended({ hospitalId: HOSPITAL, code: codes[women[0]].toLowerCase(), now: onTheDay });
    expect(r).toMatchObject({ ok: true, marked: 2, bookings: [{ status: 'attended' }, { status: 'attended' }] });
    expect(await f.service.markAttended({ hospitalId: HOSPITAL, code: codes[women[0]], now: onTheDay })).toMatchObject({ ok: true, marked: 0 });
    expect(await f.service.activeBookings(women[0])).toEqual([]);
  });

  it('unknown codes, another hospital’s code and a later day are refused', async () => {
    expect(await f.service.markAttended({ hospitalId: HOSPITAL, code: 'ZZZZZZ', now: onTheDay })).toEqual({ ok: false, reason: 'not_found' });
    expect(await f.service.markAttended({ hospitalId: HOSPITAL, code: 'not a code', now: onTheDay })).toEqual({ ok: false, reason: 'not_found' });
    expect(await f.service.markAttended({ hospitalId: OTHER_HOSPITAL, code: codes[women[1]], now: onTheDay })).toEqual({ ok: false, reason: 'not_found' });
    expect(await f.service.markAttended({ hospitalId: HOSPITAL, code: codes[women[3]], now: onTheDay })).toMatchObject({ ok: false, reason: 'too_early' });
  });

  it('the job turns the past day’s unmarked bookings into no-shows, once, with one message each', async () => {
    expect(await f.service.markNoShows(onTheDay)).toBe(0); // the day is not over
    const nextDay = at('2026-03-04T01:00:00');
    const runs = await Promise.all([f.service.markNoShows(nextDay), f.service.markNoShows(nextDay)]);
    expect(runs[0] + runs[1]).toBe(2);
    expect(await f.service.markNoShows(at('2026-03-04T02:00:00'))).toBe(0);
    for (const w of [women[1], women[2]]) {
      const b = await f.db.booking.findFirstOrThrow({ where: { contactId: w } });
      expect(b).toMatchObject({ status: 'noshow', activeKey: null });
      expect((await f.db.contact.findUniqueOrThrow({ where: { id: w } })).noShows).toBe(1);
      const msgs = await f.db.outboxMessage.findMany({ where: { contactId: w } });
      expect(msgs.map((m) => [m.dedupeKey, m.text, m.priority])).toEqual([
        [`noshow:${b.id}`, `NOSHOW Hospital ${HOSPITAL}|2026年3月3日|AM|Cervical|${codes[w]}`, 1],
      ]);
    }
    // the attended visit and the future booking are untouched
    expect((await f.db.contact.findUniqueOrThrow({ where: { id: women[0] } })).noShows).toBe(0);
    expect(await f.service.activeBookings(women[3])).toHaveLength(1);
  });

  it('a no-show puts her behind the others on the next waitlist', async () => {
    const r = await f.service.joinWaitlist({
      contactId: women[1],
      hospitalId: HOSPITAL,
      serviceId: 'cervical',
      dateFrom: '2026-03-05',
      dateTo: '2026-03-09',
      now: at('2026-03-04T09:00:00'),
    });
    expect(r).toMatchObject({ ok: true, entries: [{ rank: settings.noShowRankPenalty }] });
  });

  it('staff marking a no-show attended afterwards corrects it and her count', async () => {
    const r = await f.service.markAttended({ hospitalId: HOSPITAL, code: codes[women[2]], now: at('2026-03-04T09:00:00') });
    expect(r).toMatchObject({ ok: true, marked: 1, bookings: [{ status: 'attended' }] });
    expect((await f.db.contact.findUniqueOrThrow({ where: { id: women[2] } })).noShows).toBe(0);
  });

  it('a cancelled booking cannot be marked attended', async () => {
    const b = await f.db.booking.findFirstOrThrow({ where: { contactId: women[3] } });
    await f.service.cancel({ contactId: women[3], bookingId: b.id, now: NOW });
    expect(await f.service.markAttended({ hospitalId: HOSPITAL, code: codes[women[3]], now: at('2026-03-04T09:00:00') })).toMatchObject({
      ok: false,
      reason: 'not_active',
    });
  });
});
