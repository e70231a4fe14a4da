// The one transaction helper: a conflict the database rolled back is run again and succeeds (a
// serialization failure and a deadlock on PostgreSQL, a busy file on SQLite), anything else is not
// retried, and a unique violation is recognised from model and raw queries on both databases.
import Database from 'better-sqlite3';
import pg from 'pg';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PrismaClient as SqliteClient } from '../../generated/sqlite/index.js';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { sqliteFilePath } from '../../src/db/databaseUrl.js';
import { isForeignKeyViolation, isRetryableConflict, isUniqueViolation, runTransaction } from '../../src/db/transaction.js';
import { createTestDatabase, dbUnavailable, testProvider, type TestDatabase } from '../support/testDb.js';

describe.skipIf(dbUnavailable)('runTransaction', () => {
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
  beforeEach(async () => {
    await h.db.contact.deleteMany({});
    await h.db.contact.createMany({
      data: [
        { id: 'a', channel: 'simulator', externalId: 'a' },
        { id: 'b', channel: 'simulator', externalId: 'b' },
      ],
    });
  });
  const noShows = async () => (await h.db.contact.findMany({ orderBy: { id: 'asc' }, select: { id: true, noShows: true } })).map((c) => `${c.id}=${c.noShows}`);

  it('commits what the function wrote and returns its value', async () => {
    const r = await runTransaction(h.db, async (tx) => {
      await tx.contact.update({ where: { id: 'a' }, data: { noShows: 3 } });
      return 'done';
    });
    expect(r).toBe('done');
    expect(await noShows()).toEqual(['a=3', 'b=0']);
  });

  it('does not retry the caller’s own error or a unique violation, and rolls back', async () => {
    let calls = 0;
    const boom = runTransaction(h.db, async (tx) => {
      calls++;
      await tx.contact.update({ where: { id: 'a' }, data: { noShows: 1 } });
      throw new Error('boom');
    });
    await expect(boom).rejects.toThrow('boom');
    expect(calls).toBe(1);

    calls = 0;
    const clash = runTransaction(h.db, async (tx) => {
      calls++;
      await tx.contact.update({ where: { id: 'a' }, data: { noShows: 1 } });
      await tx.contact.create({ data: { id: 'c', channel: 'simulator', externalId: 'b' } });
    });
    const err = await clash.catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    expect(isRetryableConflict(err)).toBe(false);
    expect(calls).toBe(1);
    expect(await noShows()).toEqual(['a=0', 'b=0']);
  });

  it('retries what the caller also names retryable, up to the attempts', async () => {
    let calls = 0;
    const r = runTransaction(
      h.db,
      async () => {
        calls++;
        throw new Error('known race');
      },
      { attempts: 3, retryAlso: (e) => (e as Error).message === 'known race' },
    );
    await expect(r).rejects.toThrow('known race');
    expect(calls).toBe(3);
  });

  it.runIf(testProvider === 'postgres')('PostgreSQL: a serialization failure (40001) is run again and succeeds', async () => {
    const other = new pg.Client({ connectionString: database.url });
    await other.connect();
    try {
      const retried: unknown[] = [];
      let calls = 0;
      await runTransaction(
        h.db,
        async (tx) => {
          calls++;
          await tx.$queryRaw`SELECT "noShows" FROM "Contact" WHERE "id" = 'a'`; // the snapshot is taken here
          if (calls === 1) await other.query(`UPDATE "Contact" SET "noShows" = "noShows" + 1 WHERE "id" = 'a'`);
          await tx.contact.update({ where: { id: 'a' }, data: { noShows: { increment: 1 } } });
        },
        { isolationLevel: 'RepeatableRead', onRetry: (e) => retried.push(e) },
      );
      expect(calls).toBe(2);
      expect(retried).toHaveLength(1);
      expect(isRetryableConflict(retried[0])).toBe(true);
      expect(await noShows()).toEqual(['a=2', 'b=0']); // the other writer's and ours, none lost
    } finally {
      await other.end();
    }
  });

  it.runIf(testProvider === 'postgres')('PostgreSQL: the victim of a deadlock (40P01) is run again and both commit', async () => {
    let locked = 0;
    let bothLocked!: () => void;
    const barrier = new Promise<void>((r) => (bothLocked = r));
    const retried: unknown[] = [];
    const lockBoth = (first: string, second: string) =>
      runTransaction(
        h.db,
        async (tx) => {
          await tx.$executeRaw`UPDATE "Contact" SET "noShows" = "noShows" + 1 WHERE "id" = ${first}`;
          if (++locked === 2) bothLocked();
          await barrier;
          await tx.contact.update({ where: { id: second }, data: { noShows: { increment: 10 } } });
        },
        { onRetry: (e) => retried.push(e) },
      );
    await Promise.all([lockBoth('a', 'b'), lockBoth('b', 'a')]);
    expect(retried).toHaveLength(1);
    expect(isRetryableConflict(retried[0])).toBe(true);
    expect(await noShows()).toEqual(['a=11', 'b=11']);
  });

  it.runIf(testProvider === 'sqlite')('SQLite: a file busy in another process (SQLITE_BUSY) is run again and succeeds', async () => {
    const file = sqliteFilePath(database.url);
    const otherProcess = new Database(file);
    // a client that gives up on a busy file after 20 ms (the app waits 5 s)
    const impatient = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: 20 }) });
    try {
      otherProcess.exec('BEGIN IMMEDIATE'); // holds the write lock
      const retried: unknown[] = [];
      let calls = 0;
      await runTransaction(
        impatient,
        async (tx) => {
          calls++;
          await tx.contact.update({ where: { id: 'a' }, data: { noShows: { increment: 1 } } });
        },
        {
          onRetry: (e) => {
            retried.push(e);
            otherProcess.exec('COMMIT'); // the other process is done
          },
        },
      );
      expect(calls).toBe(2);
      expect(isRetryableConflict(retried[0])).toBe(true);
      expect(await noShows()).toEqual(['a=1', 'b=0']);
    } finally {
      if (otherProcess.inTransaction) otherProcess.exec('ROLLBACK');
      otherProcess.close();
      await impatient.$disconnect();
    }
  });
});

describe.skipIf(dbUnavailable)('isUniqueViolation', () => {
  let database: TestDatabase;
  let h: DbHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
    await h.db.contact.create({ data: { id: 'a', channel: 'simulator', externalId: 'a' } });
  });
  afterAll(async () => {
    await h.close();
    await database.drop();
  });

  it('is true for a real unique violation from a model query and from a raw one', async () => {
    const model = await h.db.contact.create({ data: { id: 'x', channel: 'simulator', externalId: 'a' } }).catch((e: unknown) => e);
    const raw = await h.db
      .$executeRaw`INSERT INTO "Contact" ("id", "channel", "externalId", "updatedAt") VALUES ('a', 'simulator', 'z', CURRENT_TIMESTAMP)`.catch(
      (e: unknown) => e,
    );
    expect(isUniqueViolation(model)).toBe(true);
    expect(isUniqueViolation(raw)).toBe(true);
    expect(isForeignKeyViolation(model)).toBe(false);
  });

  it('is false for a foreign key violation, a missing row, a plain error and nothing', async () => {
    const fk = await h.db.fact.create({ data: { contactId: 'nobody', key: 'k', valueJson: '1' } }).catch((e: unknown) => e);
    const rawFk = await h.db
      .$executeRaw`INSERT INTO "Fact" ("contactId", "key", "valueJson", "updatedAt") VALUES ('nobody', 'k', '1', CURRENT_TIMESTAMP)`.catch((e: unknown) => e);
    const missing = await h.db.contact.update({ where: { id: 'nobody' }, data: { noShows: 1 } }).catch((e: unknown) => e);
    expect(isForeignKeyViolation(fk)).toBe(true);
    expect(isForeignKeyViolation(rawFk)).toBe(true);
    for (const e of [fk, rawFk, missing, new Error('duplicate'), null, undefined, { code: 'P2028' }]) {
      expect(isUniqueViolation(e)).toBe(false);
      expect(isRetryableConflict(e)).toBe(false);
    }
  });
});
