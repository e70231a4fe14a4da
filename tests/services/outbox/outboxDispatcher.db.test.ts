// The dispatcher on one database: pacing, daily cap, quiet hours, priority and catch-up over
// simulated time. Times are injected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/support/clock.js';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import { OutboxDispatcher, type OutboxDispatcherDeps } from '../../../src/services/outbox/OutboxDispatcher.js';
import type { OutboxSettings } from '../../../src/services/outbox/outboxSettings.js';
import { createTestDatabase, dbUnavailable, testProvider, type TestDatabase } from '../../support/testDb.js';
import { FakeChannel, MIN, queue, sh, silentLogger, testSettings, woman } from './outboxTestKit.js';

describe.skipIf(dbUnavailable)(`OutboxDispatcher (${testProvider})`, () => {
  let database: TestDatabase;
  let h: DbHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  let accountSeq = 0;
  /** A dispatcher serving one fresh account only, so the tests sharing this database stay apart. */
  function setup(settings: Partial<OutboxSettings> = {}, over: Partial<OutboxDispatcherDeps> = {}) {
    const account = `acc-${accountSeq++}`;
    const channel = new FakeChannel();
    const dispatcher = new OutboxDispatcher({
      db: h.db,
      provider: h.provider,
      channels: new Map([['simulator', channel]]),
      logger: silentLogger,
      processId: 'test-process',
      settings: testSettings(settings),
      random: () => 0,
      accounts: [account],
      ...over,
    });
    return { account, channel, dispatcher };
  }
  const row = (id: string) => h.db.outboxMessage.findUniqueOrThrow({ where: { id } });
  const sentAt = async (ids: string[]) => (await Promise.all(ids.map(row))).map((r) => r.sentAt?.toISOString());

  it('paces one account: the second message not before minInterval plus the jitter, jitter bounded', async () => {
    const { account, channel, dispatcher } = setup({ minIntervalMs: 30_000, maxJitterMs: 10_000 }, { random: () => 0.5 });
    const w = await woman(h.db);
    const t = sh('2026-03-02 10:00');
    const a = await queue(h.db, w, `${account}:a`, { account, notBefore: t });
    const b = await queue(h.db, w, `${account}:b`, { account, notBefore: t });
    const r1 = await dispatcher.runOnce(t);
    expect(r1).toMatchObject({ sent: 1, failed: 0, cancelled: 0, retried: 0 });
    expect(r1.nextDueAt).toEqual(new Date(t.getTime() + 35_000));
    expect((await dispatcher.runOnce(new Date(t.getTime() + 34_999))).sent).toBe(0);
    expect((await dispatcher.runOnce(new Date(t.getTime() + 35_000))).sent).toBe(1);
    expect(channel.sent).toHaveLength(2);
    expect(await sentAt([a, b])).toEqual([t.toISOString(), new Date(t.getTime() + 35_000).toISOString()]);
    const acc = await h.db.sendAccount.findUniqueOrThrow({ where: { account } });
    expect(acc).toMatchObject({ day: '2026-03-02', sentToday: 2 });
    expect(acc.lastSentAt).toEqual(new Date(t.getTime() + 35_000));
  });

  it('keeps the jitter within [0, maxJitterMs] whatever the random source returns', async () => {
    for (const [draw, expected] of [
      [0, 30_000],
      [0.999999, 39_999.99],
      [1, 40_000],
      [7, 40_000],
      [-3, 30_000],
      [Number.NaN, 30_000],
    ] as const) {
      const { account, dispatcher } = setup({ minIntervalMs: 30_000, maxJitterMs: 10_000 }, { random: () => draw });
      const w = await woman(h.db);
      const t = sh('2026-03-02 11:00');
      await queue(h.db, w, `${account}:a`, { account, notBefore: t });
      await queue(h.db, w, `${account}:b`, { account, notBefore: t });
      const r = await dispatcher.runOnce(t);
      const wait = r.nextDueAt!.getTime() - t.getTime();
      expect(wait).toBeGreaterThanOrEqual(30_000);
      expect(wait).toBeLessThanOrEqual(40_000);
      expect(wait).toBeCloseTo(expected, -1);
    }
  });

  it('respects the daily cap: with a cap of 3 the 4th waits for the next Shanghai day (after the quiet hours)', async () => {
    const { account, channel, dispatcher } = setup({ minIntervalMs: MIN, dailyCap: 3 });
    const w = await woman(h.db);
    const t = sh('2026-03-02 10:00');
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await queue(h.db, w, `${account}:${i}`, { account, notBefore: t }));
    const r = await dispatcher.catchUp(t, sh('2026-03-02 20:59'));
    expect(r.sent).toBe(3);
    expect(r.nextDueAt).toEqual(sh('2026-03-03 08:00'));
    expect(channel.sent).toHaveLength(3);
    expect((await dispatcher.runOnce(sh('2026-03-02 23:59'))).sent).toBe(0);
    expect((await dispatcher.runOnce(sh('2026-03-03 07:59'))).sent).toBe(0);
    expect((await dispatcher.runOnce(sh('2026-03-03 08:00'))).sent).toBe(1);
    expect(await sentAt(ids)).toEqual(
      [sh('2026-03-02 10:00'), sh('2026-03-02 10:01'), sh('2026-03-02 10:02'), sh('2026-03-03 08:00')].map((d) => d.toISOString()),
    );
    expect(await h.db.sendAccount.findUniqueOrThrow({ where: { account } })).toMatchObject({ day: '2026-03-03', sentToday: 1 });
  });

  it('the daily cap counts the Shanghai day, not the UTC day', async () => {
    // 2026-03-02 23:30 UTC is already 07:30 on 03-03 in Shanghai; the quiet hours are off here
    const { account, dispatcher } = setup({ minIntervalMs: MIN, dailyCap: 1, quietStartHour: 0, quietEndHour: 0 });
    const w = await woman(h.db);
    await queue(h.db, w, `${account}:a`, { account, notBefore: new Date('2026-03-02T15:30:00Z') });
    await queue(h.db, w, `${account}:b`, { account, notBefore: new Date('2026-03-02T15:30:00Z') });
    expect((await dispatcher.runOnce(new Date('2026-03-02T15:30:00Z'))).sent).toBe(1); // 23:30 Shanghai, 03-02
    const r = await dispatcher.runOnce(new Date('2026-03-02T15:59:00Z'));
    expect(r.sent).toBe(0);
    expect(r.nextDueAt).toEqual(new Date('2026-03-02T16:00:00Z')); // Shanghai midnight
    expect((await dispatcher.runOnce(new Date('2026-03-02T16:00:00Z'))).sent).toBe(1);
  });

  it('sends nothing in the quiet hours: a message due at 22:00 goes at 08:00 the next morning, across midnight', async () => {
    const { account, channel, dispatcher } = setup();
    const w = await woman(h.db);
    const id = await queue(h.db, w, `${account}:late`, { account, notBefore: sh('2026-03-02 22:00') });
    const r = await dispatcher.runOnce(sh('2026-03-02 22:00'));
    expect(r.sent).toBe(0);
    expect(r.nextDueAt).toEqual(sh('2026-03-03 08:00'));
    for (const at of ['2026-03-02 23:59', '2026-03-03 00:00', '2026-03-03 03:00', '2026-03-03 07:59']) {
      expect((await dispatcher.runOnce(sh(at))).sent).toBe(0);
    }
    expect(channel.sent).toHaveLength(0);
    expect((await row(id)).status).toBe('queued');
    expect((await dispatcher.runOnce(sh('2026-03-03 08:00'))).sent).toBe(1);
    expect((await row(id)).sentAt).toEqual(sh('2026-03-03 08:00'));
  });

  it('quiet hours that do not wrap midnight (12:00-14:00) hold messages only inside them', async () => {
    const { account, dispatcher } = setup({ quietStartHour: 12, quietEndHour: 14, minIntervalMs: 1000 });
    const w = await woman(h.db);
    await queue(h.db, w, `${account}:a`, { account, notBefore: sh('2026-03-02 12:30') });
    const r = await dispatcher.runOnce(sh('2026-03-02 12:30'));
    expect(r).toMatchObject({ sent: 0, nextDueAt: sh('2026-03-02 14:00') });
    expect((await dispatcher.runOnce(sh('2026-03-02 14:00'))).sent).toBe(1);
    await queue(h.db, w, `${account}:b`, { account, notBefore: sh('2026-03-02 23:00') });
    expect((await dispatcher.runOnce(sh('2026-03-02 23:00'))).sent).toBe(1); // night is allowed here
  });

  it('sends replies ahead of notices ahead of bulk, then by notBefore', async () => {
    const { account, channel, dispatcher } = setup({ minIntervalMs: 30_000 });
    const w = await woman(h.db);
    await queue(h.db, w, `${account}:bulk`, { account, priority: 2, notBefore: sh('2026-03-02 09:00'), text: 'bulk' });
    await queue(h.db, w, `${account}:notice-late`, { account, priority: 1, notBefore: sh('2026-03-02 09:40'), text: 'notice-late' });
    await queue(h.db, w, `${account}:notice`, { account, priority: 1, notBefore: sh('2026-03-02 09:30'), text: 'notice' });
    await queue(h.db, w, `${account}:reply`, { account, priority: 0, notBefore: sh('2026-03-02 10:00'), text: 'reply' });
    await queue(h.db, w, `${account}:future`, { account, priority: 0, notBefore: sh('2026-03-02 12:00'), text: 'future' });
    await dispatcher.catchUp(sh('2026-03-02 10:00'), sh('2026-03-02 10:10'));
    expect(channel.sent.map((s) => s.text)).toEqual(['reply', 'notice', 'notice-late', 'bulk']);
  });

  it('catchUp sends a backlog at paced simulated times, skipping the quiet hours, and stops at `to`', async () => {
    const { account, channel, dispatcher } = setup({ minIntervalMs: 20 * MIN });
    const w = await woman(h.db);
    const ids = [];
    for (let i = 0; i < 8; i++) ids.push(await queue(h.db, w, `${account}:${i}`, { account, notBefore: sh('2026-03-02 19:30'), text: `n${i}` }));
    const first = await dispatcher.catchUp(sh('2026-03-02 20:00'), sh('2026-03-03 08:30'));
    expect(first).toMatchObject({ sent: 5, nextDueAt: sh('2026-03-03 08:40') });
    const rest = await dispatcher.catchUp(sh('2026-03-03 08:30'), sh('2026-03-03 12:00'));
    expect(rest.sent).toBe(3);
    expect(rest.nextDueAt).toBeUndefined();
    expect(channel.sent.map((s) => s.text)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7']);
    const expected = [
      '2026-03-02 20:00',
      '2026-03-02 20:20',
      '2026-03-02 20:40',
      '2026-03-03 08:00',
      '2026-03-03 08:20',
      '2026-03-03 08:40',
      '2026-03-03 09:00',
      '2026-03-03 09:20',
    ];
    expect(await sentAt(ids)).toEqual(expected.map((s) => sh(s).toISOString()));
  });

  it('catchUp is bounded by catchUpLimit passes', async () => {
    const { account, channel, dispatcher } = setup({ minIntervalMs: MIN, catchUpLimit: 3 });
    const w = await woman(h.db);
    for (let i = 0; i < 10; i++) await queue(h.db, w, `${account}:${i}`, { account, notBefore: sh('2026-03-02 10:00') });
    const r = await dispatcher.catchUp(sh('2026-03-02 10:00'), sh('2026-03-02 20:00'));
    expect(r.sent).toBe(3);
    expect(channel.sent).toHaveLength(3);
    expect(r.nextDueAt).toEqual(sh('2026-03-02 10:03'));
  });

  it('while held (a clock jump delivering), the real-time loop sends nothing at the jumped time; the jump sends it at its own', async () => {
    const { account, channel, dispatcher } = setup();
    const w = await woman(h.db);
    const id = await queue(h.db, w, `${account}:held`, { account, notBefore: sh('2026-03-02 10:00') });
    // the clock already shows where the jump ends, the next day
    const clock = new FixedClock(sh('2026-03-03 12:00'));
    await dispatcher.whileHeld(async () => {
      expect(await dispatcher.realTimePass(clock)).toBeUndefined();
      expect((await row(id)).status).toBe('queued');
      await dispatcher.catchUp(sh('2026-03-02 09:00'), sh('2026-03-03 12:00'));
    });
    expect(await sentAt([id])).toEqual([sh('2026-03-02 10:00').toISOString()]);
    expect(channel.sent).toHaveLength(1);
    // released: the loop passes again
    expect(await dispatcher.realTimePass(clock)).toMatchObject({ sent: 0 });
  });
});
