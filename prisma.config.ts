// Prisma CLI configuration: picks the provider folder from DATABASE_URL and drives migrations
// through the Wasm schema engine with a driver adapter (no native engine download, see
// shared/env-notes.md).
import path from 'node:path';
import fs from 'node:fs';
import crypto from 'node:crypto';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { DEFAULT_DATABASE_URL, pgSettings, providerOf, sqliteFilePath } from './src/db/databaseUrl';

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const provider = process.env.PRISMA_PROVIDER === 'postgres' || process.env.PRISMA_PROVIDER === 'sqlite' ? process.env.PRISMA_PROVIDER : providerOf(url);

// Fix 1: the schema engine reads catalog columns of type name (19) and "char" (18), which the
// adapter cannot deserialize: present them as text (25).
type FieldLike = { dataTypeID: number };
const resultProto = (pg as unknown as { Result: { prototype: { addFields(fields: FieldLike[]): void } } }).Result.prototype;
const originalAddFields = resultProto.addFields;
resultProto.addFields = function addFields(this: unknown, fields: FieldLike[]) {
  for (const f of fields) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
  return originalAddFields.call(this, fields);
};

type ShadowAware = {
  connectToShadowDb(): Promise<{
    executeRaw(q: { sql: string; args: unknown[] }): Promise<number>;
    executeScript(script: string): Promise<void>;
  }>;
};

// SQLite shadow database (migrate diff --from-migrations): the replay sends each migration file as
// one prepared statement, which SQLite rejects for several statements; run those as a script.
function scriptFriendlyShadow<T extends ShadowAware>(factory: T): T {
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (q) => {
      if (q.args.length === 0 && q.sql.trim().replace(/;\s*$/, '').includes(';')) {
        await shadow.executeScript(q.sql);
        return 0;
      }
      return executeRaw(q);
    };
    return shadow;
  };
  return factory;
}

async function adapter() {
  if (provider === 'sqlite') {
    const file = sqliteFilePath(url.startsWith('file:') ? url : DEFAULT_DATABASE_URL);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return scriptFriendlyShadow(new PrismaBetterSQLite3({ url: file }, { shadowDatabaseUrl: ':memory:' }));
  }
  // Fix 2: discrete settings, so the shadow database override is not beaten by a connection string.
  const settings = pgSettings(providerOf(url) === 'postgres' ? url : 'postgresql://postgres@127.0.0.1:5432/postgres');
  const factory = new PrismaPg(settings);
  // Fix 3: the adapter drops its shadow database while its own pool still holds a connection:
  // close the shadow pool first, then drop.
  factory.connectToShadowDb = async () => {
    const database = `prisma_shadow_${crypto.randomUUID().replace(/-/g, '')}`;
    const admin = async (sql: string) => {
      const c = new pg.Client(settings);
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...settings, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return shadow;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', provider),
  migrations: { path: path.join('prisma', provider, 'migrations') },
  adapter,
});
