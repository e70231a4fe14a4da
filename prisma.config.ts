// Prisma CLI configuration: picks the provider folder from DATABASE_URL and drives migrations
// through the Wasm schema engine with a driver adapter (no native engine download, see
// shared/env-notes.md).
import path from 'node:path';
import fs from 'node:fs';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { DEFAULT_DATABASE_URL, pgSettings, providerOf, sqliteFilePath } from './src/db/databaseUrl';

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const provider = process.env.PRISMA_PROVIDER === 'postgres' || process.env.PRISMA_PROVIDER === 'sqlite'
  ? process.env.PRISMA_PROVIDER
  : providerOf(url);

// Fix 1: the schema engine reads catalog columns of type name (19) and "char" (18), which the
// adapter cannot deserialize: present them as text (25).
type FieldLike = { dataTypeID: number };
const resultProto = (pg as unknown as { Result: { prototype: { addFields(fields: FieldLike[]): void } } }).Result.prototype;
const originalAddFields = resultProto.addFields;
resultProto.addFields = function addFields(this: unknown, fields: FieldLike[]) {
  for (const f of fields) if (f.dataTypeID === 19 || f.dataTypeID === 18) f.dataTypeID = 25;
  return originalAddFields.call(this, fields);
};

async function adapter() {
  if (provider === 'sqlite') {
    const file = sqliteFilePath(url.startsWith('file:') ? url : DEFAULT_DATABASE_URL);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: file }, { shadowDatabaseUrl: ':memory:' });
  }
  // Fix 2: discrete settings, so the shadow database override is not beaten by a connection string.
  const settings = pgSettings(providerOf(url) === 'postgres' ? url : 'postgresql://postgres@127.0.0.1:5432/postgres');
  return new PrismaPg(settings);
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', provider),
  migrations: { path: path.join('prisma', provider, 'migrations') },
  adapter,
});
