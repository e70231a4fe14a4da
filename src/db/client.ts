// The one Prisma client: SQLite file by default, PostgreSQL when DATABASE_URL says so. Both
// generated clients share the models; the SQLite typing is used throughout.
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../../generated/sqlite/index.js';
import { PrismaClient as PostgresClient } from '../../generated/postgres/index.js';
import { pgSettings, providerOf, sqliteFilePath, type Provider } from './databaseUrl.js';

export type Db = SqliteClient;
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
export type { Provider };
/** Row and input types of the models (the SQLite typing, used for both providers as Db is). */
export type { Pregnancy, ScreeningResult, Prisma as DbTypes } from '../../generated/sqlite/index.js';
export type { FollowUpCase } from '../../generated/sqlite/index.js';

/** Which provider a client opened by openDb talks to. */
const providers = new WeakMap<object, Provider>();
export function providerOfDb(db: Db | Tx): Provider {
  const provider = providers.get(db);
  if (!provider) throw new Error('providerOfDb: a client not opened by openDb');
  return provider;
}

export interface DbHandle {
  db: Db;
  provider: Provider;
  close(): Promise<void>;
}

type AdapterMethod = (...args: unknown[]) => Promise<unknown>;
type AdapterLike = Record<string | symbol, unknown>;

/**
 * SQLite through better-sqlite3 is one connection: a statement sent while another caller's
 * transaction is open would run inside that transaction (and vanish if it rolls back). Statements
 * outside transactions therefore wait until no transaction is open, and transactions take turns.
 * Code inside a transaction must use its `tx`, never the outer client (it would wait for itself).
 */
/** SQLITE_MAX_VARIABLE_NUMBER of the SQLite bundled with better-sqlite3 (the default since SQLite 3.32). */
const SQLITE_MAX_BIND_VALUES = 32766;

function oneAtATime<F extends PrismaBetterSQLite3>(factory: F): F {
  let tail: Promise<void> = Promise.resolve();
  const turn = async (): Promise<() => void> => {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  };
  const wrapAdapter = (adapter: AdapterLike): AdapterLike =>
    new Proxy(adapter, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        // The adapter does not say how many bound values a statement may have, and Prisma then assumes
        // SQLite's old 999: a query with several long IN lists (the reminder planner's pages) fails
        // with P2029. The bundled SQLite (3.49) allows 32766.
        if (prop === 'getConnectionInfo') return () => ({ maxBindValues: SQLITE_MAX_BIND_VALUES, supportsRelationJoins: false });
        if (typeof value !== 'function') return value;
        const method = (value as AdapterMethod).bind(target);
        if (prop === 'queryRaw' || prop === 'executeRaw' || prop === 'executeScript') {
          return async (...args: unknown[]) => {
            const release = await turn();
            try {
              return await method(...args);
            } finally {
              release();
            }
          };
        }
        if (prop === 'startTransaction') {
          return async (...args: unknown[]) => {
            const release = await turn();
            try {
              const tx = (await method(...args)) as AdapterLike;
              const commit = (tx.commit as AdapterMethod).bind(tx);
              const rollback = (tx.rollback as AdapterMethod).bind(tx);
              tx.commit = async () => {
                try {
                  return await commit();
                } finally {
                  release();
                }
              };
              tx.rollback = async () => {
                try {
                  return await rollback();
                } finally {
                  release();
                }
              };
              return tx;
            } catch (err) {
              release();
              throw err;
            }
          };
        }
        return method;
      },
    });
  return new Proxy(factory, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'connect') {
        return async () => {
          const connection = (await (value as AdapterMethod).call(target)) as AdapterLike;
          // deleted means gone from the file too: freed pages are overwritten with zeros (see eraseFreedData)
          await (connection.executeScript as AdapterMethod).call(connection, 'PRAGMA secure_delete = ON');
          return wrapAdapter(connection);
        };
      }
      return typeof value === 'function' ? (value as AdapterMethod).bind(target) : value;
    },
  });
}

/** The SQLite driver adapter as the app uses it (one connection taken in turns, its real bind limit). */
export function sqliteAdapter(file: string): PrismaBetterSQLite3 {
  return oneAtATime(new PrismaBetterSQLite3({ url: file, timeout: 5000 }));
}

export function openDb(url: string): DbHandle {
  const provider = providerOf(url);
  if (provider === 'sqlite') {
    const file = sqliteFilePath(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new SqliteClient({ adapter: sqliteAdapter(file) });
    providers.set(db, provider);
    return { db, provider, close: () => db.$disconnect() };
  }
  const adapter = new PrismaPg({ ...pgSettings(url), max: 10 });
  const db = new PostgresClient({ adapter }) as unknown as Db;
  providers.set(db, provider);
  return { db, provider, close: () => db.$disconnect() };
}

/**
 * After a woman's data is deleted, what SQLite may still hold of it outside the live rows: with
 * secure_delete on (every connection) freed pages are zeroed at once; a write-ahead log, if the
 * database runs in WAL mode, is checkpointed and truncated so the -wal file keeps no copy (a no-op in
 * the default rollback-journal mode, whose journal is removed at each commit). PostgreSQL keeps dead
 * rows until vacuum and old data in WAL segments and backups until they are recycled (README).
 */
export async function eraseFreedData(db: Db): Promise<void> {
  if (providerOfDb(db) === 'sqlite') await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
}
