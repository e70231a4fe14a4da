// A further test her result called for (阴道镜, 产前诊断, 宝宝听力诊断), booked by her: the follow-up case of that result is
// marked booked in the booking's transaction (bookedAt, an event 'booked' by 'woman'), once; a
// booking of another service, or given back, marks nothing; the seat is taken as any booking's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { clearRows, MCH, openReminderFixture, openSlot, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';
import { ResultService, type ResultHospitals } from '../../../src/services/results/ResultService.js';
import { resultRecordSchema, type ResultRecord } from '../../../src/services/results/resultRecord.js';
import { followUpParts } from '../../../src/app/followUpWiring.js';
import { BookingService } from '../../../src/services/booking/BookingService.js';
import { bookingSettingsSchema } from '../../../src/domain/profile/profileSchema.js';
import { referralBooked } from '../../../src/services/followUp/referralBooked.js';
import { bookingRow } from '../reminders/reminderFixtures.js';

describe.skipIf(dbUnavailable)('a referral booked by her marks its follow-up case booked', () => {
  let f: ReminderFixture;
  let results: ResultService;
  let booking: BookingService;
  const settings = bookingSettingsSchema.parse({});
  beforeAll(async () => {
    f = await openReminderFixture();
    const hospitals: ResultHospitals = new Map(f.county.hospitals.map((h) => [h.id, { name: h.name, phone: h.phone }]));
    const fu = followUpParts(f.db, f.profile, hospitals)!;
    results = new ResultService(f.db, f.profile.results!, hospitals, { effects: [fu.cases] });
    const marked = referralBooked(f.profile.results!);
    booking = new BookingService({
      db: f.db,
      texts: {
        waitlistOffer: 'O',
        offerExpired: 'E',
        noShow: 'N',
        closed: 'C',
        waitlistEnded: 'W',
        sessions: { am: '上午', pm: '下午' },
        weekdays: [],
        listSeparator: '、',
      },
      settings,
      bookingsChanged: async (tx, contactId, serviceIds, now) => {
        await f.bookingsChanged(tx, contactId, serviceIds, now);
        await marked(tx, contactId, serviceIds, now);
      },
    });
  });
  afterAll(async () => f.close());
  beforeEach(async () => {
    await f.db.followUpEvent.deleteMany();
    await f.db.followUpCase.deleteMany();
    await f.db.resultEvent.deleteMany();
    await f.db.screeningResult.deleteMany();
    await clearRows(f.db);
  });

  const now = sh('2026-03-20 10:00');
  const record = (o: Partial<ResultRecord> & Pick<ResultRecord, 'result'>): ResultRecord =>
    resultRecordSchema.parse({ hospitalId: MCH, hospitalResultId: 'LIS-0001', visitCode: 'K7Q2M9', date: '2026-03-10', ...o });
  const lsilFor = async (id: string) => {
    await woman(f.db, id);
    await bookingRow(f.db, id, { serviceId: 'cervical', day: '2026-03-10', status: 'attended', code: 'K7Q2M9' });
    return results.ingest(record({ result: { category: 'cytology', tbs: 'LSIL' } }), now, 'hospital:xc-mch');
  };
  const book = (contactId: string, serviceId: string, at = sh('2026-03-20 11:00')) =>
    booking.book({ contactId, hospitalId: MCH, serviceIds: [serviceId], day: '2026-03-23', session: 'am', regionIds: [], priority: false, now: at, settings });

  it('her LSIL result refers her to colposcopy; booking it marks the case booked, once, and takes a seat', async () => {
    const told = await lsilFor('w1');
    expect(await results.referredServices('w1')).toEqual(['colposcopy']);
    await openSlot(f.db, 'colposcopy', '2026-03-23', 6);
    const r = await book('w1', 'colposcopy');
    expect(r.ok).toBe(true);
    const row = await f.db.booking.findFirstOrThrow({ where: { contactId: 'w1', serviceId: 'colposcopy' } });
    expect([row.hospitalId, row.serviceId, row.day, row.session, row.status]).toEqual([MCH, 'colposcopy', '2026-03-23', 'am', 'confirmed']);
    const pools = await f.db.slotPool.findMany({ where: { slot: { serviceId: 'colposcopy' } } });
    expect(pools.map((p) => p.booked)).toEqual([1]);
    const c = await f.db.followUpCase.findUniqueOrThrow({ where: { resultId: told.resultId! } });
    expect([c.bookedAt?.toISOString(), c.version]).toEqual([sh('2026-03-20 11:00').toISOString(), 2]);
    const events = await f.db.followUpEvent.findMany({ where: { caseId: c.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    expect(events.map((e) => [e.kind, e.actor])).toEqual([
      ['opened', 'hospital:xc-mch'],
      ['booked', 'woman'],
    ]);
    // given back and booked again: the case stays marked once
    expect((await booking.cancel({ contactId: 'w1', bookingId: row.id, now: sh('2026-03-20 12:00'), settings, reason: 'woman' })).ok).toBe(true);
    expect((await book('w1', 'colposcopy', sh('2026-03-20 13:00'))).ok).toBe(true);
    const again = await f.db.followUpCase.findUniqueOrThrow({ where: { resultId: told.resultId! } });
    expect([again.bookedAt?.toISOString(), again.version]).toEqual([sh('2026-03-20 11:00').toISOString(), 2]);
    expect(await f.db.followUpEvent.count({ where: { caseId: c.id, kind: 'booked' } })).toBe(1);
  });

  it('a booking of another service marks nothing', async () => {
    const told = await lsilFor('w2');
    await openSlot(f.db, 'mammography', '2026-03-23', 6);
    expect((await book('w2', 'mammography')).ok).toBe(true);
    const c = await f.db.followUpCase.findUniqueOrThrow({ where: { resultId: told.resultId! } });
    expect([c.bookedAt, c.version]).toEqual([null, 1]);
  });

  it('a high-risk serum screen released to her refers her to prenatal diagnosis, a hearing re-screen not passed to the hearing diagnosis; booking each marks its case', async () => {
    await woman(f.db, 'w3');
    await bookingRow(f.db, 'w3', { serviceId: 'serum-mid', day: '2026-03-10', status: 'attended', code: 'S7Q2M9' });
    const serum = await results.ingest(
      record({ hospitalResultId: 'LIS-0002', visitCode: 'S7Q2M9', result: { category: 'serum', t21OneIn: 150, t18OneIn: 5000 } }),
      now,
      'hospital:xc-mch',
    );
    expect(serum.status).toBe('held');
    // held: not hers to book on until a person has told her
    expect(await results.referredServices('w3')).toEqual([]);
    expect(await results.release(serum.resultId!, 'staff:admin', now)).toEqual({ ok: true });
    const hearing = await results.ingest(
      record({ hospitalResultId: 'LIS-0003', visitCode: 'S7Q2M9', result: { category: 'hearing', passed: false, rescreen: true } }),
      now,
      'hospital:xc-mch',
    );
    expect(await results.release(hearing.resultId!, 'staff:admin', now)).toEqual({ ok: true });
    expect((await results.referredServices('w3')).sort()).toEqual(['hearing-diagnosis', 'prenatal-diagnosis']);
    await openSlot(f.db, 'prenatal-diagnosis', '2026-03-23', 4);
    await openSlot(f.db, 'hearing-diagnosis', '2026-03-23', 4);
    expect((await book('w3', 'prenatal-diagnosis')).ok).toBe(true);
    const cases = async () =>
      (await f.db.followUpCase.findMany({ where: { contactId: 'w3' }, orderBy: { nextStep: 'asc' } })).map((c) => [
        c.nextStep,
        c.bookedAt?.toISOString() ?? null,
      ]);
    expect(await cases()).toEqual([
      ['hearing_diagnosis', null],
      ['prenatal_diagnosis', sh('2026-03-20 11:00').toISOString()],
    ]);
    expect((await book('w3', 'hearing-diagnosis', sh('2026-03-20 11:30'))).ok).toBe(true);
    expect(await cases()).toEqual([
      ['hearing_diagnosis', sh('2026-03-20 11:30').toISOString()],
      ['prenatal_diagnosis', sh('2026-03-20 11:00').toISOString()],
    ]);
  });
});
