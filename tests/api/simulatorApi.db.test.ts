// The simulator's HTTP interface (kept stable for later issues) and the health endpoints, over a
// real HTTP server.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

describe.skipIf(dbUnavailable)('simulator HTTP API', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    base = `http://127.0.0.1:${t.port}`;
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });

  const post = (path: string, body: unknown) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('POST /simulator/messages answers the replies to that message', async () => {
    const r = await post('/simulator/messages', { contactId: 'sim-1', text: '你好' });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { replies: string[] };
    expect(body.replies).toHaveLength(1);
    expect(body.replies[0]).toContain('【隐私说明】');
    const r2 = await post('/simulator/messages', { contactId: 'sim-1', text: '同意' });
    expect(((await r2.json()) as { replies: string[] }).replies[0]).toBe('谢谢您的信任！');
  });

  it('GET /simulator/messages answers the whole transcript with times', async () => {
    const r = await fetch(`${base}/simulator/messages?contactId=sim-1`);
    const body = (await r.json()) as { messages: { at: string; from: string; text: string }[] };
    expect(body.messages.map((m) => [m.from, m.text.slice(0, 6)])).toEqual([
      ['contact', '你好'],
      ['bot', '您好！我是项'],
      ['contact', '同意'],
      ['bot', '谢谢您的信任'],
      ['bot', '请问您想做什'],
    ]);
    expect(body.messages[0].at).toBe('2026-03-02T01:00:00.000Z');
  });

  it('proactive messages appear in the transcript', async () => {
    await t.app.simulator!.send('sim-1', '明天上午请到医院');
    const r = await fetch(`${base}/simulator/messages?contactId=sim-1`);
    const body = (await r.json()) as { messages: { from: string; text: string }[] };
    expect(body.messages.at(-1)).toEqual(expect.objectContaining({ from: 'bot', text: '明天上午请到医院' }));
  });

  it('POST /simulator/messages takes a voice message or a picture: answered, then the notice as usual, [语音] in the transcript', async () => {
    const r = await post('/simulator/messages', { contactId: 'sim-media', kind: 'voice' });
    expect(r.status).toBe(200);
    // her first message: the answer, then the privacy notice
    const [voice, notice] = ((await r.json()) as { replies: string[] }).replies;
    expect(voice).toContain('听不了语音');
    expect(notice).toContain('【隐私说明】');
    const picture = await post('/simulator/messages', { contactId: 'sim-media', kind: 'image' });
    expect(((await picture.json()) as { replies: string[] }).replies.join('\n')).toContain('看不了图片');
    const bad = await post('/simulator/messages', { contactId: 'sim-media', kind: 'video' });
    expect(bad.status).toBe(400);
    const t2 = await fetch(`${base}/simulator/messages?contactId=sim-media`);
    const body = (await t2.json()) as { messages: { from: string; text: string }[] };
    expect(body.messages.filter((m) => m.from === 'contact').map((m) => m.text)).toEqual(['[语音]', '[图片]']);
  });

  it('a bad body gets 400 naming the field', async () => {
    const r = await post('/simulator/messages', { contactId: 'sim-2' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: 'invalid_request', field: 'text' });
    const r2 = await post('/simulator/messages', { contactId: '', text: 'x' });
    expect(await r2.json()).toMatchObject({ field: 'contactId' });
    const r3 = await fetch(`${base}/simulator/messages`);
    expect(r3.status).toBe(400);
    expect(await r3.json()).toMatchObject({ field: 'contactId' });
  });

  it('POST /simulator/clock moves the clock forward only, running the jobs due meanwhile', async () => {
    await post('/simulator/messages', { contactId: 'sim-3', text: '你好' });
    await post('/simulator/messages', { contactId: 'sim-3', text: '同意' });
    await post('/simulator/messages', { contactId: 'sim-3', text: '1' });
    const r = await post('/simulator/clock', { now: '2026-03-02T12:00:00+08:00' });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ now: '2026-03-02T04:00:00.000Z' });
    // the idle-reset job ran at the jump: her conversation was reset
    const run = await t.app.dbHandle.db.jobRun.findUniqueOrThrow({ where: { name: 'conversation.idleReset' } });
    expect(run.lastRunAt.toISOString()).toBe('2026-03-02T04:00:00.000Z');
    const back = await post('/simulator/clock', { now: '2026-03-01T12:00:00+08:00' });
    expect(back.status).toBe(400);
    expect(await back.json()).toMatchObject({ field: 'now' });
    const bad = await post('/simulator/clock', { now: 'tomorrow' });
    expect(bad.status).toBe(400);
    expect(((await fetch(`${base}/simulator/clock`).then((x) => x.json())) as { now: string }).now).toBe('2026-03-02T04:00:00.000Z');
  });

  it('a body that is not JSON gets 400 JSON naming the body, no stack trace', async () => {
    const r = await fetch(`${base}/simulator/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{bad json' });
    expect(r.status).toBe(400);
    const text = await r.text();
    expect(JSON.parse(text)).toEqual({ error: 'invalid_request', field: '(body)', message: '(body): not valid JSON' });
    expect(text).not.toContain('node_modules');
  });

  it('a huge clock jump is bounded and keeps the process alive', { timeout: 120_000 }, async () => {
    const started = Date.now();
    const r = await post('/simulator/clock', { now: '2096-01-01T09:00:00+08:00' });
    expect(r.status).toBe(200);
    // bounded work, not a loop over 70 years of minutes (that would take hours): the reminder jobs
    // replay at most their last 400 evenings, and skip those the planner says have nobody due (all of
    // them here: about 2 s on this machine alone, 8 s before the skip; the bound is far from both, so
    // a loaded runner does not fail it)
    expect(Date.now() - started).toBeLessThan(60_000);
    const run = await t.app.dbHandle.db.jobRun.findUniqueOrThrow({ where: { name: 'conversation.idleReset' } });
    expect(run.lastRunAt.toISOString()).toBe('2096-01-01T01:00:00.000Z');
    // kept, so a restart of the demo does not send time backwards
    const saved = await t.app.dbHandle.db.simulatorClock.findUniqueOrThrow({ where: { id: 1 } });
    expect(saved.now.toISOString()).toBe('2096-01-01T01:00:00.000Z');
  });

  it('POST /simulator/clock never moves the clock of a database that holds a real channel’s contacts', async () => {
    const before = ((await fetch(`${base}/simulator/clock`).then((x) => x.json())) as { now: string }).now;
    const db = t.app.dbHandle.db;
    const real = await db.contact.create({ data: { channel: 'wechat', externalId: 'wx-real-1' } });
    try {
      const r = await post('/simulator/clock', { now: '2097-01-01T09:00:00+08:00' });
      expect(r.status).toBe(409);
      expect(await r.json()).toMatchObject({ error: 'real_contacts' });
      expect(((await fetch(`${base}/simulator/clock`).then((x) => x.json())) as { now: string }).now).toBe(before);
      expect((await db.simulatorClock.findUniqueOrThrow({ where: { id: 1 } })).now.toISOString()).toBe(before);
    } finally {
      await db.contact.delete({ where: { id: real.id } });
    }
  });

  it('删除我的信息 also forgets her simulator transcript', async () => {
    await post('/simulator/messages', { contactId: 'sim-del', text: '你好' });
    await post('/simulator/messages', { contactId: 'sim-del', text: '删除我的信息' });
    await post('/simulator/messages', { contactId: 'sim-del', text: '是' });
    const r = await fetch(`${base}/simulator/messages?contactId=sim-del`);
    const body = (await r.json()) as { messages: { from: string; text: string }[] };
    // only the confirmation that everything was deleted is left
    expect(body.messages.map((m) => [m.from, m.text.slice(0, 9)])).toEqual([['bot', '已经全部删除了，我']]);
  });

  it('GET /healthz and /readyz report the database, data files and channels', async () => {
    // every flow file (one with an id) is loaded
    const FLOW_FILES = fs.readdirSync('flows').filter((f) => f.endsWith('.yaml') && /^id:/mu.test(fs.readFileSync(path.join('flows', f), 'utf8'))).length;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const r = await fetch(`${base}/readyz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({
      status: 'ready',
      database: { ok: true, provider: process.env.TEST_DB },
      config: { ok: true, flows: FLOW_FILES, profiles: 3, county: '项城市' },
      channels: [{ name: 'simulator', state: 'online' }],
    });
  });

  it('serves the simulator page', async () => {
    const r = await fetch(`${base}/simulator`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('筛查小助手 · 模拟器');
  });
});

describe.skipIf(dbUnavailable)('the simulator is off unless asked for', () => {
  it('without SIMULATOR_ENABLED its pages and its API are not there', async () => {
    const t = await startTestApp({ env: { SIMULATOR_ENABLED: 'false' } });
    try {
      const base = `http://127.0.0.1:${t.port}`;
      expect(t.app.simulator).toBeUndefined();
      for (const p of ['/simulator', '/simulator/clock', '/simulator/messages?contactId=a']) expect((await fetch(base + p)).status).toBe(404);
      const r = await fetch(`${base}/simulator/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"now":"2030-01-01T00:00:00Z"}',
      });
      expect(r.status).toBe(404);
    } finally {
      await t.stop();
      await t.database.drop();
    }
  });
});
