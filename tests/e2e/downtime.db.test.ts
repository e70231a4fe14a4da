// Downtime does not silently drop reminders: the whole app stopped for three days and started again,
// and the app killed with SIGKILL in the middle of a simulator clock jump and started again. In both,
// every message that still makes sense is sent once, in words for the day it goes out; what no
// longer does is dropped and shown to staff.
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { createApp } from '../../src/app/createApp.js';
import { addDays } from '../../src/domain/calendarDay.js';
import { simulatorClockStart } from '../../src/services/simulatorClockStore.js';
import { AdjustableClock } from '../../src/support/clock.js';
import { createLogger } from '../../src/support/logger.js';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../support/testDb.js';
import { startTestApp, testConfig, type TestApp } from '../support/testApp.js';
import { bookingRow, pregnancy, sh, woman } from '../services/reminders/reminderFixtures.js';

const TOKEN = 'downtime-test-token-0123456789';

/** What the simulator shows her (the bot's messages only), as [at, first line]. */
function botLines(t: TestApp, contactId: string): [string, string][] {
  return t.app
    .simulator!.transcript(`ext-${contactId}`)
    .filter((m) => m.from === 'bot')
    .map((m) => [m.at, m.text]);
}

describe.skipIf(dbUnavailable)('downtime', () => {
  let database: TestDatabase | undefined;
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
    await database?.drop();
    database = undefined;
  });

  it('stopped for three days: the missed days are planned, what still makes sense is sent once in words for today, the rest dropped for staff', async () => {
    database = await createTestDatabase();
    // Monday 2026-03-02: the evening jobs of the 2nd and the 3rd run, then the service stops
    t = await startTestApp({ database, start: '2026-03-02T09:00:00+08:00', env: { ADMIN_TOKEN: TOKEN } });
    const db: Db = t.app.dbHandle.db;
    // w1: due 2026-09-28, NT's window 03-09 … 03-29: "3天后就可以做了" on 03-06, "从今天起" on 03-09
    await woman(db, 'w1');
    await pregnancy(db, 'w1', { dueDate: '2026-09-28' });
    // w2: a visit on Thursday 03-05 (its reminder the evening before, when no process ran)
    await woman(db, 'w2');
    await bookingRow(db, 'w2', { serviceId: 'nt', day: '2026-03-05', status: 'confirmed', code: 'W2CODE' });
    // w3: a visit on Saturday 03-07 afternoon (its reminder on Friday evening, when no process ran)
    await woman(db, 'w3');
    await bookingRow(db, 'w3', { serviceId: 'nt', day: '2026-03-07', session: 'pm', status: 'confirmed', code: 'W3CODE' });
    // w4: a baby born 02-26 (heel blood up to 03-05, its last alert on 03-04)
    await woman(db, 'w4');
    await pregnancy(db, 'w4', {
      dueDate: '2026-03-01',
      status: 'born',
      birthDate: '2026-02-26',
      endedOn: '2026-02-26',
      guardianConsentAt: sh('2026-02-26 12:00'),
    });
    // w6: a visit on Friday 03-06 morning, inside the stop (reminded on the 5th, marked missed on the 7th)
    await woman(db, 'w6');
    await bookingRow(db, 'w6', { serviceId: 'nt', day: '2026-03-06', status: 'confirmed', code: 'W6CODE' });
    // w5: due 2026-09-11, first visit and NT close 03-12: "还剩7天" on 03-05
    await woman(db, 'w5');
    await pregnancy(db, 'w5', { dueDate: '2026-09-11' });
    await t.app.catchUp(sh('2026-03-02 09:00'), sh('2026-03-03 21:00'));
    await t.stop();

    // started again on Saturday 03-07 at 09:00: the evenings of the 4th, 5th and 6th were missed
    t = await startTestApp({ database, start: '2026-03-07T09:00:00+08:00', env: { ADMIN_TOKEN: TOKEN } });
    await t.app.catchUp(sh('2026-03-07 09:00'), sh('2026-03-07 12:00'));
    // (to the minute: the pacing adds seconds of jitter)
    const at = (m: [string, string][]) => m.map(([when, text]) => [when.slice(0, 16), text.split('\n').slice(0, 3).join('\n')]);
    expect(at(botLines(t, 'w1'))).toEqual([
      [
        '2026-03-07T01:00',
        '孕期提醒：您今天怀孕10周5天了（预产期2026年9月28日）。\n· NT超声检查：2026年3月9日起可以做，要在怀孕11周到13周6天之间做，最晚2026年3月29日。\n回复“预约”约时间；已经做过了，回复“做过了”。不想再收提醒，回复“退订”。',
      ],
    ]);
    // w2's visit passed while no process ran: no reminder; only the no-show notice after it
    expect(botLines(t, 'w2').map(([, text]) => text)).toEqual([
      '您约的2026年3月5日 上午在项城市妇幼保健院的NT超声检查，医院没有记到您去。没关系，身体要紧，回复“预约”可以重新约个时间。',
    ]);
    expect(botLines(t, 'w3').map(([, text]) => text.split('\n').slice(0, 3))).toEqual([
      ['今天别忘了去检查：', '项目：NT超声检查', '时间：2026年3月7日 周六 下午'],
    ]);
    expect(botLines(t, 'w4')).toEqual([]);
    expect(botLines(t, 'w5').map(([, text]) => text.split('\n').slice(1, 3))).toEqual([
      [
        '· 第一次产检建档：最晚2026年3月12日，还剩5天。还没建档的话，请带上身份证去乡镇卫生院或县妇幼保健院办，不用在这里预约。',
        '· NT超声检查：还剩5天，最晚2026年3月12日。还没做的话请抓紧约。',
      ],
    ]);

    // staff see what was dropped and why
    const r = await fetch(`http://127.0.0.1:${t.port}/api/staff/reminders/dropped?from=2026-03-07&to=2026-03-07`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as {
      dropped: { contactId: string; kind: string; what: string; name?: string; reason: string; day: string; messageSent: boolean }[];
    };
    expect(
      body.dropped.map((d) => [d.contactId, d.kind, d.what, d.name, d.reason, d.day, d.messageSent]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['w2', 'appointment', 'visit', undefined, 'visit_passed', '2026-03-05', false],
      ['w4', 'newborn', 'heel-blood', '新生儿足跟血筛查', 'window_closed', '2026-03-05', false],
      ['w6', 'appointment', 'visit', undefined, 'visit_passed', '2026-03-06', false],
    ]);

    const only = async (query: string) => {
      const res = await fetch(`http://127.0.0.1:${t!.port}/api/staff/reminders/dropped?from=2026-03-07&to=2026-03-07&${query}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      return { status: res.status, body: (await res.json()) as { dropped?: { contactId: string }[]; field?: string } };
    };
    expect((await only('reason=window_closed')).body.dropped!.map((d) => d.contactId)).toEqual(['w4']);
    expect((await only('kind=appointment')).body.dropped!.map((d) => d.contactId).sort()).toEqual(['w2', 'w6']);
    expect(await only('reason=forgotten')).toMatchObject({ status: 400, body: { field: 'reason' } });

    // two days on: the alert of the 9th on its day, in its own words; nothing sent twice
    await t.app.catchUp(sh('2026-03-07 12:00'), sh('2026-03-09 12:00'));
    expect(botLines(t, 'w1').map(([when, text]) => [when.slice(0, 16), text.split('\n')[1]])).toEqual([
      ['2026-03-07T01:00', '· NT超声检查：2026年3月9日起可以做，要在怀孕11周到13周6天之间做，最晚2026年3月29日。'],
      ['2026-03-09T02:00', '· NT超声检查：从今天起可以做了，最晚2026年3月29日（怀孕13周6天）。'],
    ]);
    for (const id of ['w2', 'w5', 'w6']) expect(botLines(t, id)).toHaveLength(1);
    // (w3 did not come on the 7th: told after the jump's one no-show run, 03-09 00:30, in the morning)
    expect(botLines(t, 'w3').map(([when, text]) => [when.slice(0, 10), text.split('\n')[0]])).toEqual([
      ['2026-03-07', '今天别忘了去检查：'],
      ['2026-03-09', '您约的2026年3月7日 下午在项城市妇幼保健院的NT超声检查，医院没有记到您去。没关系，身体要紧，回复“预约”可以重新约个时间。'],
    ]);
    expect(await db.outboxMessage.count({ where: { status: { in: ['queued', 'sending'] }, notBefore: { lte: sh('2026-03-09 12:00') } } })).toBe(0);
  });

  it('stopped for 60 days: each pregnancy gets one late message at most, no screening said twice, all worded for the day they go out; closed windows are recorded', async () => {
    database = await createTestDatabase();
    t = await startTestApp({ database, start: '2026-03-02T09:00:00+08:00' });
    const db: Db = t.app.dbHandle.db;
    // 40 pregnancies due from 2026-08-01, five days apart: their alerts fall all through the stop
    for (let i = 0; i < 40; i++) {
      await woman(db, `w${i}`);
      await pregnancy(db, `w${i}`, { dueDate: addDays('2026-08-01', i * 5) });
    }
    await t.app.catchUp(sh('2026-03-02 09:00'), sh('2026-03-02 21:00'));
    await t.stop();

    t = await startTestApp({ database, start: '2026-05-01T09:00:00+08:00' });
    await t.app.catchUp(sh('2026-05-01 09:00'), sh('2026-05-01 12:00'));
    const sent = await t.app.dbHandle.db.outboxMessage.findMany({ where: { status: 'sent' }, select: { dedupeKey: true, text: true } });
    // one late message per pregnancy (today's own alerts may follow at 10:00), and no screening said twice
    const late = new Map<string, number>();
    const said = new Map<string, string[]>();
    for (const m of sent) {
      const [, pregnancyId, day] = m.dedupeKey.split(':');
      if (day < '2026-05-01') late.set(pregnancyId, (late.get(pregnancyId) ?? 0) + 1);
      const lines = m.text
        .split('\n')
        .filter((l) => l.startsWith('· '))
        .map((l) => l.split('：')[0]);
      said.set(pregnancyId, [...(said.get(pregnancyId) ?? []), ...lines]);
    }
    expect(late.size).toBeGreaterThan(20);
    expect(Math.max(...late.values())).toBe(1);
    for (const lines of said.values()) expect(new Set(lines).size).toBe(lines.length);
    for (const m of sent) {
      // the header counts the weeks of the day it went out, and no late alert says "3天后" or "从今天起"
      expect(m.text).toMatch(/^孕期提醒：您今天怀孕\d+周(\d+天)?了/);
      if (m.dedupeKey.split(':')[2] < '2026-05-01') expect(m.text).not.toMatch(/天后（|从今天起/);
    }
    expect(await t.app.dbHandle.db.reminderDrop.count({ where: { reason: 'window_closed' } })).toBeGreaterThan(20);
  }, 60_000);

  it('killed with SIGKILL in the middle of a clock jump: started again, the jump ends with every message sent once, in its own words', async () => {
    database = await createTestDatabase();
    t = await startTestApp({ database, start: '2026-03-02T09:00:00+08:00' });
    const db: Db = t.app.dbHandle.db;
    // w1: NT alerts on 03-06 ("3天后") and 03-09 ("从今天起"); w3: a visit on 03-07 afternoon (reminded 03-06 18:00)
    await woman(db, 'w1');
    await pregnancy(db, 'w1', { dueDate: '2026-09-28' });
    await woman(db, 'w3');
    await bookingRow(db, 'w3', { serviceId: 'nt', day: '2026-03-07', session: 'pm', status: 'confirmed', code: 'W3CODE' });
    await t.stop();
    t = undefined;

    // the jump to 03-12 noon in another process, killed as it sends its second message (w3's reminder)
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/e2e/jumpWorker.ts', database.url, sh('2026-03-02 09:00').toISOString(), sh('2026-03-12 12:00').toISOString(), '2'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
    expect(signal, err.slice(-2000)).toBe('SIGKILL');
    const before = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { to: string; text: string; at: string });
    expect(before.map((m) => [m.to, m.at, m.text.split('\n')[1]])).toEqual([
      ['ext-w1', '2026-03-06T02:00:00.000Z', '· NT超声检查：3天后（2026年3月9日）就可以做了，要在怀孕11周到13周6天之间做。'],
    ]);

    // started again (a clock the simulator would start from: where the jump's work stopped, not its end)
    const start = await simulatorClockStart(db, undefined, sh('2026-01-01 00:00'));
    expect(start.getTime()).toBeLessThan(sh('2026-03-06 18:00').getTime());
    const clock = new AdjustableClock(start, () => 0);
    const app = await createApp({ config: testConfig(database.url), clock, logger: createLogger('silent'), migrate: false, realTimeSending: false });
    const port = await app.start();
    try {
      const r = await fetch(`http://127.0.0.1:${port}/simulator/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: '2026-03-12T12:00:00+08:00' }),
      });
      expect(r.status).toBe(200);
      const sent = (id: string) =>
        app
          .simulator!.transcript(`ext-${id}`)
          .filter((m) => m.from === 'bot')
          .map((m) => [m.at.slice(0, 10), m.text.split('\n')[0], m.text.split('\n')[1]]);
      // w1's first alert went out before the kill and is not sent again; the second on its day
      expect(sent('w1')).toEqual([
        ['2026-03-09', '孕期提醒：您今天怀孕11周了（预产期2026年9月28日）。', '· NT超声检查：从今天起可以做了，最晚2026年3月29日（怀孕13周6天）。'],
      ]);
      // w3's reminder, never delivered (killed as it went out), is sent once, on its evening; her
      // visit not marked attended, she is told after it
      expect(sent('w3').map((m) => m.slice(0, 2))).toEqual([
        ['2026-03-06', '明天别忘了去检查：'],
        ['2026-03-12', '您约的2026年3月7日 下午在项城市妇幼保健院的NT超声检查，医院没有记到您去。没关系，身体要紧，回复“预约”可以重新约个时间。'],
      ]);
      expect(await db.outboxMessage.count({ where: { status: { not: 'sent' }, notBefore: { lte: sh('2026-03-12 12:00') } } })).toBe(0);
      expect((await db.simulatorClock.findUniqueOrThrow({ where: { id: 1 } })).now).toEqual(sh('2026-03-12 12:00'));
    } finally {
      await app.stop();
    }
    // (a process of its own loads the whole app: 25 s on a busy 2-core machine)
  }, 120_000);
});
