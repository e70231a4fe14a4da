// Matching by ID number: her visit code first; else the keyed hash of her ID number, when exactly one
// woman gave it. No match, two women with one number, or a code and a number naming two women: the
// unmatched queue with the reason, never a guess. The number itself is never stored in plain text.
import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { bookingRow, clearRows, MCH, openReminderFixture, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';
import { ResultService, type ResultHospitals } from '../../../src/services/results/ResultService.js';
import { resultRecordSchema, type ResultRecord } from '../../../src/services/results/resultRecord.js';
import { identityKeys } from '../../../src/support/identityKeys.js';
import { secretBox } from '../../../src/support/secretBox.js';

const HER_ID = '411302197503080021';
const OTHER_ID = '411302198005120048';

describe.skipIf(dbUnavailable)('results matched by ID number', () => {
  let f: ReminderFixture;
  let results: ResultService;
  const identity = identityKeys(crypto.randomBytes(32).toString('base64'), secretBox(new Map([['k1', crypto.randomBytes(32)]])));
  beforeAll(async () => {
    f = await openReminderFixture();
    const hospitals: ResultHospitals = new Map(f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    results = new ResultService(f.db, f.profile.results!, hospitals, { identity });
  });
  afterAll(async () => f.close());
  beforeEach(async () => {
    await f.db.resultEvent.deleteMany();
    await f.db.screeningResult.deleteMany();
    await f.db.contactIdentity.deleteMany();
    await clearRows(f.db);
  });

  const now = sh('2026-03-20 10:00');
  const nilm = { category: 'cytology', tbs: 'NILM' } as const;
  const record = (o: Partial<ResultRecord>, id = 'LIS-1'): ResultRecord =>
    resultRecordSchema.parse({ hospitalId: MCH, hospitalResultId: id, date: '2026-03-10', result: nilm, ...o });
  const gaveId = async (contactId: string, idNumber: string) => {
    await woman(f.db, contactId);
    await f.db.contactIdentity.create({
      data: { contactId, idHash: identity.hash(idNumber), idSealed: identity.seal(idNumber), createdAt: now, updatedAt: now },
    });
  };
  const stored = (hospitalResultId: string) =>
    f.db.screeningResult.findFirstOrThrow({
      where: { hospitalResultId },
      select: { contactId: true, matchState: true, unmatchedReason: true, idHash: true, idSealed: true },
    });

  it('by her ID number when the hospital sends no visit code: matched, told, the number kept only hashed and sealed', async () => {
    await gaveId('w1', HER_ID);
    expect(await results.ingest(record({ idNumber: '411302 19750308 0021' }), now, 'hospital:xc-mch')).toMatchObject({
      outcome: 'stored',
      match: 'matched',
      status: 'sent',
    });
    const row = await stored('LIS-1');
    expect(row).toMatchObject({ contactId: 'w1', matchState: 'matched', unmatchedReason: null, idHash: identity.hash(HER_ID) });
    expect(row.idSealed).not.toContain(HER_ID);
    expect(identity.open(row.idSealed!)).toBe(HER_ID);
    expect(JSON.stringify(await f.db.screeningResult.findMany())).not.toContain('19750308');
    expect(await f.db.outboxMessage.count({ where: { contactId: 'w1' } })).toBe(1);
  });

  it('a number nobody gave, or two women with one number: the unmatched queue with the reason, nothing sent', async () => {
    await gaveId('w1', HER_ID);
    expect(await results.ingest(record({ idNumber: OTHER_ID }), now, 'hospital:xc-mch')).toMatchObject({ match: 'unmatched', reason: 'unknown_id_number' });
    await gaveId('w2', HER_ID);
    expect(await results.ingest(record({ idNumber: HER_ID }, 'LIS-2'), now, 'hospital:xc-mch')).toMatchObject({
      match: 'unmatched',
      reason: 'id_number_ambiguous',
    });
    expect(await stored('LIS-2')).toMatchObject({ contactId: null, matchState: 'unmatched', unmatchedReason: 'id_number_ambiguous' });
    expect(await f.db.outboxMessage.count()).toBe(0);
  });

  it('the visit code goes first; a code and a number naming two different women match nobody', async () => {
    await gaveId('w1', HER_ID);
    await gaveId('w2', OTHER_ID);
    await bookingRow(f.db, 'w2', { serviceId: 'cervical', day: '2026-03-10', status: 'attended', code: 'K7Q2M9' });
    expect(await results.ingest(record({ visitCode: 'K7Q2M9', idNumber: OTHER_ID }), now, 'hospital:xc-mch')).toMatchObject({ match: 'matched' });
    expect((await stored('LIS-1')).contactId).toBe('w2');
    expect(await results.ingest(record({ visitCode: 'K7Q2M9', idNumber: HER_ID }, 'LIS-2'), now, 'hospital:xc-mch')).toMatchObject({
      match: 'unmatched',
      reason: 'code_and_id_differ',
    });
    // a code alone whose woman gave no number still matches her
    await woman(f.db, 'w3');
    await bookingRow(f.db, 'w3', { serviceId: 'cervical', day: '2026-03-10', status: 'attended', code: 'P3X8N4' });
    expect(await results.ingest(record({ visitCode: 'P3X8N4' }, 'LIS-3'), now, 'hospital:xc-mch')).toMatchObject({ match: 'matched' });
  });

  it('an ID number is refused (nothing stored) where ID_HASH_KEY is not set; a bad check character never reaches the service', async () => {
    const hospitals: ResultHospitals = new Map(f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    const withoutKeys = new ResultService(f.db, f.profile.results!, hospitals);
    expect(await withoutKeys.ingest(record({ idNumber: HER_ID }), now, 'hospital:xc-mch')).toMatchObject({ outcome: 'refused' });
    expect(await f.db.screeningResult.count()).toBe(0);
    const bad = resultRecordSchema.safeParse({ hospitalId: MCH, hospitalResultId: 'x', date: '2026-03-10', result: nilm, idNumber: '411302197503080022' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['idNumber']);
  });
});
