// Village quotas and the priority share: an ordinary woman cannot take reserved seats before their
// release time and can after it; a woman of that village or priority group can take them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { HOSPITAL, makeContacts, makeSlot, NOW, openFixture, ordinary, seatProblems, type Fixture } from './bookingFixtures.js';

const RELEASE = new Date('2026-03-04T16:00:00+08:00');
const afterRelease = new Date(RELEASE.getTime());

describe.skipIf(dbUnavailable)('reserved and priority seats', () => {
  let f: Fixture;
  let women: string[];
  let pools: Record<string, string>;
  beforeAll(async () => {
    f = await openFixture();
    women = await makeContacts(f.db, 'p', 12);
    // 2026-03-06: 1 general seat, 2 for village-a, 1 priority seat, all released 03-04 16:00
    ({ pools } = await makeSlot(f.db, {
      day: '2026-03-06',
      pools: [
        { capacity: 1 },
        { kind: 'region', regionId: 'village-a', capacity: 2, releaseAt: RELEASE },
        { kind: 'priority', capacity: 1, releaseAt: RELEASE },
      ],
    }));
  });
  afterAll(async () => f.close());

  const book = (contactId: string, who: { regionIds: string[]; priority: boolean }, now = NOW) =>
    f.service.book({ contactId, hospitalId: HOSPITAL, serviceIds: ['cervical'], day: '2026-03-06', session: 'am', now, ...who });
  const poolOf = async (bookingId: string) => (await f.db.booking.findUniqueOrThrow({ where: { id: bookingId } })).poolId;

  it('availability shows each woman only the seats she may take', async () => {
    const seats = async (who: { regionIds: string[]; priority: boolean }) =>
      (await f.service.availability({ hospitalId: HOSPITAL, serviceIds: ['cervical'], now: NOW, ...who }))[0]?.seats;
    expect(await seats(ordinary)).toBe(1);
    expect(await seats({ regionIds: ['village-a', 'town-t'], priority: false })).toBe(3);
    expect(await seats({ regionIds: [], priority: true })).toBe(2);
    expect(await seats({ regionIds: ['village-a'], priority: true })).toBe(4);
  });

  it('a village woman takes her village seat first, leaving the general seat', async () => {
    const r = await book(women[0], { regionIds: ['village-a', 'town-t'], priority: false });
    expect(r.ok && (await poolOf(r.bookings[0].id))).toBe(pools['region:village-a']);
  });

  it('a priority woman takes the priority seat first', async () => {
    const r = await book(women[1], { regionIds: [], priority: true });
    expect(r.ok && (await poolOf(r.bookings[0].id))).toBe(pools['priority:']);
  });

  it('ordinary women get the general seat, then full: the reserved seat is not theirs before release', async () => {
    const r = await book(women[2], ordinary);
    expect(r.ok && (await poolOf(r.bookings[0].id))).toBe(pools['general:']);
    expect(await book(women[3], ordinary)).toEqual({ ok: false, reason: 'full' });
    expect(await book(women[4], { regionIds: ['village-b'], priority: false })).toEqual({ ok: false, reason: 'full' });
    // a priority woman of another village finds her share used too
    expect(await book(women[5], { regionIds: ['village-b'], priority: true })).toEqual({ ok: false, reason: 'full' });
  });

  it('one second before release still not; at the release time the unused village seat is everyone’s', async () => {
    expect(await book(women[3], ordinary, new Date(RELEASE.getTime() - 1000))).toEqual({ ok: false, reason: 'full' });
    const r = await book(women[3], ordinary, afterRelease);
    expect(r.ok && (await poolOf(r.bookings[0].id))).toBe(pools['region:village-a']);
    expect(await book(women[6], ordinary, afterRelease)).toEqual({ ok: false, reason: 'full' });
    const pool = await f.db.slotPool.findUniqueOrThrow({ where: { id: pools['region:village-a'] } });
    expect(pool.booked).toBe(pool.capacity);
    expect(await seatProblems(f.db)).toEqual([]);
  });

  it('a village woman falls back to the general pool when her village seats are gone', async () => {
    const { pools: p2 } = await makeSlot(f.db, {
      day: '2026-03-07',
      pools: [{ capacity: 2 }, { kind: 'region', regionId: 'village-a', capacity: 1, releaseAt: RELEASE }],
    });
    const who = { regionIds: ['village-a'], priority: false };
    const args = (contactId: string) => ({ contactId, hospitalId: HOSPITAL, serviceIds: ['cervical'], day: '2026-03-07', session: 'am', now: NOW, ...who });
    const a = await f.service.book(args(women[7]));
    const b = await f.service.book(args(women[8]));
    expect(a.ok && (await poolOf(a.bookings[0].id))).toBe(p2['region:village-a']);
    expect(b.ok && (await poolOf(b.bookings[0].id))).toBe(p2['general:']);
    expect(await seatProblems(f.db)).toEqual([]);
  });
});
