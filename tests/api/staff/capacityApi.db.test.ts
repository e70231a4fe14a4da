// The staff capacity API over a real HTTP server: weekly rules, closures, reservations and the slot
// overview, behind the admin token; bad bodies get 400 naming the field, unknown hospitals 404.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capacityRouter } from '../../../src/api/staff/capacityRouter.js';
import { requireAdminToken } from '../../../src/api/staff/requireAdminToken.js';
import { FixedClock } from '../../../src/support/clock.js';
import { dbUnavailable } from '../../support/testDb.js';
import { bookSeats, capacityFixture, generalPool, MCH, NOW, slotOf, THU, TUE, WED, type CapacityFixture } from '../../services/capacity/capacityFixtures.js';

const TOKEN = 'test-admin-token';

describe.skipIf(dbUnavailable)('staff capacity API', () => {
  let f: CapacityFixture;
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    f = await capacityFixture();
    const app = express();
    app.use('/api/staff', requireAdminToken(TOKEN));
    app.use(capacityRouter({ db: f.h.db, capacity: f.capacity, county: f.county, profile: f.profile, clock: new FixedClock(NOW) }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await f.close();
  });

  const call = async (method: string, path: string, body?: unknown, token: string | null = TOKEN) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> & { [k: string]: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const capacityPath = (service = 'cervical', hospital = MCH) => `/api/staff/hospitals/${hospital}/services/${service}/capacity`;
  const mornings = (capacity: number) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, session: 'am', capacity }));

  it('answers 401 without the admin token and with a wrong one', async () => {
    expect((await call('GET', `/api/staff/hospitals/${MCH}/slots?from=${TUE}&to=${TUE}`, undefined, null)).status).toBe(401);
    const wrong = await call('PUT', capacityPath(), { rules: mornings(1) }, 'nope');
    expect(wrong).toEqual({ status: 401, body: expect.objectContaining({ error: 'unauthorized' }) });
    expect(await f.h.db.capacityRule.count({ where: { hospitalId: MCH, serviceId: 'cervical', capacity: 1 } })).toBe(0);
  });

  describe('PUT …/services/:serviceId/capacity', () => {
    it('replaces the weekly rules and updates future slots, reporting slots whose booked seats exceed the new figure', async () => {
      await f.capacity.ensureSlots(MCH, 'cervical', TUE, WED);
      await bookSeats(f.h.db, (await generalPool(f.h.db, 'cervical', WED, 'am')).id, 12);
      const r = await call('PUT', capacityPath(), { rules: [...mornings(10), { weekday: 6, session: 'pm', capacity: 8 }] });
      expect(r.status).toBe(200);
      expect(r.body.rules).toEqual([...mornings(10), { weekday: 6, session: 'pm', capacity: 8 }]);
      expect(r.body.conflicts).toEqual([expect.objectContaining({ day: WED, session: 'am', requested: 10, capacity: 12, generalBooked: 12 })]);
      const rules = await f.h.db.capacityRule.findMany({
        where: { hospitalId: MCH, serviceId: 'cervical', capacity: { gt: 0 } },
        orderBy: [{ weekday: 'asc' }],
      });
      expect(rules.map((x) => `${x.weekday}${x.session}=${x.capacity}`)).toEqual(['1am=10', '2am=10', '3am=10', '4am=10', '5am=10', '6pm=8']);
      expect((await slotOf(f.h.db, 'cervical', TUE, 'am')).capacity).toBe(10);
      expect((await slotOf(f.h.db, 'cervical', TUE, 'pm')).capacity).toBe(0);
      expect((await slotOf(f.h.db, 'cervical', WED, 'am')).capacity).toBe(12);
    });

    it.each([
      ['weekday 8', { rules: [{ weekday: 8, session: 'am', capacity: 1 }] }, 'rules[0].weekday'],
      ['weekday 0', { rules: [{ weekday: 0, session: 'am', capacity: 1 }] }, 'rules[0].weekday'],
      ['a bad session', { rules: [{ weekday: 1, session: 'noon', capacity: 1 }] }, 'rules[0].session'],
      ['negative seats', { rules: [{ weekday: 1, session: 'am', capacity: -1 }] }, 'rules[0].capacity'],
      ['fractional seats', { rules: [{ weekday: 1, session: 'am', capacity: 1.5 }] }, 'rules[0].capacity'],
      ['seats as text', { rules: [{ weekday: 1, session: 'am', capacity: '10' }] }, 'rules[0].capacity'],
      [
        'the same weekday × session twice',
        {
          rules: [
            { weekday: 1, session: 'am', capacity: 1 },
            { weekday: 1, session: 'am', capacity: 2 },
          ],
        },
        'rules[1].session',
      ],
      ['no rules field', {}, 'rules'],
      ['not JSON', '{"rules": [', '(body)'],
    ])('answers 400 naming the field for %s', async (_name, body, field) => {
      const r = await call('PUT', capacityPath(), body);
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ error: 'invalid_request', field });
      expect(String(r.body.message)).toContain(field);
    });

    it('answers 404 naming an unknown hospital or service', async () => {
      expect(await call('PUT', capacityPath('cervical', 'xc-nowhere'), { rules: mornings(1) })).toMatchObject({
        status: 404,
        body: { error: 'not_found', field: 'hospitalId' },
      });
      expect(await call('PUT', capacityPath('dentistry'), { rules: mornings(1) })).toMatchObject({ status: 404, body: { field: 'serviceId' } });
    });
  });

  describe('closures', () => {
    it('POST closes the day and returns the bookings on it; DELETE reopens it', async () => {
      await f.capacity.ensureSlots(MCH, 'breast', THU, THU);
      const [booking] = await bookSeats(f.h.db, (await generalPool(f.h.db, 'breast', THU, 'am')).id, 1);
      const r = await call('POST', `/api/staff/hospitals/${MCH}/closures`, { day: THU, session: 'all', reason: '停电检修' });
      expect(r.status).toBe(200);
      expect(r.body.closure).toEqual({ hospitalId: MCH, day: THU, session: 'all', reason: '停电检修' });
      expect(r.body.affectedBookings).toEqual([expect.objectContaining({ bookingId: booking.id, code: booking.code, status: 'confirmed' })]);
      expect(await f.h.db.closure.findMany({ where: { hospitalId: MCH }, select: { day: true, session: true, reason: true } })).toEqual([
        { day: THU, session: 'all', reason: '停电检修' },
      ]);
      expect((await slotOf(f.h.db, 'breast', THU, 'am')).closed).toBe(true);
      expect((await f.h.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).status).toBe('confirmed');

      const d = await call('DELETE', `/api/staff/hospitals/${MCH}/closures/${THU}/all`);
      expect(d).toEqual({ status: 200, body: { removed: true, slotsReopened: 2 } });
      expect(await f.h.db.closure.count({ where: { hospitalId: MCH } })).toBe(0);
      expect((await slotOf(f.h.db, 'breast', THU, 'am')).closed).toBe(false);
    });

    it.each([
      ['a day that does not exist', { day: '2026-02-30', session: 'all', reason: 'x' }, 'day'],
      ['a day in another format', { day: '2026/03/05', session: 'all', reason: 'x' }, 'day'],
      ['a bad session', { day: THU, session: 'evening', reason: 'x' }, 'session'],
      ['no reason', { day: THU, session: 'am' }, 'reason'],
      ['an empty reason', { day: THU, session: 'am', reason: '  ' }, 'reason'],
      ['a day out of any sane range (1900)', { day: '1900-01-01', session: 'all', reason: 'x' }, 'day'],
      ['a day out of any sane range (9999)', { day: '9999-12-31', session: 'all', reason: 'x' }, 'day'],
    ])('POST answers 400 naming the field for %s', async (_name, body, field) => {
      const r = await call('POST', `/api/staff/hospitals/${MCH}/closures`, body);
      expect(r).toMatchObject({ status: 400, body: { error: 'invalid_request', field } });
    });

    it('DELETE answers 400 for a bad session and 404 for an unknown hospital', async () => {
      expect(await call('DELETE', `/api/staff/hospitals/${MCH}/closures/${THU}/evening`)).toMatchObject({ status: 400, body: { field: 'session' } });
      expect(await call('DELETE', `/api/staff/hospitals/${MCH}/closures/2026-13-01/am`)).toMatchObject({ status: 400, body: { field: 'day' } });
      expect(await call('DELETE', `/api/staff/hospitals/xc-nowhere/closures/${THU}/am`)).toMatchObject({ status: 404, body: { field: 'hospitalId' } });
    });
  });

  describe('POST …/reservations', () => {
    const good = {
      serviceId: 'nt',
      day: TUE,
      session: 'am',
      kind: 'region',
      regionId: 'xiangcheng-dingji-dongjie',
      seats: 5,
      releaseAt: '2026-03-02T16:00:00+08:00',
    };
    const path = `/api/staff/hospitals/${MCH}/reservations`;

    it('reserves a village share out of the general pool', async () => {
      const r = await call('POST', path, good);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ok: true, pool: { kind: 'region', regionId: good.regionId, capacity: 5 }, general: { capacity: 10 } });
      const row = await f.h.db.reservation.findFirstOrThrow({ where: { hospitalId: MCH, serviceId: 'nt', day: TUE } });
      expect([row.kind, row.regionId, row.seats, row.releaseAt.toISOString()]).toEqual(['region', good.regionId, 5, '2026-03-02T08:00:00.000Z']);
      expect((await slotOf(f.h.db, 'nt', TUE, 'am')).pools.map((p) => [p.kind, p.capacity])).toEqual([
        ['general', 10],
        ['region', 5],
      ]);
    });

    it('a priority share needs no regionId', async () => {
      const { regionId: _omit, ...rest } = good;
      const r = await call('POST', path, { ...rest, kind: 'priority', seats: 3 });
      expect(r).toMatchObject({ status: 200, body: { ok: true, pool: { kind: 'priority', regionId: '', capacity: 3 }, general: { capacity: 7 } } });
    });

    it('answers 409 when the general pool has too few unbooked seats', async () => {
      const r = await call('POST', path, { ...good, regionId: 'xiangcheng-lizhai', seats: 8 });
      expect(r).toMatchObject({ status: 409, body: { error: 'not_enough_seats', available: 7 } });
      expect(await f.h.db.reservation.count({ where: { regionId: 'xiangcheng-lizhai' } })).toBe(0);
    });

    it.each([
      ['kind region without regionId', { ...good, regionId: undefined }, 'regionId', 400],
      ['a region outside the county', { ...good, regionId: 'somewhere-else' }, 'regionId', 400],
      ['a regionId on a priority share', { ...good, kind: 'priority' }, 'regionId', 400],
      ['an unknown service', { ...good, serviceId: 'dentistry' }, 'serviceId', 400],
      ['a bad kind', { ...good, kind: 'vip' }, 'kind', 400],
      ['no seats', { ...good, seats: 0 }, 'seats', 400],
      ['releaseAt that is not an instant', { ...good, releaseAt: 'tomorrow' }, 'releaseAt', 400],
      ['releaseAt without an offset', { ...good, releaseAt: '2026-03-02 16:00' }, 'releaseAt', 400],
      ['releaseAt in the past', { ...good, releaseAt: '2026-03-01T16:00:00+08:00' }, 'releaseAt', 400],
      ['a day years away', { ...good, day: '2099-03-03' }, 'day', 400],
      ['releaseAt years away', { ...good, releaseAt: '9999-03-01T16:00:00+08:00' }, 'releaseAt', 400],
      ['a bad day', { ...good, day: '2026-02-29' }, 'day', 400],
    ])('answers 400 naming the field for %s', async (_name, body, field, status) => {
      const r = await call('POST', path, body);
      expect(r).toMatchObject({ status, body: { error: 'invalid_request', field } });
    });

    it('DELETE gives the unbooked seats back', async () => {
      const r = await call('DELETE', `${path}?serviceId=nt&day=${TUE}&session=am&kind=region&regionId=${good.regionId}`);
      expect(r).toEqual({ status: 200, body: { removed: true, seatsReturned: 5, stillBooked: 0 } });
      expect(await f.h.db.reservation.count({ where: { regionId: good.regionId } })).toBe(0);
    });
  });

  describe('GET …/slots', () => {
    it('answers the overview per day × session × service', async () => {
      const r = await call('GET', `/api/staff/hospitals/${MCH}/slots?from=${TUE}&to=${TUE}`);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ hospitalId: MCH, from: TUE, to: TUE });
      const nt = r.body.slots.find((s: { serviceId: string }) => s.serviceId === 'nt');
      expect(nt).toMatchObject({ day: TUE, session: 'am', capacity: 15, booked: 0, reserved: { region: 0, priority: 3 }, closed: false, materialized: true });
      expect(r.body.slots.find((s: { serviceId: string; session: string }) => s.serviceId === 'cervical' && s.session === 'am')).toMatchObject({
        capacity: 10,
      });
    });

    it.each([
      ['no from', `to=${TUE}`, 'from'],
      ['a bad to', `from=${TUE}&to=soon`, 'to'],
      ['to before from', `from=${WED}&to=${TUE}`, 'to'],
      ['a range too long', `from=2026-03-01&to=2026-12-31`, 'to'],
      ['days out of any sane range', `from=1900-01-01&to=1900-01-31`, 'from'],
    ])('answers 400 naming the field for %s', async (_name, query, field) => {
      expect(await call('GET', `/api/staff/hospitals/${MCH}/slots?${query}`)).toMatchObject({ status: 400, body: { field } });
    });

    it('answers 404 for an unknown hospital', async () => {
      expect(await call('GET', `/api/staff/hospitals/xc-nowhere/slots?from=${TUE}&to=${TUE}`)).toMatchObject({ status: 404, body: { field: 'hospitalId' } });
    });
  });
});
