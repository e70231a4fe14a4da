// Backup and restore of the SQLite database (the embedded default). A backup is taken with SQLite's
// online backup while the bot runs (other connections keep writing; the copy is one consistent state)
// and checked before it counts; a restore checks the backup, then puts it in place of the database
// (the bot stopped). Old backups are removed after `keepDays`: a woman's deleted data is gone from
// the backups once they rotate out. PostgreSQL is backed up with pg_dump or the operator's tooling (README).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { providerOf, sqliteFilePath } from './databaseUrl.js';

export class BackupError extends Error {}

/** Whether the SQLite file at `file` is whole (PRAGMA integrity_check answers ok). */
function checkWhole(file: string): void {
  let rows: { integrity_check: string }[];
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      rows = db.pragma('integrity_check') as { integrity_check: string }[];
    } finally {
      db.close();
    }
  } catch (err) {
    throw new BackupError(`${file}: not a database (${(err as Error).message})`);
  }
  if (rows.length !== 1 || rows[0].integrity_check !== 'ok')
    throw new BackupError(`${file}: not a whole database (${rows.map((r) => r.integrity_check).join('; ')})`);
}

function sqliteFileOf(url: string): string {
  if (providerOf(url) !== 'sqlite') throw new BackupError('backup and restore here are for SQLite; back PostgreSQL up with pg_dump (README)');
  return sqliteFilePath(url);
}

/** Takes a consistent copy of the database of `url` into `dest` while it is in use; checks it. */
export async function backupDatabase(url: string, dest: string): Promise<{ file: string; bytes: number }> {
  const source = sqliteFileOf(url);
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  fs.mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  const partial = `${dest}.partial`;
  const db = new Database(source, { fileMustExist: true, timeout: 5000 });
  try {
    // all pages in one step (a read lock held briefly): copied in small steps, a steady stream of writes
    // from the bot would restart it for ever
    await db.backup(partial, { progress: ({ totalPages }) => totalPages });
    checkWhole(partial);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    db.close();
  }
  fs.renameSync(partial, dest);
  return { file: path.resolve(dest), bytes: fs.statSync(dest).size };
}

/** Puts the backup `file` in place of the database of `url` (the bot must be stopped); checks it first. */
export function restoreDatabase(file: string, url: string): { file: string } {
  const target = sqliteFileOf(url);
  if (!fs.existsSync(file)) throw new BackupError(`no backup at ${file}`);
  checkWhole(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  fs.copyFileSync(file, incoming);
  // (a journal or log of the database it replaces would be replayed into the restored one)
  for (const leftover of [`${target}-journal`, `${target}-wal`, `${target}-shm`]) fs.rmSync(leftover, { force: true });
  fs.renameSync(incoming, target);
  return { file: target };
}

/** Removes the backups in `dir` (screening-*.db) older than `keepDays`; returns their names. */
export function removeOldBackups(dir: string, keepDays: number, now: Date): string[] {
  if (!fs.existsSync(dir)) return [];
  const limit = now.getTime() - keepDays * 86_400_000;
  const old = fs.readdirSync(dir).filter((f) => /^screening-.*\.db$/u.test(f) && fs.statSync(path.join(dir, f)).mtimeMs < limit);
  for (const f of old) fs.rmSync(path.join(dir, f));
  return old;
}
