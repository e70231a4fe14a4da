// Several dispatchers over one database never send a message twice, and share each account's pacing.
import { raceWorkers, startWorker } from '../../support/workerProcess.js';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import { OutboxDispatcher } from '../../../src/services/outbox/OutboxDispatcher.js';
import { createTestDatabase, dbUnavailable, testProvider, type TestDatabase } from '../../support/testDb.js';
import { FakeChannel, queue, sh, silentLogger, testSettings, woman } from './outboxTestKit.js';

/** A small seeded generator, so the jitter is reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const yieldTicks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe.skipIf(dbUnavailable)(`outbox with several dispatchers (${testProvider})`, () => {
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

  /**
   * A second dispatcher's database client. On PostgreSQL its own client (pool), as another process would
   * have. SQLite is one writer per process (env-notes): two clients on one file in one process block each
   * other, so there the second dispatcher shares the client and the race is between interleaved passes.
   */
  const secondHandle = (): DbHandle => (testProvider === 'postgres' ? openDb(database.url) : { ...h, close: async () => undefined });

  /** `perAccount` messages to as many women for each of `accounts` bot accounts, all due at `at`. */
  async function backlog(prefix: string, accounts: number, perAccount: number, at: Date) {
    const ids: string[] = [];
    for (let a = 0; a < accounts; a++) {
      for (let i = 0; i < perAccount; i++) {
        const w = await woman(h.db);
        ids.push(await queue(h.db, w, `${prefix}:${a}:${i}`, { account: `${prefix}-${a}`, priority: ((a + i) % 3) as 0 | 1 | 2, notBefore: at }));
      }
    }
    return ids;
  }

  it('two dispatchers over 200 messages to 20 accounts: each message once, pacing shared', { timeout: 90_000 }, async () => {
    const t0 = sh('2026-03-02 10:00');
    const ids = await backlog('pair', 20, 10, t0);
    const accounts = Array.from({ length: 20 }, (_, a) => `pair-${a}`);
    const second = secondHandle();
    try {
      const settings = testSettings({ minIntervalMs: 1000, maxJitterMs: 500 });
      const channels = [new FakeChannel(), new FakeChannel()];
      const random = seeded(42);
      for (const c of channels) c.delay = () => yieldTicks(Math.floor(random() * 5));
      const dispatchers = [h, second].map(
        (handle, i) =>
          new OutboxDispatcher({
            db: handle.db,
            provider: handle.provider,
            channels: new Map([['simulator', channels[i]]]),
            logger: silentLogger,
            processId: `proc-${i}`,
            settings,
            random: seeded(i + 1),
            accounts,
            accountConcurrency: 4,
          }),
      );
      let t = t0.getTime();
      for (let step = 0; step < 400; step++, t += 250) {
        await Promise.all(dispatchers.map((d) => d.runOnce(new Date(t))));
        if ((await h.db.outboxMessage.count({ where: { id: { in: ids }, status: { not: 'sent' } } })) === 0) break;
      }
      const counts = new Map<string, number>();
      for (const c of channels) for (const [k, v] of c.countsByExternalId()) counts.set(k, (counts.get(k) ?? 0) + v);
      expect(counts.size).toBe(200);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(channels[0].sent.length).toBeGreaterThan(0);
      expect(channels[1].sent.length).toBeGreaterThan(0);
      // each account's sends at least minInterval apart, whichever dispatcher sent them
      const rows = await h.db.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { sentAt: 'asc' } });
      expect(rows.every((r) => r.status === 'sent')).toBe(true);
      const byAccount = new Map<string, number[]>();
      for (const r of rows) byAccount.set(r.account, [...(byAccount.get(r.account) ?? []), r.sentAt!.getTime()]);
      for (const times of byAccount.values()) {
        for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(1000);
      }
      const rows2 = await h.db.sendAccount.findMany({ where: { account: { in: accounts } } });
      expect(rows2.reduce((s, a) => s + a.sentToday, 0)).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('two dispatchers racing at the same instant without pacing still never send a message twice', { timeout: 90_000 }, async () => {
    const t0 = sh('2026-03-03 10:00');
    const ids = await backlog('race', 10, 20, t0);
    const accounts = Array.from({ length: 10 }, (_, a) => `race-${a}`);
    const second = secondHandle();
    try {
      const channels = [new FakeChannel(), new FakeChannel()];
      for (const c of channels) c.delay = () => yieldTicks(1 + Math.floor(Math.random() * 3));
      const dispatchers = [h, second].map(
        (handle, i) =>
          new OutboxDispatcher({
            db: handle.db,
            provider: handle.provider,
            channels: new Map([['simulator', channels[i]]]),
            logger: silentLogger,
            processId: `racer-${i}`,
            settings: testSettings({ minIntervalMs: 0 }),
            accounts,
            accountConcurrency: 5,
          }),
      );
      for (let round = 0; round < 20; round++) {
        await Promise.all(dispatchers.map((d) => d.runOnce(t0)));
        if ((await h.db.outboxMessage.count({ where: { id: { in: ids }, status: { not: 'sent' } } })) === 0) break;
      }
      const all = [...channels[0].sent, ...channels[1].sent].map((s) => s.externalId);
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
    } finally {
      await second.close();
    }
  });

  it.skipIf(testProvider !== 'postgres')('two OS processes on PostgreSQL over 200 messages never send a message twice', { timeout: 90_000 }, async () => {
    const t0 = sh('2026-03-04 10:00');
    const ids = await backlog('os', 20, 10, t0);
    const script = path.join(import.meta.dirname, 'dispatchWorker.ts');
    const [a, b] = (
      await raceWorkers(
        ['os-proc-a', 'os-proc-b'].map((processId) => startWorker<{ sent: string[] }>(script, [database.url, processId, t0.toISOString()], processId)),
      )
    ).map((r) => r.sent);
    const all = [...a, ...b];
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(await h.db.outboxMessage.count({ where: { id: { in: ids }, status: 'sent' } })).toBe(200);
  });
});
