// A fresh, migrated database for one test file, on the provider of the current test project.
import fs from 'node:fs';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { SCHEMA_FINGERPRINT } from './schemaFingerprint.js';

if (!process.env.TEST_DB) {
  // the runner gives a database only to files named *.db.test.ts (vitest.config.ts)
  throw new Error('a test that uses the database must be named *.db.test.ts');
}
export const testProvider = process.env.TEST_DB as 'sqlite' | 'postgres';
/** True when this project's database is unavailable (PostgreSQL unreachable outside CI). */
export const dbUnavailable = !inject('dbTemplate');

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * PostgreSQL databases given back by the tests, emptied, for the next test of this worker: creating
 * one from the template and dropping it took about a second, emptying it a tenth of that. A
 * database whose tables no longer match the template's is dropped instead; the run's end drops the
 * rest (globalSetupDb.ts).
 */
const emptied: string[] = [];

async function withClient<T>(connectionString: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

function urlOf(name: string): string {
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Empties a database given back, or drops it when a test changed its tables. */
async function giveBack(name: string): Promise<void> {
  const adminUrl = inject('pgAdminUrl');
  // (as DROP DATABASE … WITH (FORCE) would: a connection left open must not hold a lock on a table)
  await withClient(adminUrl, (admin) =>
    admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]),
  );
  const reusable = await withClient(urlOf(name), async (c) => {
    if ((await c.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT)).rows[0].fingerprint !== inject('pgSchema')) return false;
    const tables = await c.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'");
    await c.query(`TRUNCATE ${tables.rows.map((t) => `"${t.name}"`).join(', ')} RESTART IDENTITY CASCADE`);
    return true;
  });
  if (reusable) emptied.push(name);
  else await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('dbTemplate');
  const id = crypto.randomBytes(6).toString('hex');
  if (testProvider === 'sqlite') {
    // (named after the template, so that the run's end removes what a test left: globalSetupDb.ts)
    const file = template.replace(/\.db$/, `_${id}.db`);
    fs.copyFileSync(template, file);
    return { url: `file:${file}`, drop: async () => fs.rmSync(file, { force: true }) };
  }
  let name = emptied.pop();
  if (!name) {
    const created = `${inject('pgTestPrefix')}${id}`;
    await withClient(inject('pgAdminUrl'), async (admin) => {
      await admin.query(`CREATE DATABASE ${created} TEMPLATE ${template}`);
      // a commit need not wait for its write-ahead log to reach the disk: a test database never outlives a crash
      await admin.query(`ALTER DATABASE ${created} SET synchronous_commit = off`);
    });
    name = created;
  }
  let dropped = false;
  return {
    url: urlOf(name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await giveBack(name);
    },
  };
}
