// The pregnancy service on a real database (Henan profile, demo county): registering (one active
// pregnancy per woman, plausible due dates, cycle length), the birth and a loss (status, queued
// messages cancelled, prenatal bookings released with their seats), screenings she did, staff
// referrals, and where each screening stands.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/calendarDay.js';
import { PregnancyService } from '../../../src/services/pregnancy/PregnancyService.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import {
  bookingRow,
  clearRows,
  MCH,
  openReminderFixture,
  openSlot,
  pregnancy,
  sh,
  statuses,
  woman,
  type ReminderFixture,
} from '../reminders/reminderFixtures.js';

const DUE = '2026-09-28'; // LMP 2025-12-22
const ordinary = { regionIds: [] as string[], priority: false };

describe('PregnancyService.adjustedDueDate', () => {
  it('moves a due date from the last period by (cycle − 28) days for a longer cycle only', () => {
    const lmpDue = addDays('2026-01-01', 280); // 2026-10-08
    expect(lmpDue).toBe('2026-10-08');
    expect(PregnancyService.adjustedDueDate({ dueDate: lmpDue, datingFrom: 'lastPeriod', cycleDays: 35 })).toBe('2026-10-15');
    expect(PregnancyService.adjustedDueDate({ dueDate: lmpDue, datingFrom: 'lastPeriod', cycleDays: 28 })).toBe(lmpDue);
    expect(PregnancyService.adjustedDueDate({ dueDate: lmpDue, datingFrom: 'lastPeriod', cycleDays: 25 })).toBe(lmpDue);
    expect(PregnancyService.adjustedDueDate({ dueDate: lmpDue, datingFrom: 'lastPeriod' })).toBe(lmpDue);
    expect(PregnancyService.adjustedDueDate({ dueDate: lmpDue, datingFrom: 'dueDate', cycleDays: 35 })).toBe(lmpDue);
    expect(PregnancyService.adjustedDueDate({ dueDate: lmpDue, datingFrom: 'weeks', cycleDays: 35 })).toBe(lmpDue);
  });
});

describe.skipIf(dbUnavailable)(`pregnancy service (${testProvider})`, () => {
  let f: ReminderFixture;
  beforeAll(async () => {
    f = await openReminderFixture();
  });
  afterAll(async () => {
    await f?.close();
  });
  beforeEach(async () => {
    await clearRows(f.db);
  });

  const NOW = sh('2026-03-05 10:00');
  const dueFact = async (contactId: string) =>
    f.db.fact.findUnique({ where: { contactId_key: { contactId, key: 'dueDate' } }, select: { valueJson: true, sensitive: true, updatedAt: true } });
  const seatsTaken = async (serviceId: string, day: string) =>
    (await f.db.slotPool.findMany({ where: { slot: { serviceId, day } } })).reduce((n, p) => n + p.booked, 0);

  describe('register', () => {
    it('registers one active pregnancy, writes her due date, queues what is due tomorrow; a second one is refused', async () => {
      await woman(f.db, 'w');
      const r = await f.pregnancy.register('w', { dueDate: DUE, datingFrom: 'dueDate', birthDate: '1995-10-01' }, NOW);
      if (!r.ok) throw new Error(r.reason);
      expect(r.pregnancy).toEqual({
        id: expect.any(String),
        contactId: 'w',
        status: 'active',
        dueDate: DUE,
        datingFrom: 'dueDate',
        cycleDays: null,
        twins: false,
        // 30 on the due date (her birthday comes after it)
        ageOnDueDate: 30,
        referred: false,
        registeredOn: '2026-03-05',
        birthDate: null,
        endedOn: null,
        guardianConsent: false,
        heelBloodDone: null,
        hearingFirst: null,
      });
      expect(await f.pregnancy.active('w')).toEqual(r.pregnancy);
      expect(await dueFact('w')).toEqual({ valueJson: JSON.stringify(DUE), sensitive: true, updatedAt: NOW });
      // 03-06 is 3 days before NT opens
      expect(await statuses(f.db)).toEqual({ [`preg:${r.pregnancy.id}:2026-03-06:nt.soon`]: 'queued' });

      expect(await f.pregnancy.register('w', { dueDate: '2026-10-01', datingFrom: 'dueDate' }, NOW)).toEqual({ ok: false, reason: 'exists' });
      expect(await f.db.pregnancy.count({ where: { contactId: 'w' } })).toBe(1);
      expect((await dueFact('w'))?.valueJson).toBe(JSON.stringify(DUE));
    });

    it('refuses an implausible due date and writes nothing', async () => {
      await woman(f.db, 'w');
      for (const dueDate of [addDays('2026-03-05', 302), addDays('2026-03-05', -15)]) {
        expect(await f.pregnancy.register('w', { dueDate, datingFrom: 'dueDate' }, NOW)).toEqual({ ok: false, reason: 'implausible' });
      }
      // a last period 20 days ago with a 60-day cycle still gives a plausible date; 300 days ahead with +7 does not
      expect(await f.pregnancy.register('w', { dueDate: addDays('2026-03-05', 298), datingFrom: 'lastPeriod', cycleDays: 35 }, NOW)).toEqual({
        ok: false,
        reason: 'implausible',
      });
      expect(await f.db.pregnancy.count()).toBe(0);
      expect(await dueFact('w')).toBeNull();
      expect(await f.db.outboxMessage.count()).toBe(0);
    });

    it('keeps the cycle length and the due date it gives', async () => {
      await woman(f.db, 'w');
      const r = await f.pregnancy.register('w', { dueDate: '2026-10-08', datingFrom: 'lastPeriod', cycleDays: 35, twins: true }, NOW);
      expect(r).toMatchObject({ ok: true, pregnancy: { dueDate: '2026-10-15', datingFrom: 'lastPeriod', cycleDays: 35, twins: true, ageOnDueDate: null } });
      expect((await dueFact('w'))?.valueJson).toBe(JSON.stringify('2026-10-15'));
    });

    it('after the birth she can register the next pregnancy', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: '2026-03-10' });
      expect(await f.pregnancy.reportBirth('w', '2026-03-04', NOW)).toMatchObject({ ok: true });
      const next = await f.pregnancy.register('w', { dueDate: '2026-12-20', datingFrom: 'dueDate' }, NOW);
      expect(next).toMatchObject({ ok: true, pregnancy: { status: 'active', dueDate: '2026-12-20' } });
      expect((await f.db.pregnancy.findMany({ where: { contactId: 'w' }, orderBy: { dueDate: 'asc' } })).map((p) => [p.status, p.activeKey])).toEqual([
        ['born', null],
        ['active', 'w'],
      ]);
    });
  });

  describe('reportBirth', () => {
    it('ends the pregnancy: its alerts are cancelled, its prenatal bookings released with their seats; other bookings stay', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await openSlot(f.db, 'anomaly-us', '2026-06-09');
      await openSlot(f.db, 'cervical', '2026-06-12');
      const booked = sh('2026-06-04 09:00');
      const anomaly = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['anomaly-us'],
        day: '2026-06-09',
        session: 'am',
        now: booked,
        ...ordinary,
      });
      const cervical = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['cervical'],
        day: '2026-06-12',
        session: 'am',
        now: booked,
        ...ordinary,
      });
      if (!anomaly.ok || !cervical.ok) throw new Error('not booked');
      // the booking's reconcile queued tomorrow's alert: the OGTT window opens in 3 days
      expect(await statuses(f.db)).toEqual({ 'preg:p-w:2026-06-05:ogtt.soon': 'queued' });

      const r = await f.pregnancy.reportBirth('w', '2026-06-04', sh('2026-06-04 12:00'));
      expect(r).toMatchObject({ ok: true, pregnancy: { id: 'p-w', status: 'born', birthDate: '2026-06-04', endedOn: '2026-06-04', guardianConsent: false } });
      expect(await f.db.pregnancy.findUnique({ where: { id: 'p-w' }, select: { activeKey: true } })).toEqual({ activeKey: null });
      expect(await statuses(f.db)).toEqual({ 'preg:p-w:2026-06-05:ogtt.soon': 'cancelled:born' });
      expect(await f.db.booking.findUnique({ where: { id: anomaly.bookings[0].id }, select: { status: true } })).toEqual({ status: 'cancelled' });
      expect(await seatsTaken('anomaly-us', '2026-06-09')).toBe(0);
      expect(await f.db.booking.findUnique({ where: { id: cervical.bookings[0].id }, select: { status: true } })).toEqual({ status: 'confirmed' });
      expect(await seatsTaken('cervical', '2026-06-12')).toBe(1);
      expect(await f.pregnancy.active('w')).toBeUndefined();
      expect(await f.pregnancy.latest('w')).toMatchObject({ id: 'p-w', status: 'born' });
    });

    it('refuses a birth in the future, over a year ago or 20 weeks before the due date; none without a pregnancy', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      const now = sh('2026-06-04 12:00');
      for (const birthDate of ['2026-06-05', '2025-06-02', '2026-05-10']) {
        expect(await f.pregnancy.reportBirth('w', birthDate, now), birthDate).toEqual({ ok: false, reason: 'implausible' });
      }
      expect((await f.pregnancy.active('w'))?.status).toBe('active');
      expect(await f.pregnancy.reportBirth('w', '2026-05-11', now)).toMatchObject({ ok: true, pregnancy: { birthDate: '2026-05-11' } });
      expect(await f.pregnancy.reportBirth('w', '2026-06-01', now)).toEqual({ ok: false, reason: 'none' });
    });

    it('newborn reminders start with her consent as guardian and stop for a screen she did', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: '2026-06-10' });
      expect(await f.pregnancy.reportBirth('w', '2026-06-04', sh('2026-06-05 09:00'))).toMatchObject({ ok: true });
      expect(await f.pregnancy.openNewbornScreens('w', sh('2026-06-05 09:00'))).toEqual([]);
      const now = sh('2026-06-06 12:00');
      const v = await f.pregnancy.newbornConsent('w', { heelBloodDone: false, hearingFirst: null }, now);
      expect(v).toMatchObject({ guardianConsent: true, heelBloodDone: false, hearingFirst: null });
      // day 3 is tomorrow
      expect(await statuses(f.db)).toEqual({ 'newborn:p-w:2026-06-07:heel-blood.open': 'queued' });
      expect(await f.pregnancy.openNewbornScreens('w', now)).toEqual([
        { id: 'heel-blood', name: '新生儿足跟血筛查' },
        { id: 'hearing-rescreen', name: '听力复筛' },
      ]);
      expect(await f.pregnancy.markDone('w', 'heel-blood', now)).toBe(true);
      expect(await statuses(f.db)).toEqual({ 'newborn:p-w:2026-06-07:heel-blood.open': 'cancelled:replanned' });
      expect(await f.pregnancy.openNewbornScreens('w', now)).toEqual([{ id: 'hearing-rescreen', name: '听力复筛' }]);
      expect(await f.pregnancy.markDone('w', 'hearing-rescreen', now)).toBe(true);
      expect(await f.pregnancy.openNewbornScreens('w', now)).toEqual([]);
      expect(await f.pregnancy.latest('w')).toMatchObject({ heelBloodDone: true, hearingFirst: 'passed' });
    });
  });

  describe('reportLoss', () => {
    it('ends the pregnancy, cancels its messages, releases its bookings (seats back), forgets the due date', async () => {
      await woman(f.db, 'w');
      const reg = await f.pregnancy.register('w', { dueDate: DUE, datingFrom: 'dueDate' }, sh('2026-03-01 09:00'));
      if (!reg.ok) throw new Error(reg.reason);
      const id = reg.pregnancy.id;
      await openSlot(f.db, 'nt', '2026-03-10');
      await openSlot(f.db, 'cervical', '2026-03-12');
      const now = sh('2026-03-09 09:00');
      const nt = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['nt'],
        day: '2026-03-10',
        session: 'am',
        now: sh('2026-03-05 09:00'),
        ...ordinary,
      });
      const cervical = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['cervical'],
        day: '2026-03-12',
        session: 'am',
        now: sh('2026-03-05 09:00'),
        ...ordinary,
      });
      if (!nt.ok || !cervical.ok) throw new Error('not booked');
      // today's 18:00 reminder of tomorrow's NT visit, and tomorrow's alert
      await f.planner.planDay('2026-03-09', sh('2026-03-08 20:00'));
      await f.planner.planDay('2026-03-10', sh('2026-03-09 08:00'));
      const ntReminder = `reminder:${nt.bookings[0].id}:2026-03-10:am`;
      expect(await statuses(f.db)).toEqual({ [ntReminder]: 'queued' });
      // the NIPT window opens on 03-16: its soon alert is on 03-13; queue one directly to see it go
      await f.db.outboxMessage.create({
        data: {
          contactId: 'w',
          channel: 'simulator',
          externalId: 'ext-w',
          text: 'x',
          dedupeKey: `preg:${id}:2026-03-13:nipt.soon`,
          notBefore: sh('2026-03-13 10:00'),
          createdAt: now,
        },
      });

      expect(await f.pregnancy.reportLoss('w', now)).toEqual({ ended: true, bookingsReleased: 1 });
      expect(await f.pregnancy.latest('w')).toMatchObject({ id, status: 'lost', endedOn: '2026-03-09' });
      expect(await f.pregnancy.active('w')).toBeUndefined();
      expect(await statuses(f.db)).toEqual({ [ntReminder]: 'cancelled:replanned', [`preg:${id}:2026-03-13:nipt.soon`]: 'cancelled:pregnancy lost' });
      expect((await f.db.booking.findMany({ where: { contactId: 'w' }, orderBy: { serviceId: 'asc' } })).map((b) => [b.serviceId, b.status])).toEqual([
        ['cervical', 'confirmed'],
        ['nt', 'cancelled'],
      ]);
      expect(await seatsTaken('nt', '2026-03-10')).toBe(0);
      expect(await seatsTaken('cervical', '2026-03-12')).toBe(1);
      expect(await dueFact('w')).toBeNull();
      expect(await f.pregnancy.reportLoss('w', now)).toEqual({ ended: false, bookingsReleased: 0 });
    });
  });

  describe('markDone and setReferred', () => {
    const both = 'preg:p-w:2026-03-22:first-visit.closing+nt.closing';

    it('a screening she did stops its alerts', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      expect(await f.pregnancy.markDone('w', 'first-visit', sh('2026-03-21 21:00'))).toBe(true);
      expect((await f.db.pregnancyScreening.findMany()).map((m) => [m.pregnancyId, m.screeningId, m.status, m.day])).toEqual([
        ['p-w', 'first-visit', 'done', '2026-03-21'],
      ]);
      expect(await statuses(f.db)).toEqual({ [both]: 'cancelled:replanned', 'preg:p-w:2026-03-22:nt.closing': 'queued' });
      await woman(f.db, 'none');
      expect(await f.pregnancy.markDone('none', 'nt', sh('2026-03-21 21:00'))).toBe(false);
    });

    it('staff referral for prenatal diagnosis starts its alerts; taking it back stops them', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      const now = sh('2026-04-12 21:00');
      expect(await f.pregnancy.setReferred('p-w', true, now)).toMatchObject({ id: 'p-w', referred: true });
      expect(await statuses(f.db)).toEqual({ 'preg:p-w:2026-04-13:prenatal-diagnosis.open': 'queued' });
      expect(await f.pregnancy.setReferred('p-w', false, now)).toMatchObject({ id: 'p-w', referred: false });
      expect(await statuses(f.db)).toEqual({ 'preg:p-w:2026-04-13:prenatal-diagnosis.open': 'cancelled:replanned' });
      expect(await f.pregnancy.setReferred('no-such-pregnancy', true, now)).toBeUndefined();
    });
  });

  describe('setTwins', () => {
    it('twins corrected after registering: the screenings that depend on it follow (prenatal diagnosis from 32 with twins)', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE, ageOnDueDate: 33 });
      const now = sh('2026-04-12 21:00');
      expect(await f.pregnancy.setTwins('w', false, now)).toBe('same');
      expect(await statuses(f.db)).toEqual({});
      expect(await f.pregnancy.setTwins('w', true, now)).toBe('changed');
      expect((await f.pregnancy.active('w'))?.twins).toBe(true);
      expect(await statuses(f.db)).toEqual({ 'preg:p-w:2026-04-13:prenatal-diagnosis.open': 'queued' });
      expect(await f.pregnancy.setTwins('w', false, now)).toBe('changed');
      expect(await statuses(f.db)).toEqual({ 'preg:p-w:2026-04-13:prenatal-diagnosis.open': 'cancelled:replanned' });
      await woman(f.db, 'none');
      expect(await f.pregnancy.setTwins('none', true, now)).toBe('none');
    });
  });

  describe('redate', () => {
    const marksOf = async () =>
      (await f.db.pregnancyScreening.findMany({ where: { pregnancyId: 'p-w' }, orderBy: { screeningId: 'asc' } })).map(
        (m) => `${m.screeningId}:${m.status}:${m.day}`,
      );

    it('keeps a missed NT that is still closed (her fallback scan alerts go on); drops it when NT is open again', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await f.db.pregnancyScreening.createMany({
        data: ['first-visit', 'nt'].map((screeningId) => ({
          pregnancyId: 'p-w',
          screeningId,
          status: 'missed',
          day: '2026-03-29',
          createdAt: sh('2026-03-29 19:55'),
        })),
      });
      // 17 weeks: an ultrasound moves the due date by three days; the fallback scan's "open" alert (16w0d) is tomorrow for the new date
      await f.pregnancy.redate('w', '2026-10-01', sh('2026-04-15 11:00'));
      expect(await marksOf()).toEqual(['first-visit:missed:2026-03-29', 'nt:missed:2026-03-29']);
      expect(Object.keys(await statuses(f.db))).toEqual(['preg:p-w:2026-04-16:fallback-us.open']);
      // a second ultrasound: she is only 12 weeks; NT and the first visit are open again
      await f.pregnancy.redate('w', '2026-11-04', sh('2026-04-15 11:10'));
      expect(await marksOf()).toEqual([]);
    });

    it('marks a window that the new date closed already, with the day it closed', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: '2026-10-20' }); // NT open until 2026-04-20
      await f.pregnancy.redate('w', DUE, sh('2026-04-10 11:00')); // NT closed on 2026-03-29
      expect(await marksOf()).toEqual(['first-visit:missed:2026-03-29', 'nt:missed:2026-03-29']);
    });
  });

  describe('screenings', () => {
    const window = {
      'first-visit': ['第一次产检建档', '2026-02-02', '2026-03-29'],
      nt: ['NT超声检查', '2026-03-09', '2026-03-29'],
      'fallback-us': ['补做超声检查', '2026-04-13', '2026-05-10'],
      'serum-mid': ['中孕期唐氏筛查', '2026-04-06', '2026-05-17'],
      nipt: ['自费的无创DNA产前检测（NIPT）', '2026-03-16', '2026-05-31'],
      'anomaly-us': ['大排畸超声检查', '2026-05-11', '2026-06-14'],
      ogtt: ['自费的糖耐量检查（OGTT）', '2026-06-08', '2026-07-12'],
      'prenatal-diagnosis': ['产前诊断（羊水穿刺等）', '2026-04-13', '2026-05-31'],
    } as const;
    const state = (id: keyof typeof window, s: string) => ({ id, name: window[id][0], from: window[id][1], to: window[id][2], state: s });

    it('in the first trimester: done, booked, open, ahead; only the screenings offered to her', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await f.pregnancy.markDone('w', 'first-visit', sh('2026-03-01 10:00'));
      await bookingRow(f.db, 'w', { serviceId: 'nt', day: '2026-03-25', status: 'confirmed' });
      const p = (await f.pregnancy.active('w'))!;
      expect(await f.pregnancy.screenings(p, sh('2026-03-20 10:00'))).toEqual([
        state('first-visit', 'done'),
        state('nt', 'booked'),
        state('serum-mid', 'ahead'),
        state('nipt', 'open'),
        state('anomaly-us', 'ahead'),
        state('ogtt', 'ahead'),
      ]);
    });

    it('later: missed, closed, attended (done), and the screenings a missed NT or her age open', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE, ageOnDueDate: 36 });
      await f.db.pregnancyScreening.create({
        data: { pregnancyId: 'p-w', screeningId: 'nt', status: 'missed', day: '2026-03-29', createdAt: sh('2026-03-29 20:00') },
      });
      await bookingRow(f.db, 'w', { serviceId: 'nipt', day: '2026-04-02', status: 'attended' });
      await bookingRow(f.db, 'w', { serviceId: 'fallback-us', day: '2026-04-22', status: 'cancelled' });
      const p = (await f.pregnancy.active('w'))!;
      expect(await f.pregnancy.screenings(p, sh('2026-04-20 10:00'))).toEqual([
        state('first-visit', 'closed'),
        state('nt', 'missed'),
        state('fallback-us', 'open'),
        // 36 on the due date: no free serum screen, prenatal diagnosis instead
        state('nipt', 'done'),
        state('anomaly-us', 'ahead'),
        state('ogtt', 'ahead'),
        state('prenatal-diagnosis', 'open'),
      ]);
    });
  });
});
