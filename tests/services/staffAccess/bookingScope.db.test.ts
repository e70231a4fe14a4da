// Staff scopes on capacity, attendance and a day's bookings (design invariant 8): a hospital account
// changing another hospital's capacity or marking its visits is refused (403); a township account
// sees only its women's bookings, without their codes; lists are filtered; each change and export is
// audited with ids only (never a visit code).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRouter } from '../../../src/api/staff/attendanceRouter.js';
import { hospitalDayRouter } from '../../../src/api/staff/hospitalDayRouter.js';
import { womenRouter } from '../../../src/api/staff/womenRouter.js';
import type { StaffScope } from '../../../src/domain/staff/staffScope.js';
import { CapacityService } from '../../../src/services/capacity/CapacityService.js';
import { StaffAccessError } from '../../../src/services/staffAccess/scopeAccess.js';
import { FixedClock } from '../../../src/support/clock.js';
import { dbUnavailable } from '../../support/testDb.js';
import { HOSPITAL, makeContacts, makeSlot, NOW, OTHER_HOSPITAL, openFixture, ordinary, type Fixture } from '../booking/bookingFixtures.js';

const hospitalAccount: StaffScope = { accountId: 'acc-h', role: 'hospital', countyId: 'county', hospitalId: HOSPITAL };
const townshipA: StaffScope = { accountId: 'acc-ta', role: 'township', countyId: 'county', townshipId: 't-a' };
const countyAccount: StaffScope = { accountId: 'acc-c', role: 'county', countyId: 'county' };
const otherCounty: StaffScope = { accountId: 'acc-x', role: 'county', countyId: 'elsewhere' };

describe.skipIf(dbUnavailable)('staff scopes: capacity, attendance, bookings of a day', () => {
  let f: Fixture;
  let server: http.Server;
  let base: string;
  let capacity: CapacityService;
  const codes: string[] = [];
  let women: string[];
  const clock = new FixedClock(new Date('2026-03-03T10:00:00+08:00'));
  beforeAll(async () => {
    f = await openFixture();
    capacity = new CapacityService({ db: f.db, provider: f.h.provider });
    women = await makeContacts(f.db, 'sc', 3);
    // her county, and the township she named (t-a, t-a, t-b)
    for (const [i, id] of women.entries()) {
      await f.db.contact.update({ where: { id }, data: { regionId: 'county' } });
      await f.db.fact.create({ data: { contactId: id, key: 'township', valueJson: JSON.stringify(i < 2 ? 't-a' : 't-b') } });
    }
    await makeSlot(f.db, { day: '2026-03-03', pools: [{ capacity: 5 }] });
    for (const contactId of women) {
      const r = await f.service.book({ contactId, hospitalId: HOSPITAL, serviceIds: ['cervical'], day: '2026-03-03', session: 'am', now: NOW, ...ordinary });
      if (!r.ok) throw new Error(r.reason);
      codes.push(r.visitCode);
    }
    const app = express();
    // (the staff guard's scope, as the test names it)
    app.use((req, _res, next) => void ((req.staff = JSON.parse(String(req.get('x-scope'))) as StaffScope), next()));
    app.use(attendanceRouter({ booking: f.service, clock }));
    app.use(hospitalDayRouter({ db: f.db, clock }));
    app.use(womenRouter({ db: f.db, clock }));
    server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await f.close();
  });

  const call = async (scope: StaffScope, method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { 'x-scope': JSON.stringify(scope), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = r.headers.get('content-type') ?? '';
    return { status: r.status, body: type.includes('json') ? ((await r.json()) as Record<string, unknown>) : Buffer.from(await r.arrayBuffer()) };
  };
  const auditRows = () => f.db.auditEntry.findMany({ orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  /** Nothing personal in the audit: no visit code, no external id. */
  const auditHoldsNoCode = async () => {
    const text = JSON.stringify(await auditRows());
    for (const c of codes) expect(text).not.toContain(c);
    expect(text).not.toContain('ext-');
  };

  it("a hospital account changing another hospital's capacity is refused (403); its own is audited in the change", async () => {
    const rules = [{ weekday: 2, session: 'am' as const, capacity: 9 }];
    const refused = capacity.staff.setRules(hospitalAccount, OTHER_HOSPITAL, 'cervical', rules, NOW);
    await expect(refused).rejects.toBeInstanceOf(StaffAccessError);
    await expect(refused).rejects.toMatchObject({ error: 'forbidden' });
    await expect(capacity.staff.addClosure(townshipA, HOSPITAL, '2026-03-20', 'all', 'x', NOW)).rejects.toMatchObject({ error: 'forbidden' });
    await expect(capacity.staff.setRules(otherCounty, HOSPITAL, 'cervical', rules, NOW)).rejects.toMatchObject({ error: 'forbidden' });
    expect(await auditRows()).toEqual([]);
    await capacity.staff.setRules(hospitalAccount, HOSPITAL, 'cervical', rules, NOW);
    await capacity.staff.addClosure(countyAccount, HOSPITAL, '2026-03-20', 'pm', 'training', NOW);
    const rows = await auditRows();
    expect(rows.map((r) => [r.accountId, r.actor, r.action, r.objectType, r.objectId, r.countyId, r.detail ? JSON.parse(r.detail) : null])).toEqual([
      ['acc-h', 'staff:acc-h', 'capacity.change', 'hospital', HOSPITAL, 'county', { serviceId: 'cervical', rules: '2am:9', slotsUpdated: 1 }],
      ['acc-c', 'staff:acc-c', 'capacity.close', 'hospital', HOSPITAL, 'county', { day: '2026-03-20', session: 'pm', slotsClosed: 0 }],
    ]);
    // the reason given is not in the audit (free text)
    expect(JSON.stringify(rows)).not.toContain('training');
    await f.db.auditEntry.deleteMany();
  });

  it("attendance: another hospital's account gets 403; its own marks the visit, audited per booking with ids only", async () => {
    const otherHospital: StaffScope = { ...hospitalAccount, accountId: 'acc-o', hospitalId: OTHER_HOSPITAL };
    expect(await call(otherHospital, 'POST', `/api/staff/hospitals/${HOSPITAL}/attendance`, { code: codes[0] })).toMatchObject({
      status: 403,
      body: { error: 'forbidden' },
    });
    expect(await call(townshipA, 'POST', `/api/staff/hospitals/${HOSPITAL}/attendance`, { code: codes[0] })).toMatchObject({ status: 403 });
    const marked = await call(hospitalAccount, 'POST', `/api/staff/hospitals/${HOSPITAL}/attendance`, { code: codes[0] });
    expect(marked).toMatchObject({ status: 200, body: { marked: 1 } });
    // by the day's list: the ids ticked
    const list = await f.db.booking.findMany({ where: { contactId: women[1] } });
    expect(await call(hospitalAccount, 'POST', `/api/staff/hospitals/${HOSPITAL}/attendance`, { bookingIds: list.map((b) => b.id) })).toMatchObject({
      status: 200,
      body: { marked: 1 },
    });
    expect(await call(hospitalAccount, 'POST', `/api/staff/hospitals/${HOSPITAL}/attendance`, { bookingIds: ['nope'] })).toMatchObject({ status: 404 });
    const rows = await auditRows();
    const booking0 = await f.db.booking.findFirstOrThrow({ where: { contactId: women[0] } });
    expect(rows.map((r) => [r.accountId, r.action, r.objectType, r.objectId, JSON.parse(r.detail!)])).toEqual([
      [
        'acc-h',
        'attendance.mark',
        'booking',
        booking0.id,
        { contactId: women[0], hospitalId: HOSPITAL, serviceId: 'cervical', day: '2026-03-03', was: 'confirmed' },
      ],
      [
        'acc-h',
        'attendance.mark',
        'booking',
        list[0].id,
        { contactId: women[1], hospitalId: HOSPITAL, serviceId: 'cervical', day: '2026-03-03', was: 'confirmed' },
      ],
    ]);
    await auditHoldsNoCode();
  });

  it('the day’s bookings: the hospital sees all with codes; a township only its women’s, without codes; another county 403', async () => {
    const path = `/api/staff/hospitals/${HOSPITAL}/bookings?day=2026-03-03`;
    const own = await call(hospitalAccount, 'GET', path);
    expect(own.status).toBe(200);
    const ownBody = own.body as { counts: Record<string, number>; bookings: { contactId: string; code?: string; status: string }[] };
    expect(ownBody.bookings.map((b) => [b.contactId, b.status]).sort()).toEqual([
      [women[0], 'attended'],
      [women[1], 'attended'],
      [women[2], 'confirmed'],
    ]);
    expect(ownBody.counts).toMatchObject({ attended: 2, confirmed: 1, noshow: 0 });
    expect(ownBody.bookings.every((b) => typeof b.code === 'string')).toBe(true);
    const township = (await call(townshipA, 'GET', path)).body as { bookings: { contactId: string; code?: string }[] };
    expect(township.bookings.map((b) => b.contactId).sort()).toEqual([women[0], women[1]]);
    expect(township.bookings.every((b) => b.code === undefined)).toBe(true);
    expect((await call(otherCounty, 'GET', path)).status).toBe(403);
    expect((await call(hospitalAccount, 'GET', `/api/staff/hospitals/${HOSPITAL}/bookings?day=03-03`)).status).toBe(400);
  });

  it('the export: a CSV for Excel (UTF-8 with BOM, or GBK), audited as an export with the count only', async () => {
    await f.db.auditEntry.deleteMany();
    const r = await call(townshipA, 'GET', `/api/staff/hospitals/${HOSPITAL}/bookings/export?day=2026-03-03`);
    expect(r.status).toBe(200);
    const bytes = r.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('bookingId,code,contactId,serviceId,day,session,status,attendedAt');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[2])
        .sort(),
    ).toEqual([women[0], women[1]]);
    const gbk = await call(countyAccount, 'GET', `/api/staff/hospitals/${HOSPITAL}/bookings/export?day=2026-03-03&encoding=gbk`);
    expect((gbk.body as Buffer).subarray(0, 9).toString('latin1')).toBe('bookingId');
    const rows = await auditRows();
    expect(rows.map((x) => [x.accountId, x.action, x.objectType, x.objectId, JSON.parse(x.detail!)])).toEqual([
      ['acc-ta', 'export', 'bookings', HOSPITAL, { list: 'dayBookings', day: '2026-03-03', session: null, serviceId: null, rows: 2 }],
      ['acc-c', 'export', 'bookings', HOSPITAL, { list: 'dayBookings', day: '2026-03-03', session: null, serviceId: null, rows: 3 }],
    ]);
    await auditHoldsNoCode();
  });

  it("a woman's record: another township's woman is not found (404); a search and a view are audited with ids only", async () => {
    await f.db.auditEntry.deleteMany();
    expect(await call(townshipA, 'GET', `/api/staff/women/${women[2]}`)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await call(townshipA, 'GET', `/api/staff/women?contactId=${women[2]}`)).toMatchObject({ status: 200, body: { women: [] } });
    const found = await call(townshipA, 'GET', `/api/staff/women?visitCode=${codes[0].toLowerCase()}`);
    expect(found).toMatchObject({ status: 200, body: { women: [{ contactId: women[0], townshipId: 't-a', consent: 'given', idNumberGiven: false }] } });
    const record = await call(townshipA, 'GET', `/api/staff/women/${women[0]}`);
    expect(record).toMatchObject({ status: 200, body: { contactId: women[0], whole: true, consent: { state: 'given' }, bookings: [{ status: 'attended' }] } });
    expect(await call(hospitalAccount, 'GET', `/api/staff/women/${women[2]}`)).toMatchObject({ status: 200, body: { whole: false, messages: [] } });
    expect((await call(townshipA, 'GET', '/api/staff/women')).status).toBe(400);
    const rows = await auditRows();
    expect(rows.map((x) => [x.accountId, x.action, x.objectType, x.objectId, JSON.parse(x.detail!)])).toEqual([
      ['acc-ta', 'woman.search', 'contact', null, { by: 'contactId', found: 0 }],
      ['acc-ta', 'woman.search', 'contact', women[0], { by: 'visitCode', found: 1 }],
      ['acc-ta', 'woman.view', 'contact', women[0], { whole: true }],
      ['acc-h', 'woman.view', 'contact', women[2], { whole: false }],
    ]);
    await auditHoldsNoCode();
  });
});
