// A query with several long IN lists (the reminder planner reads a page of 2,000 women's bookings
// for a few services and statuses) must run on both databases: Prisma assumed SQLite allows 999
// bound values unless the adapter says otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../support/testDb.js';

describe.skipIf(dbUnavailable)('bound values', () => {
  let database: TestDatabase;
  let h: DbHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
  });
  afterAll(async () => {
    await h.close();
    await database.drop();
  });

  it('a query with 2,000 ids and two more lists runs and finds its rows', async () => {
    await h.db.contact.createMany({ data: Array.from({ length: 3 }, (_, i) => ({ id: `c${i}`, channel: 'simulator', externalId: `x${i}` })) });
    const ids = Array.from({ length: 2000 }, (_, i) => `c${i}`);
    const rows = await h.db.contact.findMany({
      where: { id: { in: ids }, channel: { in: ['simulator', 'wechat', 'sms'] }, consent: { in: ['none', 'given'] } },
      orderBy: { id: 'asc' },
      select: { id: true },
    });
    expect(rows.map((r) => r.id)).toEqual(['c0', 'c1', 'c2']);
  });
});
