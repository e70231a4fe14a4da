// The dispatcher when things go wrong: failing sends, throttling, crashes, opt-outs, offline channels,
// and its real-time loop and job. Times are injected.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FixedClock } from '../../../src/support/clock.js';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import { OutboxDispatcher, type OutboxDispatcherDeps } from '../../../src/services/outbox/OutboxDispatcher.js';
import type { OutboxSettings } from '../../../src/services/outbox/outboxSettings.js';
import { createTestDatabase, dbUnavailable, testProvider, type TestDatabase } from '../../support/testDb.js';
import { FakeChannel, MIN, queue, sh, silentLogger, testSettings, woman } from './outboxTestKit.js';

describe.skipIf(dbUnavailable)(`OutboxDispatcher failures and loop (${testProvider})`, () => {
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

  it('retries a failing send with exponential back-off, then marks it failed after maxAttempts with the last error', async () => {
    const { account, channel, dispatcher } = setup({ minIntervalMs: 1000, backoffBaseMs: MIN, maxBackoffMs: 60 * MIN });
    channel.always = 'fail';
    const w = await woman(h.db);
    const t = sh('2026-03-02 10:00');
    const id = await queue(h.db, w, `${account}:x`, { account, notBefore: t, maxAttempts: 3, text: '您的检查结果已出' });
    expect(await dispatcher.runOnce(t)).toMatchObject({ sent: 0, retried: 1, failed: 0, nextDueAt: new Date(t.getTime() + MIN) });
    let r = await row(id);
    expect(r).toMatchObject({ status: 'queued', attempts: 1, claimedBy: null });
    expect(r.notBefore).toEqual(new Date(t.getTime() + MIN));
    expect(r.lastError).toContain('network down');
    expect(r.lastError).not.toContain(w.externalId);
    expect(r.lastError).not.toContain('检查结果');
    expect((await dispatcher.runOnce(new Date(t.getTime() + MIN - 1))).retried).toBe(0);
    expect((await dispatcher.runOnce(new Date(t.getTime() + MIN))).retried).toBe(1);
    r = await row(id);
    expect(r.attempts).toBe(2);
    expect(r.notBefore).toEqual(new Date(t.getTime() + 3 * MIN)); // + 2 minutes
    const last = await dispatcher.runOnce(new Date(t.getTime() + 3 * MIN));
    expect(last).toMatchObject({ failed: 1, retried: 0 });
    expect(last.nextDueAt).toBeUndefined();
    r = await row(id);
    expect(r).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    expect(r.lastError).toMatch(/^Error: network down/);
    expect((await dispatcher.runOnce(new Date(t.getTime() + 60 * MIN))).failed).toBe(0);
  });

  it('caps the back-off at maxBackoffMs', async () => {
    const { account, channel, dispatcher } = setup({ minIntervalMs: 1000, backoffBaseMs: 10 * MIN, maxBackoffMs: 15 * MIN });
    channel.always = 'fail';
    const w = await woman(h.db);
    const t = sh('2026-03-02 10:00');
    const id = await queue(h.db, w, `${account}:x`, { account, notBefore: t, maxAttempts: 5 });
    await dispatcher.runOnce(t);
    expect((await row(id)).notBefore).toEqual(new Date(t.getTime() + 10 * MIN));
    await dispatcher.runOnce(new Date(t.getTime() + 10 * MIN));
    expect((await row(id)).notBefore).toEqual(new Date(t.getTime() + 25 * MIN)); // 20 capped to 15
  });

  for (const kind of ['throttle', 'throttle-text'] as const) {
    it(`a throttle (${kind === 'throttle' ? 'ChannelThrottledError' : '操作过于频繁'}) backs the account off and does not count an attempt`, async () => {
      const { account, channel, dispatcher } = setup({ minIntervalMs: 30_000, throttleBackoffMs: 6 * 60 * MIN });
      channel.next = [kind];
      const w = await woman(h.db);
      const t = sh('2026-03-02 09:00');
      const id = await queue(h.db, w, `${account}:x`, { account, notBefore: t });
      const r = await dispatcher.runOnce(t);
      expect(r).toMatchObject({ sent: 0, retried: 0, failed: 0, throttled: 1, nextDueAt: sh('2026-03-02 15:00') });
      const m = await row(id);
      expect(m).toMatchObject({ status: 'queued', attempts: 0, claimedBy: null });
      expect(m.notBefore).toEqual(t);
      expect(m.lastError).toMatch(/^throttled/);
      const acc = await h.db.sendAccount.findUniqueOrThrow({ where: { account } });
      expect(acc.backoffUntil).toEqual(sh('2026-03-02 15:00'));
      expect(acc.sentToday).toBe(0);
      expect((await dispatcher.runOnce(sh('2026-03-02 14:59'))).sent).toBe(0);
      expect((await dispatcher.runOnce(sh('2026-03-02 15:00'))).sent).toBe(1);
      expect(channel.sent).toHaveLength(1);
    });
  }

  it('a crash between send and mark repeats only that message, once; the others go exactly once', async () => {
    let crashes = 1;
    const { account, channel, dispatcher } = setup(
      { minIntervalMs: 30_000, claimTtlMs: 5 * MIN },
      {
        beforeMarkSent: () => {
          if (crashes-- > 0) throw new Error('process died');
        },
      },
    );
    const w1 = await woman(h.db);
    const w2 = await woman(h.db);
    const w3 = await woman(h.db);
    const t = sh('2026-03-02 10:00');
    const a = await queue(h.db, w1, `${account}:a`, { account, priority: 0, notBefore: t });
    await queue(h.db, w2, `${account}:b`, { account, notBefore: t });
    await queue(h.db, w3, `${account}:c`, { account, notBefore: t });
    expect((await dispatcher.runOnce(t)).sent).toBe(0);
    expect(await row(a)).toMatchObject({ status: 'sending', claimedBy: 'test-process' });
    const r = await dispatcher.catchUp(new Date(t.getTime() + 30_000), sh('2026-03-02 11:00'));
    expect(r.sent).toBe(3);
    expect(Object.fromEntries(channel.countsByExternalId())).toEqual({ [w1.externalId]: 2, [w2.externalId]: 1, [w3.externalId]: 1 });
    expect(await row(a)).toMatchObject({ status: 'sent', claimedBy: null });
    // taken over strictly after its claim expired
    expect((await row(a)).sentAt!.getTime()).toBeGreaterThan(t.getTime() + 5 * MIN);
  });

  it("takes over a row another process left 'sending' past claimedUntil, and leaves a live claim alone", async () => {
    const { account, channel, dispatcher } = setup({ minIntervalMs: 1000 });
    const w1 = await woman(h.db);
    const w2 = await woman(h.db);
    const t = sh('2026-03-02 10:00');
    const stuck = await queue(h.db, w1, `${account}:stuck`, { account, notBefore: t });
    const live = await queue(h.db, w2, `${account}:live`, { account, notBefore: t });
    await h.db.outboxMessage.update({ where: { id: stuck }, data: { status: 'sending', claimedBy: 'dead', claimedUntil: new Date(t.getTime() - 1) } });
    await h.db.outboxMessage.update({ where: { id: live }, data: { status: 'sending', claimedBy: 'alive', claimedUntil: new Date(t.getTime() + MIN) } });
    await dispatcher.catchUp(t, new Date(t.getTime() + 30_000));
    expect(channel.sent.map((s) => s.externalId)).toEqual([w1.externalId]);
    expect(await row(stuck)).toMatchObject({ status: 'sent' });
    expect(await row(live)).toMatchObject({ status: 'sending', claimedBy: 'alive' });
  });

  it('cancels, never sends, messages to a woman who opted out, declined, withdrew or no longer exists', async () => {
    const { account, channel, dispatcher } = setup({ minIntervalMs: 30_000 });
    const t = sh('2026-03-02 10:00');
    const optedOut = await woman(h.db, { subscribed: false });
    const declined = await woman(h.db, { consent: 'declined' });
    const withdrawn = await woman(h.db);
    const fine = await woman(h.db);
    const a = await queue(h.db, optedOut, `${account}:out`, { account, priority: 0, notBefore: t });
    const b = await queue(h.db, declined, `${account}:declined`, { account, priority: 0, notBefore: t });
    await queue(h.db, withdrawn, `${account}:withdrawn`, { account, priority: 0, notBefore: t });
    const orphan = await h.db.outboxMessage.create({
      data: { channel: 'simulator', externalId: 'orphan', account, text: 'x', priority: 0, dedupeKey: `${account}:orphan`, notBefore: t, createdAt: t },
    });
    const ok = await queue(h.db, fine, `${account}:fine`, { account, priority: 2, notBefore: t });
    await h.db.contact.delete({ where: { id: withdrawn.id } }); // her rows cascade away
    const r = await dispatcher.runOnce(t);
    expect(r).toMatchObject({ cancelled: 3, sent: 1 }); // cancelling takes no send slot
    expect(channel.sent.map((s) => s.externalId)).toEqual([fine.externalId]);
    expect(await row(a)).toMatchObject({ status: 'cancelled', lastError: 'cancelled: unsubscribed' });
    expect(await row(b)).toMatchObject({ status: 'cancelled', lastError: 'cancelled: consent declined' });
    expect(await row(orphan.id)).toMatchObject({ status: 'cancelled' });
    expect(await h.db.outboxMessage.count({ where: { dedupeKey: `${account}:withdrawn` } })).toBe(0);
    expect((await row(ok)).status).toBe('sent');
  });

  it('waits, without counting an attempt, while the channel is offline', async () => {
    const { account, channel, dispatcher } = setup();
    channel.state = 'waiting_for_scan';
    const w = await woman(h.db);
    const t = sh('2026-03-02 10:00');
    const id = await queue(h.db, w, `${account}:x`, { account, notBefore: t });
    expect(await dispatcher.runOnce(t)).toMatchObject({ sent: 0, retried: 0, failed: 0 });
    expect(await dispatcher.catchUp(t, sh('2026-03-02 12:00'))).toMatchObject({ sent: 0 });
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 0, claimedBy: null });
    channel.state = 'online';
    expect((await dispatcher.runOnce(t)).sent).toBe(1);
  });

  it('a message for a channel this process lacks counts failed attempts (visible to staff)', async () => {
    const { account, dispatcher } = setup({ minIntervalMs: 1000 });
    const w = await woman(h.db);
    const t = sh('2026-03-02 10:00');
    const id = await queue(h.db, w, `${account}:x`, { account, notBefore: t, channel: 'sms', maxAttempts: 1 });
    expect(await dispatcher.runOnce(t)).toMatchObject({ failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed', lastError: 'no channel "sms" in this process' });
  });

  it('serves only its own accounts', async () => {
    const mine = setup({ minIntervalMs: 1000 });
    const other = setup();
    const w = await woman(h.db);
    const t = sh('2026-03-02 10:00');
    const theirs = await queue(h.db, w, `${other.account}:x`, { account: other.account, notBefore: t });
    await queue(h.db, w, `${mine.account}:x`, { account: mine.account, notBefore: t });
    expect((await mine.dispatcher.runOnce(t)).sent).toBe(1);
    expect((await row(theirs)).status).toBe('queued');
  });

  it('start runs passes in real time on the injected clock; stop waits for the send in flight', async () => {
    const { account, channel, dispatcher } = setup();
    const clock = new FixedClock(sh('2026-03-02 10:00'));
    const w = await woman(h.db);
    const id = await queue(h.db, w, `${account}:x`, { account, notBefore: sh('2026-03-02 09:00') });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered = false;
    channel.delay = async () => {
      entered = true;
      await gate;
    };
    dispatcher.start(clock);
    dispatcher.start(clock); // idempotent
    await vi.waitFor(() => expect(entered).toBe(true));
    let stopped = false;
    const stopping = dispatcher.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(channel.sent).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: 'sent' });
    expect((await row(id)).sentAt).toEqual(sh('2026-03-02 10:00'));
    // after stop nothing more is sent
    channel.delay = undefined;
    await queue(h.db, w, `${account}:y`, { account, notBefore: sh('2026-03-02 09:00') });
    clock.set(sh('2026-03-02 11:00'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(channel.sent).toHaveLength(1);
  });
});
