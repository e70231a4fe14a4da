// What the console's capacity and bookings pages need from the API, over a real HTTP server with the
// staff scope a session would give: township accounts reserve seats for their own township or its
// villages and nothing else (403, nothing written), the pickers' options per scope, a hospital's
// rules and closures, and no-shows marked by the hospital's staff (audited, she is sent one message).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonErrors } from '../../../src/api/jsonErrors.js';
import { attendanceRouter } from '../../../src/api/staff/attendanceRouter.js';
import { capacityRouter } from '../../../src/api/staff/capacityRouter.js';
import { capacityViewRouter } from '../../../src/api/staff/capacityViewRouter.js';
import type { StaffScope } from '../../../src/domain/staff/staffScope.js';
import { FixedClock } from '../../../src/support/clock.js';
import { createLogger } from '../../../src/support/logger.js';
import { dbUnavailable } from '../../support/testDb.js';
import { capacityFixture, MCH, NOW, WED, type CapacityFixture } from '../../services/capacity/capacityFixtures.js';
import { HOSPITAL, makeContacts, makeSlot, openFixture, ordinary, type Fixture } from '../../services/booking/bookingFixtures.js';

const HUAYUAN: StaffScope = { accountId: 'acc-huayuan', role: 'township', countyId: 'xiangcheng', townshipId: 'xiangcheng-huayuan' };
const MCH_STAFF: StaffScope = { accountId: 'acc-mch', role: 'hospital', countyId: 'xiangcheng', hospitalId: MCH };
const COUNTY: StaffScope = { accountId: 'acc-county', role: 'county', countyId: 'xiangcheng' };

/** An app whose staff guard is the `x-scope` header (the scope a console session would set). */
async function serve(mount: (app: express.Express) => void): Promise<{ server: http.Server; base: string }> {
  const app = express();
  app.use((req, _res, next) => {
    req.staff = JSON.parse(String(req.headers['x-scope'])) as StaffScope;
    next();
  });
  mount(app);
  app.use(jsonErrors(createLogger('silent')));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const caller = (base: () => string) => async (scope: StaffScope, method: string, path: string, body?: unknown) => {
  const headers: Record<string, string> = { 'x-scope': JSON.stringify(scope) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(base() + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, body: (await r.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe.skipIf(dbUnavailable)('capacity for the console: township reservations, options, rules and closures', () => {
  let f: CapacityFixture;
  let server: http.Server;
  let base = '';
  const call = caller(() => base);
  beforeAll(async () => {
    f = await capacityFixture();
    const clock = new FixedClock(NOW);
    ({ server, base } = await serve((app) => {
      app.use(capacityRouter({ db: f.h.db, capacity: f.capacity, county: f.county, profile: f.profile, clock }));
      app.use(capacityViewRouter({ capacity: f.capacity, county: f.county, profile: f.profile, clock }));
    }));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await f.close();
  });

  const reservation = (regionId: string | undefined, kind = 'region') => ({
    serviceId: 'cervical',
    day: WED,
    session: 'am',
    kind,
    ...(regionId ? { regionId } : {}),
    seats: 3,
    releaseAt: '2026-03-03T18:00:00+08:00',
  });
  const reservedPools = () => f.h.db.slotPool.findMany({ where: { kind: { not: 'general' } }, select: { kind: true, regionId: true, capacity: true } });

  it('a township account reserves seats for its own village, audited, and releases them', async () => {
    const r = await call(HUAYUAN, 'POST', `/api/staff/hospitals/${MCH}/reservations`, reservation('xiangcheng-huayuan-liwa'));
    expect(r.status).toBe(200);
    expect(r.body.pool).toMatchObject({ kind: 'region', regionId: 'xiangcheng-huayuan-liwa', capacity: 3 });
    const rows = await f.h.db.auditEntry.findMany({ where: { action: 'capacity.reserve', accountId: 'acc-huayuan' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ objectType: 'hospital', objectId: MCH, countyId: 'xiangcheng' });
    expect(JSON.parse(rows[0].detail!)).toMatchObject({ regionId: 'xiangcheng-huayuan-liwa', seats: 3, day: WED });

    const own = await call(HUAYUAN, 'POST', `/api/staff/hospitals/${MCH}/reservations`, reservation('xiangcheng-huayuan'));
    expect(own.status).toBe(200);
    const q = `serviceId=cervical&day=${WED}&session=am&kind=region&regionId=xiangcheng-huayuan-liwa`;
    const d = await call(HUAYUAN, 'DELETE', `/api/staff/hospitals/${MCH}/reservations?${q}`);
    expect(d).toEqual({ status: 200, body: { removed: true, seatsReturned: 3, stillBooked: 0 } });
    expect(await f.h.db.auditEntry.count({ where: { action: 'capacity.unreserve', accountId: 'acc-huayuan' } })).toBe(1);
  });

  it.each([
    ['another township', reservation('xiangcheng-dongfang')],
    ['a village of another township', reservation('xiangcheng-dongfang-huying')],
    ['the priority share', reservation(undefined, 'priority')],
  ])('a township account reserving for %s gets 403 and nothing is reserved', async (_name, body) => {
    const before = await reservedPools();
    const r = await call(HUAYUAN, 'POST', `/api/staff/hospitals/${MCH}/reservations`, body);
    expect(r.status).toBe(403);
    expect(r.body.error).toBe('forbidden');
    expect(await reservedPools()).toEqual(before);
  });

  it('a township account may not release another township’s seats, nor change rules or close days', async () => {
    expect((await call(COUNTY, 'POST', `/api/staff/hospitals/${MCH}/reservations`, reservation('xiangcheng-dongfang'))).status).toBe(200);
    const q = `serviceId=cervical&day=${WED}&session=am&kind=region&regionId=xiangcheng-dongfang`;
    expect((await call(HUAYUAN, 'DELETE', `/api/staff/hospitals/${MCH}/reservations?${q}`)).status).toBe(403);
    expect(await f.h.db.slotPool.count({ where: { regionId: 'xiangcheng-dongfang', capacity: 3 } })).toBe(1);
    const rules = { rules: [{ weekday: 1, session: 'am', capacity: 1 }] };
    expect((await call(HUAYUAN, 'PUT', `/api/staff/hospitals/${MCH}/services/cervical/capacity`, rules)).status).toBe(403);
    expect((await call(HUAYUAN, 'POST', `/api/staff/hospitals/${MCH}/closures`, { day: WED, session: 'all', reason: '停电' })).status).toBe(403);
  });

  it('options: a hospital account sees its hospital, a township account its own township to reserve for', async () => {
    const mine = await call(MCH_STAFF, 'GET', '/api/staff/capacity/options');
    expect(mine.status).toBe(200);
    expect(mine.body.hospitals).toEqual([
      expect.objectContaining({ id: MCH, name: '项城市妇幼保健院', runs: true, services: expect.arrayContaining([{ id: 'cervical', name: '宫颈癌筛查' }]) }),
    ]);
    const town = await call(HUAYUAN, 'GET', '/api/staff/capacity/options');
    expect(town.body.hospitals.length).toBe(f.county.hospitals.length);
    expect(town.body.hospitals.every((h: { runs: boolean }) => !h.runs)).toBe(true);
    expect(town.body.regions).toEqual([
      {
        id: 'xiangcheng-huayuan',
        name: '花园街道',
        villages: [
          { id: 'xiangcheng-huayuan-kuanghuayuan', name: '邝花园村' },
          { id: 'xiangcheng-huayuan-liwa', name: '李洼村' },
        ],
      },
    ]);
    const county = await call(COUNTY, 'GET', '/api/staff/capacity/options');
    expect(county.body.regions.length).toBe(f.county.townships.length);
    const other = await call({ ...COUNTY, countyId: 'elsewhere' }, 'GET', '/api/staff/capacity/options');
    expect(other.body).toEqual({ today: '2026-03-02', countyId: 'xiangcheng', hospitals: [], regions: [] });
  });

  it('GET …/capacity answers the weekly rules and the closures with their reasons; another county’s account gets 403', async () => {
    await call(MCH_STAFF, 'POST', `/api/staff/hospitals/${MCH}/closures`, { day: '2026-03-06', session: 'pm', reason: '设备检修' });
    const r = await call(MCH_STAFF, 'GET', `/api/staff/hospitals/${MCH}/capacity?from=2026-03-01&to=2026-03-31`);
    expect(r.status).toBe(200);
    expect(r.body.rules).toContainEqual({ serviceId: 'cervical', weekday: 1, session: 'am', capacity: 40 });
    expect(r.body.closures).toEqual([{ day: '2026-03-06', session: 'pm', reason: '设备检修' }]);
    expect((await call(MCH_STAFF, 'GET', `/api/staff/hospitals/${MCH}/capacity?from=2026-03-31&to=2026-03-01`)).body.field).toBe('to');
    expect((await call({ ...COUNTY, countyId: 'elsewhere' }, 'GET', `/api/staff/hospitals/${MCH}/capacity?from=2026-03-01&to=2026-03-31`)).status).toBe(403);
  });
});

describe.skipIf(dbUnavailable)('no-shows marked by hospital staff', () => {
  let f: Fixture;
  let server: http.Server;
  let base = '';
  const call = caller(() => base);
  const STAFF: StaffScope = { accountId: 'acc-h', role: 'hospital', countyId: 'county', hospitalId: HOSPITAL };
  const OTHER: StaffScope = { accountId: 'acc-o', role: 'hospital', countyId: 'county', hospitalId: 'h-other' };
  let today: { id: string; contactId: string };
  let later: { id: string };
  beforeAll(async () => {
    f = await openFixture();
    const women = await makeContacts(f.db, 'ns', 2);
    await makeSlot(f.db, { day: '2026-03-03', pools: [{ capacity: 5 }] });
    await makeSlot(f.db, { day: '2026-03-05', pools: [{ capacity: 5 }] });
    const book = async (contactId: string, day: string) => {
      const r = await f.service.book({
        contactId,
        hospitalId: HOSPITAL,
        serviceIds: ['cervical'],
        day,
        session: 'am',
        now: new Date('2026-03-02T09:00:00+08:00'),
        ...ordinary,
      });
      if (!r.ok) throw new Error(r.reason);
      return { id: r.bookings[0].id, contactId };
    };
    today = await book(women[0], '2026-03-03');
    later = await book(women[1], '2026-03-05');
    ({ server, base } = await serve((app) => app.use(attendanceRouter({ booking: f.service, clock: new FixedClock(new Date('2026-03-03T11:30:00+08:00')) }))));
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await f.close();
  });
  const post = (scope: StaffScope, bookingIds: unknown) => call(scope, 'POST', `/api/staff/hospitals/${HOSPITAL}/no-shows`, { bookingIds });

  it('another hospital’s account gets 403; a later day 409; no ids 400', async () => {
    expect((await post(OTHER, [today.id])).status).toBe(403);
    expect(await post(STAFF, [later.id])).toMatchObject({ status: 409, body: { error: 'too_early' } });
    expect(await post(STAFF, [])).toMatchObject({ status: 400, body: { field: 'bookingIds' } });
    expect(await post(STAFF, ['nope'])).toMatchObject({ status: 404 });
    expect((await f.db.booking.findUniqueOrThrow({ where: { id: today.id } })).status).toBe('confirmed');
  });

  it('marks the booking a no-show: her count grows, one message is queued, the change audited; again: 409', async () => {
    const r = await post(STAFF, [today.id]);
    expect(r).toMatchObject({ status: 200, body: { marked: 1, bookings: [expect.objectContaining({ id: today.id, status: 'noshow' })] } });
    expect((await f.db.booking.findUniqueOrThrow({ where: { id: today.id } })).status).toBe('noshow');
    expect((await f.db.contact.findUniqueOrThrow({ where: { id: today.contactId } })).noShows).toBe(1);
    expect(await f.db.outboxMessage.count({ where: { dedupeKey: `noshow:${today.id}` } })).toBe(1);
    const audit = await f.db.auditEntry.findMany({ where: { action: 'attendance.noshow' } });
    expect(audit).toEqual([expect.objectContaining({ accountId: 'acc-h', objectType: 'booking', objectId: today.id, countyId: 'county' })]);
    expect(await post(STAFF, [today.id])).toMatchObject({ status: 409, body: { error: 'not_active' } });
  });
});
