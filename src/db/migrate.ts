// Applies the provider's migrations (prisma migrate deploy through the Wasm schema engine) before
// the app touches the database.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { pgSettings, providerOf, sqliteFilePath } from './databaseUrl.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Creates the PostgreSQL database named in the URL when it does not exist yet (as `migrate deploy` does without an adapter). */
async function ensurePostgresDatabase(url: string): Promise<void> {
  const settings = pgSettings(url);
  const admin = new pg.Client({ ...settings, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [settings.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${settings.database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

export async function migrateDatabase(url: string): Promise<void> {
  const provider = providerOf(url);
  if (provider === 'postgres') await ensurePostgresDatabase(url);
  const script = path.join(root, 'scripts', 'prisma.mjs');
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [script, provider, 'migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0) {
    throw new Error(`database migration failed (${provider}):\n${output.join('').trim()}`);
  }
  // a migration that rebuilt a table left its old rows in free pages (the CLI runs without secure_delete):
  // the file is rewritten without them
  if (provider === 'sqlite' && !/No pending migrations/u.test(output.join(''))) {
    const db = new Database(sqliteFilePath(url), { fileMustExist: true, timeout: 5000 });
    try {
      db.exec('VACUUM');
    } finally {
      db.close();
    }
  }
}
