// Migrations at start: a missing PostgreSQL database is created, then migrated; a missing SQLite
// file is created, then migrated.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../src/db/migrate.js';
import { openDb } from '../../src/db/client.js';
import { dbUnavailable, testProvider } from '../support/testDb.js';

describe.skipIf(dbUnavailable)('migrateDatabase', () => {
  // (the Prisma command line runs twice: 25 s and more on a busy 2-core machine)
  it('creates and migrates a database that does not exist yet', { timeout: 120_000 }, async () => {
    const name = `sa_new_${crypto.randomBytes(4).toString('hex')}`;
    let url: string;
    if (testProvider === 'postgres') {
      const u = new URL(inject('pgAdminUrl'));
      u.pathname = `/${name}`;
      url = u.toString();
    } else {
      url = `file:${path.join(path.dirname(inject('dbTemplate')), `${name}.db`)}`;
    }
    try {
      await migrateDatabase(url);
      const h = openDb(url);
      expect(await h.db.contact.count()).toBe(0);
      expect(await h.db.jobRun.count()).toBe(0);
      await h.close();
      // running it again changes nothing
      await migrateDatabase(url);
    } finally {
      if (testProvider === 'postgres') {
        const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      } else {
        fs.rmSync(url.slice('file:'.length), { force: true });
      }
    }
  });
});
