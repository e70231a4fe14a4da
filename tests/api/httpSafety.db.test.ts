// Staff-only pages and the order of the HTTP layers, on the real app: the WeChat login page behind the
// admin token (the browser's login prompt), authentication before any body is parsed, JSON 404s.
import { PuppetMock } from 'wechaty-puppet-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

const TOKEN = 'http-safety-token-0123456789';
const basic = (userPass: string) => `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;

describe.skipIf(dbUnavailable)('HTTP: staff-only pages and layers', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_TOKEN: TOKEN, WECHAT_ENABLED: 'true' }, wechatPuppet: new PuppetMock() });
    base = `http://127.0.0.1:${t.port}`;
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });

  it('/wechat/login and /wechat/status ask for the admin token; with it they answer', async () => {
    expect(t.app.wechat).toBeDefined();
    for (const page of ['/wechat/login', '/wechat/status']) {
      const bare = await fetch(base + page);
      expect(bare.status).toBe(401);
      expect(bare.headers.get('www-authenticate')).toMatch(/^Basic realm="staff"/);
      expect(await bare.text()).not.toMatch(/<img|qrCode|二维码/);
      expect((await fetch(base + page, { headers: { authorization: basic('staff:wrong-token') } })).status).toBe(401);
      expect((await fetch(base + page, { headers: { authorization: basic(`staff:${TOKEN}`) } })).status).toBe(200);
      expect((await fetch(base + page, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    }
    const status = (await (await fetch(`${base}/wechat/status`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { state: string };
    expect(typeof status.state).toBe('string');
  });

  it('authenticates before it parses a body: a broken body without the token is 401, not 400', async () => {
    const r = await fetch(`${base}/api/staff/hospitals/xc-mch/services/cervical/capacity`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{broken',
    });
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ error: 'unauthorized' });
    // with the token, the same body is a 400 naming the body
    const authed = await fetch(`${base}/api/staff/hospitals/xc-mch/services/cervical/capacity`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: '{broken',
    });
    expect(authed.status).toBe(400);
    expect(await authed.json()).toMatchObject({ field: '(body)' });
  });

  it('answers an unknown route with a JSON 404 (a body there is never parsed), with a request id', async () => {
    for (const r of [
      await fetch(`${base}/nowhere`),
      await fetch(`${base}/api/nowhere`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{broken' }),
    ]) {
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toMatch(/application\/json/);
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await r.json()).toMatchObject({ error: 'not_found' });
    }
  });
});
