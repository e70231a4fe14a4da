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

export interface DbHandle {
  db: Db;
  provider: Provider;
  close(): Promise<void>;
}

export function openDb(url: string): DbHandle {
  const provider = providerOf(url);
  if (provider === 'sqlite') {
    const file = sqliteFilePath(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const adapter = new PrismaBetterSQLite3({ url: file, timeout: 5000 });
    const db = new SqliteClient({ adapter });
    return { db, provider, close: () => db.$disconnect() };
  }
  const adapter = new PrismaPg({ ...pgSettings(url), max: 10 });
  const db = new PostgresClient({ adapter }) as unknown as Db;
  return { db, provider, close: () => db.$disconnect() };
}
