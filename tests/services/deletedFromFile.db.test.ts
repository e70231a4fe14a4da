// 删除我的信息 removes her from the SQLite file too, not only from the live rows: secure_delete zeroes
// the freed pages, so neither the database file nor a journal or write-ahead log beside it still
// holds her birth date or her booking code. (PostgreSQL keeps dead rows until vacuum: README.)
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sqliteFilePath } from '../../src/db/databaseUrl.js';
import { CapacityService } from '../../src/services/capacity/CapacityService.js';
import { dbUnavailable, testProvider } from '../support/testDb.js';
import { startTestApp } from '../support/testApp.js';

/** The database file and whatever SQLite keeps beside it (-journal, -wal, -shm), as bytes. */
function filesOf(url: string): Buffer[] {
  const file = sqliteFilePath(url);
  return [file, `${file}-journal`, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
}

describe.skipIf(dbUnavailable || testProvider !== 'sqlite')('删除我的信息: gone from the database file', () => {
  it('leaves neither her birth date nor her booking code anywhere in the file', async () => {
    const t = await startTestApp();
    try {
      const { db } = t.app.dbHandle;
      const now = t.clock.now();
      const contact = await db.contact.create({
        data: { channel: 'simulator', externalId: 'gone-1', consent: 'given', consentAt: now, healthConsentAt: now, regionId: t.app.county.id },
      });
      const birthDate = '1971-09-23';
      await db.fact.create({ data: { contactId: contact.id, key: 'birthDate', valueJson: JSON.stringify(birthDate) } });
      await db.fact.create({ data: { contactId: contact.id, key: 'residence', valueJson: JSON.stringify('hukou') } });
      await new CapacityService({ db, provider: t.app.dbHandle.provider }).ensureSlots('xc-mch', 'cervical', '2026-03-04', '2026-03-04');
      const booked = await t.app.booking.book({
        contactId: contact.id,
        hospitalId: 'xc-mch',
        serviceIds: ['cervical'],
        day: '2026-03-04',
        session: 'am',
        now,
        regionIds: [],
        priority: false,
      });
      if (!booked.ok) throw new Error(`cannot book: ${booked.reason}`);
      const { code } = await db.booking.findFirstOrThrow({ where: { contactId: contact.id } });
      await db.$disconnect();
      await db.$connect();
      // (before: both are in the file, so the check below can fail)
      expect(filesOf(t.database.url).some((b) => b.includes(birthDate) && b.includes(code))).toBe(true);

      expect((await t.say('gone-1', '删除我的信息')).join('\n')).toContain('删除');
      expect((await t.say('gone-1', '是')).join('\n')).toContain('已经全部删除了');
      expect(await db.contact.count({ where: { externalId: 'gone-1' } })).toBe(0);
      for (const bytes of filesOf(t.database.url)) {
        expect(bytes.includes(birthDate)).toBe(false);
        expect(bytes.includes(code)).toBe(false);
      }
    } finally {
      await t.stop();
      await t.database.drop();
    }
  });
});
