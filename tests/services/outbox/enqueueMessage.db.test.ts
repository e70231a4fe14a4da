// Writing to the outbox: in the caller's transaction, never the same dedupe key twice, rows Prisma reads back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import { cancelQueuedMessages, enqueueMessage } from '../../../src/services/outbox/enqueueMessage.js';
import type { OutboxItem } from '../../../src/services/outbox/outboxTypes.js';
import { createTestDatabase, dbUnavailable, testProvider, type TestDatabase } from '../../support/testDb.js';

describe.skipIf(dbUnavailable)(`enqueueMessage (${testProvider})`, () => {
  let database: TestDatabase;
  let h: DbHandle;
  const now = new Date('2026-03-02T01:02:03.456Z');
  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  const contact = (externalId: string) => h.db.contact.create({ data: { channel: 'simulator', externalId, consent: 'given' } });
  const item = (contactId: string, dedupeKey: string, over: Partial<OutboxItem> = {}): OutboxItem => ({
    contactId,
    channel: 'simulator',
    externalId: 'ext',
    text: '您好',
    priority: 1,
    dedupeKey,
    notBefore: new Date('2026-03-02T02:00:00Z'),
    ...over,
  });

  it('queues a message whose dates, defaults and id Prisma reads back exactly', async () => {
    const c = await contact('enq-1');
    expect(await enqueueMessage(h.db, item(c.id, 'k:1', { account: 'bot-a', priority: 0, maxAttempts: 3 }), now)).toBe(true);
    const row = await h.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'k:1' } });
    expect(row).toMatchObject({
      contactId: c.id,
      channel: 'simulator',
      account: 'bot-a',
      text: '您好',
      priority: 0,
      status: 'queued',
      attempts: 0,
      maxAttempts: 3,
      claimedBy: null,
      sentAt: null,
    });
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(row.notBefore.toISOString()).toBe('2026-03-02T02:00:00.000Z');
    expect(row.createdAt.toISOString()).toBe(now.toISOString());
    // Prisma's own comparisons see the raw-written dates as the same instants
    expect(await h.db.outboxMessage.count({ where: { dedupeKey: 'k:1', notBefore: { lte: new Date('2026-03-02T02:00:00Z') } } })).toBe(1);
    expect(await h.db.outboxMessage.count({ where: { dedupeKey: 'k:1', notBefore: { lt: new Date('2026-03-02T02:00:00Z') } } })).toBe(0);
    expect(await h.db.outboxMessage.count({ where: { dedupeKey: 'k:1', createdAt: now } })).toBe(1);
    // default account
    expect(await enqueueMessage(h.db, item(c.id, 'k:1b'), now)).toBe(true);
    expect((await h.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: 'k:1b' } })).account).toBe('default');
  });

  it('ids of messages queued at the same instant sort in queueing order', async () => {
    const c = await contact('enq-order');
    for (let i = 0; i < 20; i++) await enqueueMessage(h.db, item(c.id, `order:${String(i).padStart(2, '0')}`), now);
    const rows = await h.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'order:' } }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.dedupeKey)).toEqual([...rows.map((r) => r.dedupeKey)].sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(20);
  });

  it('refuses the same dedupe key a second time and changes nothing', async () => {
    const c = await contact('enq-2');
    expect(await enqueueMessage(h.db, item(c.id, 'k:2', { text: 'first' }), now)).toBe(true);
    expect(await enqueueMessage(h.db, item(c.id, 'k:2', { text: 'second' }), now)).toBe(false);
    const rows = await h.db.outboxMessage.findMany({ where: { dedupeKey: 'k:2' } });
    expect(rows.map((r) => r.text)).toEqual(['first']);
  });

  it('a duplicate inside a transaction does not abort it: the other writes commit', async () => {
    const c = await contact('enq-3');
    await enqueueMessage(h.db, item(c.id, 'k:3'), now);
    const result = await h.db.$transaction(async (tx) => {
      const again = await enqueueMessage(tx, item(c.id, 'k:3'), now);
      const other = await enqueueMessage(tx, item(c.id, 'k:3-other'), now);
      await tx.contact.update({ where: { id: c.id }, data: { noShows: 1 } });
      return { again, other };
    });
    expect(result).toEqual({ again: false, other: true });
    expect((await h.db.contact.findUniqueOrThrow({ where: { id: c.id } })).noShows).toBe(1);
    expect(await h.db.outboxMessage.count({ where: { dedupeKey: { in: ['k:3', 'k:3-other'] } } })).toBe(2);
  });

  it('a rolled-back transaction leaves no message', async () => {
    const c = await contact('enq-4');
    await expect(
      h.db.$transaction(async (tx) => {
        await enqueueMessage(tx, item(c.id, 'k:4'), now);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await h.db.outboxMessage.count({ where: { dedupeKey: 'k:4' } })).toBe(0);
  });

  it('cancels only queued messages matching a contact or a dedupe-key prefix', async () => {
    const c = await contact('enq-5');
    const d = await contact('enq-6');
    for (const k of ['rem:b1:1', 'rem:b1:2', 'rem:b2:1', 'rem:b1_x']) await enqueueMessage(h.db, item(c.id, k), now);
    await enqueueMessage(h.db, item(d.id, 'rem:b1:3'), now);
    await h.db.outboxMessage.update({ where: { dedupeKey: 'rem:b1:2' }, data: { status: 'sent' } });
    expect(await cancelQueuedMessages(h.db, { dedupeKeyPrefix: 'rem:b1:' }, 'booking cancelled', now)).toBe(2);
    const byKey = Object.fromEntries((await h.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'rem:' } } })).map((r) => [r.dedupeKey, r]));
    expect(byKey['rem:b1:1']).toMatchObject({ status: 'cancelled', lastError: 'booking cancelled' });
    expect(byKey['rem:b1:3'].status).toBe('cancelled');
    expect(byKey['rem:b1:2'].status).toBe('sent');
    expect(byKey['rem:b2:1'].status).toBe('queued');
    expect(byKey['rem:b1_x'].status).toBe('queued'); // '_' is not a wildcard
    expect(await cancelQueuedMessages(h.db, { contactId: c.id }, 'withdrew', now)).toBe(2);
    expect(await h.db.outboxMessage.count({ where: { contactId: c.id, status: 'queued' } })).toBe(0);
    await expect(cancelQueuedMessages(h.db, {}, 'x', now)).rejects.toThrow();
  });
});
