// A fresh, migrated database for one test file, on the provider of the current test project.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

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

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('dbTemplate');
  const id = crypto.randomBytes(6).toString('hex');
  if (testProvider === 'sqlite') {
    const file = path.join(path.dirname(template), `test_${id}.db`);
    fs.copyFileSync(template, file);
    return { url: `file:${file}`, drop: async () => fs.rmSync(file, { force: true }) };
  }
  const adminUrl = inject('pgAdminUrl');
  const name = `sa_test_${id}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
