// npm run db:backup [-- <file>]: a consistent copy of the SQLite database while the bot runs (default
// data/backups/screening-<time>.db), then removes backups older than BACKUP_KEEP_DAYS (default 7).
// npm run db:restore -- <file>: puts a backup in place of the database; stop the bot first.
import path from 'node:path';
import { loadConfig } from '../config/config.js';
import { BackupError, backupDatabase, removeOldBackups, restoreDatabase } from '../db/backup.js';

const BACKUP_DIR = path.resolve('data', 'backups');

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  const config = loadConfig();
  const url = config.DATABASE_URL;
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
    const dest = file ?? path.join(BACKUP_DIR, `screening-${stamp}.db`);
    const done = await backupDatabase(url, dest);
    console.log(`backup written: ${done.file} (${done.bytes} bytes, checked whole)`);
    const keepDays = config.BACKUP_KEEP_DAYS;
    const removed = removeOldBackups(path.dirname(done.file), keepDays, new Date());
    if (removed.length > 0) console.log(`removed ${removed.length} backup(s) older than ${keepDays} days`);
    return;
  }
  if (command === 'restore' && file) {
    const done = restoreDatabase(file, url);
    console.log(`restored ${path.resolve(file)} into ${done.file}; start the bot again`);
    return;
  }
  console.error('usage: npm run db:backup [-- <file>] | npm run db:restore -- <file>');
  process.exit(2);
}

main().catch((err: unknown) => {
  console.error(err instanceof BackupError ? `Cannot: ${err.message}` : err);
  process.exit(1);
});
