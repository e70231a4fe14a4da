// Once per test run and provider: a migrated template database that each test copies.
// SQLite: a template file. PostgreSQL: a template database (CREATE DATABASE … TEMPLATE).
// Where PostgreSQL is unreachable the run says so loudly and skips it, except in CI (CI=true),
// where that is a failure: the project's machines run PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../src/db/migrate.js';

export const PG_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const provider = project.config.env?.TEST_DB;
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  if (provider === 'sqlite') {
    const dir = path.resolve('tmp', 'test-db');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `template_${tag}.db`);
    await migrateDatabase(`file:${file}`);
    project.provide('dbTemplate', file);
    project.provide('pgAdminUrl', '');
    return async () => fs.rmSync(file, { force: true });
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
    return async () => undefined;
  }
  const template = `sa_tmpl_${tag}`;
  await admin.query(`CREATE DATABASE ${template}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${template}`;
  await migrateDatabase(url.toString());
  await admin.end();
  project.provide('dbTemplate', template);
  project.provide('pgAdminUrl', PG_ADMIN_URL);
  return async () => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await c.end();
  };
}
