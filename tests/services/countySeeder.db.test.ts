// Writing the county file at start keeps a parent given to the county in the database (its city,
// through which the indicators aggregate counties), and writes the rest as the file says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { seedCounty } from '../../src/services/countySeeder.js';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../support/testDb.js';
import { demoCounty } from './reminders/wireReminders.js';

describe.skipIf(dbUnavailable)('seedCounty', () => {
  let database: TestDatabase;
  let h: DbHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  it('keeps the county under its city at the next start; townships stay under the county', async () => {
    const { county } = demoCounty();
    await seedCounty(h.db, county);
    await h.db.region.create({ data: { id: 'zhoukou', name: '周口市', level: 'city' } });
    await h.db.region.update({ where: { id: county.id }, data: { parentId: 'zhoukou', name: 'old name' } });
    await seedCounty(h.db, county);
    expect(await h.db.region.findUnique({ where: { id: county.id }, select: { name: true, level: true, parentId: true } })).toEqual({
      name: county.name,
      level: 'county',
      parentId: 'zhoukou',
    });
    const township = county.townships[0];
    expect((await h.db.region.findUnique({ where: { id: township.id } }))?.parentId).toBe(county.id);
  });
});
