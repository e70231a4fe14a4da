// The staff API's guard: Authorization: Bearer <ADMIN_TOKEN>; 401 without it or with a wrong one,
// 503 when no token is configured (the staff API is off).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAdminToken, sameSecret } from '../../../src/api/staff/requireAdminToken.js';

describe('requireAdminToken', () => {
  let server: http.Server;
  let base: string;
  let token: string | undefined = 's3cret-token-for-tests';
  beforeAll(async () => {
    const app = express();
    app.use(
      '/api/staff',
      requireAdminToken(() => token),
    );
    app.get('/api/staff/ping', (_req, res) => res.json({ ok: true }));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const ping = (authorization?: string) => fetch(`${base}/api/staff/ping`, { headers: authorization ? { authorization } : {} });

  it('lets a request with the right bearer token through', async () => {
    const r = await ping('Bearer s3cret-token-for-tests');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true });
    expect((await ping('bearer s3cret-token-for-tests')).status).toBe(200);
  });

  it.each([
    ['no header', undefined],
    ['a wrong token', 'Bearer s3cret-token-for-test'],
    ['a longer token', 'Bearer s3cret-token-for-tests-and-more'],
    ['another scheme', 'Basic s3cret-token-for-tests'],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 JSON for %s', async (_name, authorization) => {
    const r = await ping(authorization);
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await r.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('takes no HTTP Basic credentials on the API (a browser sends them by itself; only staff pages ask for them)', async () => {
    const basic = (userPass: string) => `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
    expect((await ping(basic('staff:s3cret-token-for-tests'))).status).toBe(401);
  });

  it('answers 503 JSON saying the staff API is off when no token is configured', async () => {
    for (const off of [undefined, '']) {
      token = off;
      const r = await ping('Bearer anything');
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ error: 'staff_api_off', message: expect.stringContaining('staff API is off') });
    }
    token = 's3cret-token-for-tests';
  });

  it('compares secrets of any length', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abd')).toBe(false);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'abc')).toBe(false);
  });
});
