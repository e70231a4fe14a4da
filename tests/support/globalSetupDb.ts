// Once per test run and provider: a migrated template database that each test copies.
// SQLite: a template file (test files copy it next to it). PostgreSQL: a template database (CREATE DATABASE … TEMPLATE).
// Where PostgreSQL is unreachable the run says so loudly and skips it, except in CI (CI=true),
// where that is a failure: the project's machines run PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/db/migrate.js';
import { SCHEMA_FINGERPRINT } from './schemaFingerprint.js';

export const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
    pgAdminUrl: string;
    /** The start of the name of every test database of this run (PostgreSQL). */
    pgTestPrefix: string;
    /** The template's SCHEMA_FINGERPRINT (PostgreSQL). */
    pgSchema: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const provider = project.config.env?.TEST_DB;
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  if (provider === 'sqlite') {
    // in memory where the machine has a tmpfs: every commit syncs the file and its journal to disk,
    // which the tests do not need
    const dir = fs.existsSync('/dev/shm') ? path.join('/dev/shm', 'screening-assistant-test-db') : path.resolve('tmp', 'test-db');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `template_${tag}.db`);
    await migrateDatabase(`file:${file}`);
    project.provide('dbTemplate', file);
    project.provide('pgAdminUrl', '');
    project.provide('pgTestPrefix', '');
    project.provide('pgSchema', '');
    // the template and every copy of it a test left behind
    const stem = path.basename(file, '.db');
    return async () => {
      for (const f of fs.readdirSync(dir).filter((n) => n.startsWith(stem))) fs.rmSync(path.join(dir, f), { force: true });
    };
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch (err) {
    const msg = `PostgreSQL is unreachable at ${PG_ADMIN_URL} (${(err as Error).message}).`;
    if (process.env.CI) throw new Error(`${msg} CI needs PostgreSQL: start it with pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
    const bar = '!'.repeat(100);
    console.warn(`\n${bar}\n!! SKIPPING ALL POSTGRESQL TESTS: ${msg}\n${bar}\n`);
    project.provide('dbTemplate', '');
    project.provide('pgAdminUrl', '');
    project.provide('pgTestPrefix', '');
    project.provide('pgSchema', '');
    return async () => undefined;
  }
  const template = `sa_tmpl_${tag}`;
  await admin.query(`CREATE DATABASE ${template}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${template}`;
  await migrateDatabase(url.toString());
  await admin.end();
  const t = new pg.Client({ connectionString: url.toString() });
  await t.connect();
  const schema = (await t.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT)).rows[0].fingerprint;
  await t.end();
  const prefix = `sa_test_${tag}_`;
  project.provide('dbTemplate', template);
  project.provide('pgAdminUrl', PG_ADMIN_URL);
  project.provide('pgTestPrefix', prefix);
  project.provide('pgSchema', schema);
  return async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    // the test databases the workers emptied for reuse (testDb.ts), and any a failed test left
    const left = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    for (const { datname } of left.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await c.end();
  };
}
