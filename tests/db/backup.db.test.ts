// npm run db:backup / db:restore (SQLite): a backup taken while messages flow is one consistent,
// whole database; restored in place of another, the bot answers from it where she left off.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, removeOldBackups, restoreDatabase } from '../../src/db/backup.js';
import { dbUnavailable, testProvider } from '../support/testDb.js';
import { startTestApp } from '../support/testApp.js';

describe.skipIf(dbUnavailable || testProvider !== 'sqlite')('backup and restore (SQLite)', () => {
  it('takes a backup while messages flow, restores it, and the bot answers from it', { timeout: 60_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-'));
    const t = await startTestApp();
    try {
      // she agrees before the backup; other women keep writing while it is taken
      await t.say('kept-1', '你好');
      await t.say('kept-1', '同意');
      const traffic = Promise.all(Array.from({ length: 20 }, (_, i) => t.say(`flow-${i}`, '我想约两癌')));
      const backup = path.join(dir, 'screening-test.db');
      const [done] = await Promise.all([backupDatabase(t.database.url, backup), traffic]);
      expect(done.bytes).toBeGreaterThan(0);

      // restored in place of a new database: she is known there, her consent kept
      const target = `file:${path.join(dir, 'restored.db')}`;
      restoreDatabase(backup, target);
      const restored = await startTestApp({ database: { url: target, drop: async () => undefined } });
      try {
        const replies = (await restored.say('kept-1', '我想约两癌')).join('\n');
        expect(replies).not.toContain('【隐私说明】');
        expect(await restored.app.dbHandle.db.contact.count({ where: { externalId: 'kept-1', consent: 'given' } })).toBe(1);
      } finally {
        await restored.stop();
      }
    } finally {
      await t.stop();
      await t.database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to restore a file that is not a whole database, and changes nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-'));
    try {
      const bad = path.join(dir, 'screening-bad.db');
      fs.writeFileSync(bad, 'not a database');
      const target = path.join(dir, 'target.db');
      expect(() => restoreDatabase(bad, `file:${target}`)).toThrow(BackupError);
      expect(fs.existsSync(target)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes backups older than the days they are kept', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-'));
    try {
      const now = new Date('2026-03-10T00:00:00Z');
      for (const [name, daysOld] of [
        ['screening-old.db', 9],
        ['screening-new.db', 2],
        ['other.db', 30],
      ] as const) {
        const f = path.join(dir, name);
        fs.writeFileSync(f, 'x');
        const at = new Date(now.getTime() - daysOld * 86_400_000);
        fs.utimesSync(f, at, at);
      }
      expect(removeOldBackups(dir, 7, now)).toEqual(['screening-old.db']);
      expect(fs.readdirSync(dir).sort()).toEqual(['other.db', 'screening-new.db']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
