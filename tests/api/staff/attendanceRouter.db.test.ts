// POST /api/staff/hospitals/:hospitalId/attendance over a real HTTP server: 200 marks the visit,
// 400 names the bad field, 404 for an unknown code, 409 for a booking that is not active.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/support/clock.js';
import { attendanceRouter } from '../../../src/api/staff/attendanceRouter.js';
import { TOKEN_SCOPE } from '../../../src/api/staff/staffRequest.js';
import { dbUnavailable } from '../../support/testDb.js';
import { HOSPITAL, makeContacts, makeSlot, NOW, openFixture, ordinary, type Fixture } from '../../services/booking/bookingFixtures.js';

describe.skipIf(dbUnavailable)('attendance API', () => {
  let f: Fixture;
  let server: http.Server;
  let base: string;
  let code: string;
  let cancelledCode: string;
  const clock = new FixedClock(new Date('2026-03-03T10:00:00+08:00'));
  beforeAll(async () => {
    f = await openFixture();
    const women = await makeContacts(f.db, 'api', 2);
    await makeSlot(f.db, { day: '2026-03-03', pools: [{ capacity: 5 }] });
    const book = async (contactId: string) => {
      const r = await f.service.book({ contactId, hospitalId: HOSPITAL, serviceIds: ['cervical'], day: '2026-03-03', session: 'am', now: NOW, ...ordinary });
      if (!r.ok) throw new Error(r.reason);
      return r;
    };
    code = (await book(women[0])).visitCode;
    const c = await book(women[1]);
    cancelledCode = c.visitCode;
    await f.service.cancel({ contactId: women[1], bookingId: c.bookings[0].id, now: NOW });
    const app = express();
    // (the staff guard's scope: the admin token's holder, city-wide)
    app.use((req, _res, next) => void ((req.staff = TOKEN_SCOPE), next()));
    app.use(attendanceRouter({ booking: f.service, clock }));
    server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await f.close();
  });

  const post = (hospitalId: string, body: unknown) =>
    fetch(`${base}/api/staff/hospitals/${hospitalId}/attendance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('marks the visit attended', async () => {
    const r = await post(HOSPITAL, { code });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      marked: 1,
      bookings: [{ id: expect.any(String), code, serviceId: 'cervical', day: '2026-03-03', session: 'am', status: 'attended' }],
    });
  });

  it('a bad body gets 400 naming the field', async () => {
    for (const body of [{}, { code: '' }, { code: 42 }, { code: 'X'.repeat(30) }]) {
      const r = await post(HOSPITAL, body);
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ error: 'invalid_request', field: 'code' });
    }
  });

  it('an unknown code, or another hospital’s, gets 404 JSON', async () => {
    const r = await post(HOSPITAL, { code: 'ZZZZZZ' });
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ error: 'not_found' });
    expect((await post('h-other', { code })).status).toBe(404);
  });

  it('a cancelled booking gets 409', async () => {
    const r = await post(HOSPITAL, { code: cancelledCode });
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({ error: 'not_active', bookings: [{ status: 'cancelled' }] });
  });
});
