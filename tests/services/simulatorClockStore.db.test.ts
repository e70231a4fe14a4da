// The simulator's clock never starts away from now for a database that holds real channels' contacts.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/client.js';
import { saveSimulatorClock, simulatorClockStart } from '../../src/services/simulatorClockStore.js';
import { createTestDatabase, dbUnavailable } from '../support/testDb.js';

describe.skipIf(dbUnavailable)('simulatorClockStart', () => {
  it('starts at CLOCK_START or the saved clock, but at now once a real contact is in the database', async () => {
    const database = await createTestDatabase();
    const { db, close } = openDb(database.url);
    try {
      const now = new Date('2026-03-02T01:00:00Z');
      await saveSimulatorClock(db, new Date('2027-01-01T00:00:00Z'));
      expect(await simulatorClockStart(db, undefined, now)).toEqual(new Date('2027-01-01T00:00:00Z'));
      expect(await simulatorClockStart(db, '2030-01-01T00:00:00Z', now)).toEqual(new Date('2030-01-01T00:00:00Z'));
      await db.contact.create({ data: { channel: 'wechat', externalId: 'wx-real' } });
      expect(await simulatorClockStart(db, undefined, now)).toEqual(now);
      expect(await simulatorClockStart(db, '2030-01-01T00:00:00Z', now)).toEqual(now);
    } finally {
      await close();
      await database.drop();
    }
  });
});
