// A woman's record by scope, on both databases: a township account finds its woman by her phone (an
// SMS contact's number) and reads her record; another township's account gets nobody and 404; her
// ID number is unsealed for a county administrator only (403 for township, hospital and city
// accounts, 404 for another county's), each reading audited without the number; GET /scope names.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import crypto from 'node:crypto';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { womenRouter } from '../../../src/api/staff/womenRouter.js';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import type { StaffScope } from '../../../src/domain/staff/staffScope.js';
import { FixedClock } from '../../../src/support/clock.js';
import { identityKeys } from '../../../src/support/identityKeys.js';
import { parseDataKeys, secretBox } from '../../../src/support/secretBox.js';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../../support/testDb.js';

const ID = '411302199005060026';
const PHONE = '13812345678';
const townshipA: StaffScope = { accountId: 'acc-ta', role: 'township', countyId: 'xc', townshipId: 'xc-a' };
const townshipB: StaffScope = { accountId: 'acc-tb', role: 'township', countyId: 'xc', townshipId: 'xc-b' };
const county: StaffScope = { accountId: 'acc-c', role: 'county', countyId: 'xc' };
const otherCounty: StaffScope = { accountId: 'acc-o', role: 'county', countyId: 'elsewhere' };
const city: StaffScope = { accountId: 'acc-city', role: 'city' };
const hospital: StaffScope = { accountId: 'acc-h', role: 'hospital', countyId: 'xc', hospitalId: 'h1' };

describe.skipIf(dbUnavailable)('a woman by scope: phone search, 404 elsewhere, her ID number for the county only', () => {
  let database: TestDatabase;
  let h: DbHandle;
  let server: http.Server;
  let base: string;
  const keys = identityKeys(crypto.randomBytes(32).toString('base64'), secretBox(parseDataKeys(`k1:${crypto.randomBytes(32).toString('base64')}`)));
  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
    const db = h.db;
    await db.region.create({ data: { id: 'xc', name: '项城市', level: 'county' } });
    await db.region.createMany({
      data: [
        { id: 'xc-a', name: '花园街道', level: 'township', parentId: 'xc' },
        { id: 'xc-b', name: '南顿镇', level: 'township', parentId: 'xc' },
      ],
    });
    await db.hospital.create({ data: { id: 'h1', regionId: 'xc', name: '项城市妇幼保健院', address: 'x', phone: '1', directions: 'x' } });
    await db.contact.create({ data: { id: 'w-sms', channel: 'sms', externalId: PHONE, regionId: 'xc', consent: 'given' } });
    await db.fact.create({ data: { contactId: 'w-sms', key: 'township', valueJson: JSON.stringify('xc-a') } });
    const now = new Date('2026-03-02T01:00:00Z');
    await db.contactIdentity.create({ data: { contactId: 'w-sms', idHash: keys.hash(ID), idSealed: keys.seal(ID), createdAt: now, updatedAt: now } });
    const app = express();
    app.use((req, _res, next) => void ((req.staff = JSON.parse(String(req.get('x-scope'))) as StaffScope), next()));
    app.use(womenRouter({ db, identity: keys, clock: new FixedClock(new Date('2026-03-03T10:00:00+08:00')) }));
    server = app.listen(0);
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await h?.close();
    await database?.drop();
  });

  const call = async (scope: StaffScope, method: string, path: string) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { 'x-scope': JSON.stringify(scope), 'content-type': 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const audits = (action: string) => h.db.auditEntry.findMany({ where: { action }, orderBy: { at: 'asc' } });

  it('her township finds her by phone (spaces and +86 allowed) and reads her record with names; the audit has ids only', async () => {
    const found = await call(townshipA, 'GET', `/api/staff/women?phone=${encodeURIComponent('+86 138 1234 5678')}`);
    expect(found).toEqual({
      status: 200,
      body: {
        women: [
          { contactId: 'w-sms', countyId: 'xc', townshipId: 'xc-a', countyName: '项城市', townshipName: '花园街道', consent: 'given', idNumberGiven: true },
        ],
      },
    });
    const record = await call(townshipA, 'GET', '/api/staff/women/w-sms');
    expect(record.status).toBe(200);
    expect(record.body).toMatchObject({ contactId: 'w-sms', channel: 'sms', names: { xc: '项城市', 'xc-a': '花园街道' }, idNumberGiven: true });
    expect(JSON.stringify(record.body)).not.toContain(ID);
    const rows = [...(await audits('woman.search')), ...(await audits('woman.view'))];
    expect(rows.map((r) => [r.action, r.accountId, r.objectId, r.detail])).toEqual([
      ['woman.search', 'acc-ta', 'w-sms', JSON.stringify({ by: 'phone', found: 1 })],
      ['woman.view', 'acc-ta', 'w-sms', JSON.stringify({ whole: true })],
    ]);
    expect(JSON.stringify(rows)).not.toContain(PHONE);
  });

  it('another township finds nobody by her phone and gets 404 for her record; a bad phone is 400 naming the field', async () => {
    expect(await call(townshipB, 'GET', `/api/staff/women?phone=${PHONE}`)).toEqual({ status: 200, body: { women: [] } });
    expect((await call(townshipB, 'GET', '/api/staff/women/w-sms')).status).toBe(404);
    expect(await call(townshipB, 'GET', '/api/staff/women?phone=12345')).toEqual({
      status: 400,
      body: { error: 'invalid_request', field: 'phone', message: 'phone: an 11-digit mobile number' },
    });
  });

  it('her ID number: the county administrator reads it (audited without it); others 403, another county 404', async () => {
    expect(await call(county, 'POST', '/api/staff/women/w-sms/id-number')).toEqual({ status: 200, body: { contactId: 'w-sms', idNumber: ID } });
    for (const s of [townshipA, hospital, city]) expect((await call(s, 'POST', '/api/staff/women/w-sms/id-number')).status).toBe(403);
    expect((await call(otherCounty, 'POST', '/api/staff/women/w-sms/id-number')).status).toBe(404);
    const rows = await audits('woman.id_number_view');
    expect(rows.map((r) => [r.accountId, r.objectType, r.objectId, r.countyId])).toEqual([['acc-c', 'contact', 'w-sms', 'xc']]);
    expect(JSON.stringify(rows)).not.toContain('0026');
  });

  it("GET /scope names the account's county, township and hospital", async () => {
    expect((await call(townshipA, 'GET', '/api/staff/scope')).body).toEqual({
      role: 'township',
      county: { id: 'xc', name: '项城市' },
      township: { id: 'xc-a', name: '花园街道' },
      hospital: null,
    });
    expect((await call(hospital, 'GET', '/api/staff/scope')).body).toMatchObject({ hospital: { id: 'h1', name: '项城市妇幼保健院' } });
  });
});
