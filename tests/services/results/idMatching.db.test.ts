// Matching by ID number: her visit code first; else the keyed hash of her ID number, when exactly one
// woman gave it and the service and the day agree (a booking of hers for that test at that hospital
// that day; a baby's test: a birth she reported shortly before). No match, two women with one number,
// no such visit, or a code and a number naming two women: the unmatched queue with the reason, never
// a guess. The number itself is never stored in plain text. One result at a time and a file's batch
// (read ahead) answer alike.
import crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { bookingRow, clearRows, MCH, openReminderFixture, pregnancy, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';
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
    await bookingRow(f.db, 'w1', { serviceId: 'cervical', day: '2026-03-10', status: 'attended' });
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

  it('the number alone is not enough: the service and the day must agree with a booking of hers at that hospital', async () => {
    await gaveId('w1', HER_ID);
    // booked, but for the breast exam; the cervical screen on another day; one at the other hospital; one cancelled
    await bookingRow(f.db, 'w1', { serviceId: 'breast', day: '2026-03-10', status: 'attended' });
    await bookingRow(f.db, 'w1', { serviceId: 'cervical', day: '2026-03-09', status: 'attended' });
    await bookingRow(f.db, 'w1', { serviceId: 'cervical', day: '2026-03-11', status: 'cancelled', hospitalId: 'xc-first' });
    const cytology = record({ idNumber: HER_ID });
    expect(await results.ingest(cytology, now, 'hospital:xc-mch')).toMatchObject({ match: 'unmatched', reason: 'no_visit_that_day' });
    expect(await stored('LIS-1')).toMatchObject({ contactId: null, unmatchedReason: 'no_visit_that_day' });
    // her breast result of that day at that hospital is hers
    const breast = record({ idNumber: HER_ID, result: { category: 'breast', birads: '1' } }, 'LIS-2');
    expect(await results.ingest(breast, now, 'hospital:xc-mch')).toMatchObject({ match: 'matched', status: 'sent' });
    // the cancelled booking at the other hospital does not make its result of that day hers
    const atFirst = record({ idNumber: HER_ID, hospitalId: 'xc-first', date: '2026-03-11' }, 'LIS-3');
    expect(await results.ingest(atFirst, now, 'hospital:xc-first')).toMatchObject({ match: 'unmatched', reason: 'no_visit_that_day' });
    // a no-show marked by mistake: she had the booking, and the hospital has her sample
    await bookingRow(f.db, 'w1', { serviceId: 'cervical', day: '2026-03-12', status: 'noshow' });
    const noShow = record({ idNumber: HER_ID, date: '2026-03-12' }, 'LIS-4');
    expect(await results.ingest(noShow, now, 'hospital:xc-mch')).toMatchObject({ match: 'matched' });
    expect(await f.db.outboxMessage.count({ where: { contactId: 'w1' } })).toBe(2);
  });

  it("a baby's test under the mother's number: hers when she reported the birth at most the profile's days before it", async () => {
    const hearing = (id: string, date: string) => record({ idNumber: HER_ID, date, result: { category: 'hearing', passed: true, rescreen: false } }, id);
    await gaveId('w1', HER_ID);
    expect(await results.ingest(hearing('H-1', '2026-03-10'), now, 'hospital:xc-mch')).toMatchObject({ reason: 'no_visit_that_day' });
    await pregnancy(f.db, 'w1', { dueDate: '2026-02-25', status: 'born', birthDate: '2026-02-20', endedOn: '2026-02-21' });
    expect(await results.ingest(hearing('H-2', '2026-03-10'), now, 'hospital:xc-mch')).toMatchObject({ match: 'matched' });
    // a test before the birth, or longer after it than afterBirthDays (120), is not this baby's
    const limit = f.profile.results!.categories.hearing.matchById!.afterBirthDays!;
    expect(limit).toBe(120);
    expect(await results.ingest(hearing('H-3', '2026-02-19'), now, 'hospital:xc-mch')).toMatchObject({ reason: 'no_visit_that_day' });
    expect(await results.ingest(hearing('H-4', '2026-06-20'), now, 'hospital:xc-mch')).toMatchObject({ match: 'matched' });
    expect(await results.ingest(hearing('H-5', '2026-06-21'), now, 'hospital:xc-mch')).toMatchObject({ reason: 'no_visit_that_day' });
  });

  it('a test the profile matches by visit code only: the number waits for a person', async () => {
    const hospitals: ResultHospitals = new Map(f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    const settings = f.profile.results!;
    const { matchById: _dropped, ...cytology } = settings.categories.cytology;
    const codeOnly = new ResultService(f.db, { ...settings, categories: { ...settings.categories, cytology } }, hospitals, { identity });
    await gaveId('w1', HER_ID);
    await bookingRow(f.db, 'w1', { serviceId: 'cervical', day: '2026-03-10', status: 'attended' });
    expect(await codeOnly.ingest(record({ idNumber: HER_ID }), now, 'hospital:xc-mch')).toMatchObject({ reason: 'id_number_needs_visit_code' });
  });

  it('a file of results read ahead matches as one result at a time does', async () => {
    await gaveId('w1', HER_ID);
    await gaveId('w2', OTHER_ID);
    await bookingRow(f.db, 'w1', { serviceId: 'cervical', day: '2026-03-10', status: 'attended' });
    await pregnancy(f.db, 'w2', { dueDate: '2026-02-25', status: 'born', birthDate: '2026-02-20', endedOn: '2026-02-21' });
    const batch = [
      record({ idNumber: HER_ID }, 'F-1'),
      record({ idNumber: HER_ID, date: '2026-03-11' }, 'F-2'),
      record({ idNumber: OTHER_ID }, 'F-3'),
      record({ idNumber: OTHER_ID, result: { category: 'heelBlood', finding: 'normal' } }, 'F-4'),
      record({ idNumber: OTHER_ID, date: '2026-05-01', result: { category: 'heelBlood', finding: 'normal' } }, 'F-5'),
    ];
    const { outcomes } = await results.ingestAll(batch, now, 'staff:admin', 'taken');
    expect(outcomes.map((o) => o.reason ?? o.match)).toEqual(['matched', 'no_visit_that_day', 'no_visit_that_day', 'matched', 'no_visit_that_day']);
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
