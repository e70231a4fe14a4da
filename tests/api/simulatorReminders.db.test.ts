// Timed messages through the simulator's HTTP interface: a pregnancy registered in the web chat, the
// clock moved three weeks, and the window alerts in her transcript at the times they were sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

describe.skipIf(dbUnavailable)('simulator: reminders after a clock jump', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp(); // Monday 2026-03-02 09:00 +08:00
    base = `http://127.0.0.1:${t.port}`;
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });

  const post = (path: string, body: unknown) =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const say = async (text: string) =>
    ((await (await post('/simulator/messages', { contactId: 'sim-preg', text })).json()) as { replies: string[] }).replies.join('\n');

  it('shows each alert in her transcript at the simulated time it was sent (10:00), none at night', async () => {
    for (const text of ['你好', '同意', '登记孕期', '同意', '孕10周', '1', '1990年5月6日']) await say(text);
    // 10 weeks today: due 2026-09-28; born 1990-05-06 she is 36 on the due date
    expect(await say('是')).toContain('登记好了！您今天怀孕10周，预产期2026年9月28日。');
    const jumped = await post('/simulator/clock', { now: '2026-03-10T12:00:00+08:00' });
    expect(jumped.status).toBe(200);
    const r = await fetch(`${base}/simulator/messages?contactId=sim-preg`);
    const body = (await r.json()) as { messages: { at: string; from: string; text: string }[] };
    const alerts = body.messages.filter((m) => m.text.startsWith('孕期提醒'));
    expect(alerts.map((m) => [m.at, m.text.split('\n')[1]])).toEqual([
      ['2026-03-06T02:00:00.000Z', '· NT超声检查：3天后（2026年3月9日）就可以做了，要在怀孕11周到13周6天之间做。'],
      ['2026-03-09T02:00:00.000Z', '· NT超声检查：从今天起可以做了，最晚2026年3月29日（怀孕13周6天）。'],
    ]);
  });
});
