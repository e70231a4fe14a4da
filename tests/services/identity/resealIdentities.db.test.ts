// Rotating the keys of ID numbers: after a new data key is put first and a new ID_HASH_KEY set,
// keys:reseal seals every number again under the new key and hashes it again, so the old data key can
// go and results still match her by the new hash. Running it again changes nothing.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { clearRows, MCH, openReminderFixture, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';
import { identityKeys } from '../../../src/support/identityKeys.js';
import { secretBox } from '../../../src/support/secretBox.js';
import { resealIdentities } from '../../../src/services/identity/resealIdentities.js';

describe.skipIf(dbUnavailable)('resealIdentities', () => {
  let f: ReminderFixture;
  beforeAll(async () => {
    f = await openReminderFixture();
    await clearRows(f.db);
  });
  afterAll(async () => f.close());

  it('seals under the new first key, hashes under the new hash key, and is idempotent', async () => {
    const k1 = crypto.randomBytes(32);
    const k2 = crypto.randomBytes(32);
    const oldBox = secretBox(new Map([['k1', k1]]));
    const old = identityKeys(crypto.randomBytes(32).toString('base64'), oldBox);
    const now = sh('2026-03-20 10:00');
    const ids = ['411302197503080021', '411302198005120048'];
    for (const [i, id] of ids.entries()) {
      await woman(f.db, `w${i}`);
      await f.db.contactIdentity.create({ data: { contactId: `w${i}`, idHash: old.hash(id), idSealed: old.seal(id), createdAt: now, updatedAt: now } });
    }
    await f.db.screeningResult.create({
      data: {
        hospitalId: MCH,
        hospitalResultId: 'R1',
        category: 'cytology',
        grade: 'nilm',
        abnormal: false,
        testDate: '2026-03-10',
        fieldsJson: '{}',
        idHash: old.hash(ids[0]),
        idSealed: old.seal(ids[0]),
        matchState: 'unmatched',
        status: 'notSent',
        receivedAt: now,
        updatedAt: now,
      },
    });
    const newBox = secretBox(
      new Map([
        ['k2', k2],
        ['k1', k1],
      ]),
    );
    const fresh = identityKeys(crypto.randomBytes(32).toString('base64'), newBox);
    expect(await resealIdentities(f.db, newBox, fresh)).toEqual({ sealed: 3, rehashed: 3 });
    const kept = await f.db.contactIdentity.findMany({ orderBy: { contactId: 'asc' } });
    expect(kept.map((r) => [r.idHash, newBox.open(r.idSealed), newBox.current(r.idSealed)])).toEqual(ids.map((id) => [fresh.hash(id), id, true]));
    // the old data key alone opens none of them now
    expect(() => oldBox.open(kept[0].idSealed)).toThrow();
    const result = await f.db.screeningResult.findFirstOrThrow();
    expect([result.idHash, newBox.open(result.idSealed!)]).toEqual([fresh.hash(ids[0]), ids[0]]);
    expect(await resealIdentities(f.db, newBox, fresh)).toEqual({ sealed: 0, rehashed: 0 });
  });
});
