// On SQLite (one connection) a write made while another caller's transaction is open must not be
// swallowed by that transaction's rollback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../support/testDb.js';

describe.skipIf(dbUnavailable)('writes outside a transaction', () => {
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

  it('survive another transaction rolling back meanwhile', async () => {
    await h.db.contact.create({ data: { id: 'c1', channel: 'simulator', externalId: 'a' } });
    let started!: () => void;
    const inside = new Promise<void>((r) => (started = r));
    const failing = h.db
      .$transaction(async (tx) => {
        await tx.contact.update({ where: { id: 'c1' }, data: { noShows: 1 } });
        started();
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    await inside;
    await h.db.contact.create({ data: { id: 'c2', channel: 'simulator', externalId: 'b' } });
    expect(await failing).toBe('roll back');
    const rows = await h.db.contact.findMany({ orderBy: { id: 'asc' }, select: { id: true, noShows: true } });
    expect(rows).toEqual([
      { id: 'c1', noShows: 0 },
      { id: 'c2', noShows: 0 },
    ]);
  });
});
