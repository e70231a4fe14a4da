// The reminder planner on a real database with the Henan profile (demo county 项城): the exact outbox
// rows a day produces (text, time, dedupe key) for prenatal window alerts, appointment reminders,
// newborn screens and re-screening; idempotence and concurrency of planDay; reconcile after a
// booking, a cancellation, a new due date, 退订/订阅; and marking missed screenings.
import { raceWorkers, startWorker } from '../../support/workerProcess.js';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderTemplate, type TemplateVars } from '../../../src/domain/template.js';
import { ConversationStore } from '../../../src/services/conversationStore.js';
import { enqueueMessages } from '../../../src/services/outbox/enqueueMessage.js';
import { ReminderPlanner } from '../../../src/services/reminders/ReminderPlanner.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import {
  bookingRow,
  clearRows,
  demoCounty,
  MCH,
  openReminderFixture,
  openSlot,
  outbox,
  pregnancy,
  sh,
  statuses,
  wireReminders,
  woman,
  type ReminderFixture,
} from './reminderFixtures.js';

const DUE = '2026-09-28'; // LMP 2025-12-22; NT window 2026-03-09 … 2026-03-29
const ordinary = { regionIds: [] as string[], priority: false };

describe.skipIf(dbUnavailable)(`reminder planner (${testProvider})`, () => {
  let f: ReminderFixture;
  /** A profile text with the given values (the wording is the profile's; every value is checked). */
  let t: (key: string, vars?: TemplateVars) => string;
  const prenatalText = (header: TemplateVars, ...lines: [string, TemplateVars][]) =>
    [t('prenatalHeader', header), ...lines.map(([key, vars]) => t(key, vars)), t('prenatalFooter')].join('\n');

  beforeAll(async () => {
    f = await openReminderFixture();
    t = (key, vars = {}) => {
      const text = f.profile.reminders.texts[key];
      if (text === undefined) throw new Error(`no text ${key}`);
      return renderTemplate(text, vars);
    };
  });
  afterAll(async () => {
    await f?.close();
  });
  beforeEach(async () => {
    await clearRows(f.db);
  });

  /** Keys of the queued rows, as `key` (or `key → status`). */
  const keysOf = async () => (await outbox(f.db)).map((r) => r.dedupeKey);

  describe('prenatal window alerts', () => {
    it("puts a woman's alerts of a day into one message at 10:00, with her account", async () => {
      await woman(f.db, 'w1');
      await pregnancy(f.db, 'w1', { dueDate: DUE });
      await woman(f.db, 'w2', { account: 'bot-2' });
      await pregnancy(f.db, 'w2', { dueDate: '2026-10-11' }); // 13 days younger: NT opens on 03-22
      const report = await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      expect(report).toEqual({ planned: 2, queued: 2 });
      expect(await outbox(f.db)).toEqual([
        {
          dedupeKey: 'preg:p-w1:2026-03-22:first-visit.closing+nt.closing',
          contactId: 'w1',
          externalId: 'ext-w1',
          account: 'default',
          text: prenatalText(
            { ga: '12周6天', dueDate: '2026年9月28日' },
            ['alert_first_visit_closing', { screening: '第一次产检建档', days: 7, to: '2026年3月29日' }],
            ['alert_closing', { screening: 'NT超声检查', days: 7, to: '2026年3月29日' }],
          ),
          status: 'queued',
          lastError: null,
          notBefore: sh('2026-03-22 10:00'),
          priority: 1,
        },
        {
          dedupeKey: 'preg:p-w2:2026-03-22:nt.open',
          contactId: 'w2',
          externalId: 'ext-w2',
          account: 'bot-2',
          text: prenatalText({ ga: '11周', dueDate: '2026年10月11日' }, ['alert_open', { screening: 'NT超声检查', to: '2026年4月11日', closes: '13周6天' }]),
          status: 'queued',
          lastError: null,
          notBefore: sh('2026-03-22 10:00'),
          priority: 1,
        },
      ]);
      // the wording itself, once in full
      expect((await outbox(f.db))[1].text).toBe(
        '孕期提醒：您今天怀孕11周了（预产期2026年10月11日）。\n' +
          '· NT超声检查：从今天起可以做了，最晚2026年4月11日（怀孕13周6天）。\n' +
          '回复“预约”约时间；已经做过了，回复“做过了”。不想再收提醒，回复“退订”。',
      );
    });

    it('the soon alert says in how many days the window opens (national profile: NT and early serum in one message)', async () => {
      const { profiles, county } = demoCounty();
      const national = wireReminders(f.db, profiles.get('national')!, county);
      await woman(f.db, 'w1');
      await pregnancy(f.db, 'w1', { dueDate: DUE });
      await national.planner.planDay('2026-03-06', sh('2026-03-05 20:00'));
      const soon = (screening: string): [string, TemplateVars] => [
        'alert_soon',
        { screening, days: 3, from: '2026年3月9日', opens: '11周', closes: '13周6天' },
      ];
      expect(await outbox(f.db)).toMatchObject([
        {
          dedupeKey: 'preg:p-w1:2026-03-06:nt.soon+serum-early.soon',
          text: prenatalText({ ga: '10周4天', dueDate: '2026年9月28日' }, soon('NT超声检查'), soon('早孕期血清学筛查')),
          notBefore: sh('2026-03-06 10:00'),
        },
      ]);
    });

    it('no alert for a screening she has booked, been offered or attended in this pregnancy', async () => {
      const cases: [string, string | null, string][] = [
        ['held', 'held', '2026-03-25'],
        ['confirmed', 'confirmed', '2026-03-25'],
        ['attended', 'attended', '2026-03-12'],
        ['cancelled', 'cancelled', '2026-03-25'],
        ['noshow', 'noshow', '2026-03-12'],
        ['lastPregnancy', 'attended', '2025-06-01'], // before this pregnancy's LMP
        ['none', null, ''],
      ];
      for (const [id, status, day] of cases) {
        await woman(f.db, id);
        await pregnancy(f.db, id, { dueDate: DUE });
        if (status) await bookingRow(f.db, id, { serviceId: 'nt', day, status });
      }
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      expect(await keysOf()).toEqual([
        'preg:p-attended:2026-03-22:first-visit.closing',
        'preg:p-cancelled:2026-03-22:first-visit.closing+nt.closing',
        'preg:p-confirmed:2026-03-22:first-visit.closing',
        'preg:p-held:2026-03-22:first-visit.closing',
        'preg:p-lastPregnancy:2026-03-22:first-visit.closing+nt.closing',
        'preg:p-none:2026-03-22:first-visit.closing+nt.closing',
        'preg:p-noshow:2026-03-22:first-visit.closing+nt.closing',
      ]);
      const attended = (await outbox(f.db))[0];
      expect(attended.text).toBe(
        prenatalText({ ga: '12周6天', dueDate: '2026年9月28日' }, ['alert_first_visit_closing', { screening: '第一次产检建档', days: 7, to: '2026年3月29日' }]),
      );
    });

    it('none for a woman who unsubscribed or has not consented, before she registered, or after the pregnancy ended', async () => {
      const cases: [string, Parameters<typeof woman>[2], Parameters<typeof pregnancy>[2]][] = [
        ['ok', {}, { dueDate: DUE }],
        ['unsubscribed', { subscribed: false }, { dueDate: DUE }],
        ['pending', { consent: 'pending' }, { dueDate: DUE }],
        ['declined', { consent: 'declined' }, { dueDate: DUE }],
        ['registeredToday', {}, { dueDate: DUE, registeredOn: '2026-03-22' }],
        ['registeredLater', {}, { dueDate: DUE, registeredOn: '2026-03-23' }],
        ['lost', {}, { dueDate: DUE, status: 'lost', endedOn: '2026-03-01' }],
        ['born', {}, { dueDate: DUE, status: 'born', birthDate: '2026-03-01', endedOn: '2026-03-01' }],
      ];
      for (const [id, w, p] of cases) {
        await woman(f.db, id, w);
        await pregnancy(f.db, id, p);
      }
      expect(await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'))).toEqual({ planned: 2, queued: 2 });
      expect(await keysOf()).toEqual([
        'preg:p-ok:2026-03-22:first-visit.closing+nt.closing',
        'preg:p-registeredToday:2026-03-22:first-visit.closing+nt.closing',
      ]);
    });

    it('Henan second-trimester serum screen: only a single pregnancy with age on the due date under 35', async () => {
      const cases: [string, Parameters<typeof pregnancy>[2]][] = [
        ['age30', { dueDate: DUE, ageOnDueDate: 30 }],
        ['age34', { dueDate: DUE, ageOnDueDate: 34 }],
        ['age35', { dueDate: DUE, ageOnDueDate: 35 }],
        ['twins', { dueDate: DUE, ageOnDueDate: 25, twins: true }],
        ['ageUnknown', { dueDate: DUE, ageOnDueDate: null }],
      ];
      for (const [id, p] of cases) {
        await woman(f.db, id);
        await pregnancy(f.db, id, p);
      }
      await f.planner.planDay('2026-04-06', sh('2026-04-05 20:00'));
      const rows = await outbox(f.db);
      expect(rows.map((r) => r.dedupeKey)).toEqual([
        'preg:p-age30:2026-04-06:serum-mid.open',
        'preg:p-age34:2026-04-06:serum-mid.open',
        'preg:p-ageUnknown:2026-04-06:serum-mid.open',
      ]);
      expect(rows[0].text).toBe(
        prenatalText({ ga: '15周', dueDate: '2026年9月28日' }, ['alert_open', { screening: '中孕期唐氏筛查', to: '2026年5月17日', closes: '20周6天' }]),
      );
    });

    it('fallback scan only after NT was marked missed; prenatal diagnosis only when referred or 35+ (32+ with twins)', async () => {
      const cases: [string, Parameters<typeof pregnancy>[2], [string, string][]][] = [
        ['plain', { dueDate: DUE }, []],
        ['ntMissed', { dueDate: DUE }, [['nt', 'missed']]],
        ['ntDone', { dueDate: DUE }, [['nt', 'done']]],
        ['referred', { dueDate: DUE, referred: true }, []],
        ['age35', { dueDate: DUE, ageOnDueDate: 35 }, []],
        ['twins32', { dueDate: DUE, ageOnDueDate: 32, twins: true }, []],
        ['twins31', { dueDate: DUE, ageOnDueDate: 31, twins: true }, []],
        ['both', { dueDate: DUE, ageOnDueDate: 36 }, [['nt', 'missed']]],
        [
          'fallbackDone',
          { dueDate: DUE },
          [
            ['nt', 'missed'],
            ['fallback-us', 'done'],
          ],
        ],
      ];
      for (const [id, p, marks] of cases) {
        await woman(f.db, id);
        const pid = await pregnancy(f.db, id, p);
        for (const [screeningId, status] of marks) {
          await f.db.pregnancyScreening.create({ data: { pregnancyId: pid, screeningId, status, day: '2026-03-30', createdAt: sh('2026-03-30 00:10') } });
        }
      }
      await f.planner.planDay('2026-04-13', sh('2026-04-12 20:00'));
      const rows = await outbox(f.db);
      expect(rows.map((r) => r.dedupeKey)).toEqual([
        'preg:p-age35:2026-04-13:prenatal-diagnosis.open',
        'preg:p-both:2026-04-13:fallback-us.open+prenatal-diagnosis.open',
        'preg:p-ntMissed:2026-04-13:fallback-us.open',
        'preg:p-referred:2026-04-13:prenatal-diagnosis.open',
        'preg:p-twins32:2026-04-13:prenatal-diagnosis.open',
      ]);
      expect(rows[1].text).toBe(
        prenatalText(
          { ga: '16周', dueDate: '2026年9月28日' },
          ['alert_open', { screening: '补做超声检查', to: '2026年5月10日', closes: '19周6天' }],
          ['alert_diagnosis_open', { screening: '产前诊断（羊水穿刺等）', to: '2026年5月31日' }],
        ),
      );
    });
  });

  describe('appointment reminders', () => {
    const BOOKED_AT = sh('2026-03-05 09:00');

    it('the day before at 18:00: one message per visit with hospital, address, session, services, preparation and code', async () => {
      await woman(f.db, 'twoCancer');
      await woman(f.db, 'nt');
      await woman(f.db, 'held');
      await woman(f.db, 'cancelled');
      await woman(f.db, 'unsubscribed');
      await woman(f.db, 'dayAfter');
      await openSlot(f.db, 'cervical', '2026-03-10');
      await openSlot(f.db, 'breast', '2026-03-10');
      await openSlot(f.db, 'nt', '2026-03-10', 10, 'pm');
      await openSlot(f.db, 'cervical', '2026-03-11');
      const visit = await f.booking.book({
        contactId: 'twoCancer',
        hospitalId: MCH,
        serviceIds: ['cervical', 'breast'],
        day: '2026-03-10',
        session: 'am',
        now: BOOKED_AT,
        ...ordinary,
      });
      const nt = await f.booking.book({ contactId: 'nt', hospitalId: MCH, serviceIds: ['nt'], day: '2026-03-10', session: 'pm', now: BOOKED_AT, ...ordinary });
      const unsub = await f.booking.book({
        contactId: 'unsubscribed',
        hospitalId: MCH,
        serviceIds: ['cervical'],
        day: '2026-03-10',
        session: 'am',
        now: BOOKED_AT,
        ...ordinary,
      });
      const cancelled = await f.booking.book({
        contactId: 'cancelled',
        hospitalId: MCH,
        serviceIds: ['cervical'],
        day: '2026-03-10',
        session: 'am',
        now: BOOKED_AT,
        ...ordinary,
      });
      await f.booking.book({ contactId: 'dayAfter', hospitalId: MCH, serviceIds: ['cervical'], day: '2026-03-11', session: 'am', now: BOOKED_AT, ...ordinary });
      if (!visit.ok || !nt.ok || !unsub.ok || !cancelled.ok) throw new Error('booking failed');
      expect((await f.booking.cancel({ contactId: 'cancelled', bookingId: cancelled.bookings[0].id, now: BOOKED_AT })).ok).toBe(true);
      await f.db.contact.update({ where: { id: 'unsubscribed' }, data: { subscribed: false } });
      await bookingRow(f.db, 'held', { serviceId: 'breast', day: '2026-03-10', status: 'held' });
      // booking five days ahead queued nothing yet
      expect(await outbox(f.db)).toEqual([]);

      expect(await f.planner.planDay('2026-03-09', sh('2026-03-08 20:00'))).toEqual({ planned: 2, queued: 2 });
      const ids = visit.bookings.map((b) => b.id).sort();
      expect(visit.bookings.map((b) => b.code).sort()).toEqual([visit.visitCode, `${visit.visitCode}-2`]);
      expect(await outbox(f.db)).toEqual(
        [
          {
            dedupeKey: `reminder:${nt.bookings[0].id}:2026-03-10:pm`,
            contactId: 'nt',
            externalId: 'ext-nt',
            account: 'default',
            text: [
              '明天别忘了去检查：',
              '项目：NT超声检查',
              '时间：2026年3月10日 周二 下午',
              '医院：项城市妇幼保健院',
              '地址：项城市莲花大道与团结路交叉口向东200米（示例地址，请核对）',
              `要带：身份证，报预约号 ${nt.visitCode}。`,
              '去不了请回复“取消预约”，名额会让给排队的姐妹，不算您失约。有问题可以打医院电话：0394-4316120',
            ].join('\n'),
            status: 'queued',
            lastError: null,
            notBefore: sh('2026-03-09 18:00'),
            // ahead of the day's alerts: it is over when the visit day begins
            priority: 0,
          },
          {
            dedupeKey: `reminder:${ids.join('+')}:2026-03-10:am`,
            contactId: 'twoCancer',
            externalId: 'ext-twoCancer',
            account: 'default',
            text: [
              '明天别忘了去检查：',
              '项目：宫颈癌筛查、乳腺癌筛查',
              '时间：2026年3月10日 周二 上午',
              '医院：项城市妇幼保健院',
              '地址：项城市莲花大道与团结路交叉口向东200米（示例地址，请核对）',
              `要带：身份证，报预约号 ${visit.visitCode}。`,
              '查宫颈不要在来月经的时候去；去之前3天不要同房，不要冲洗下身，不要往阴道里放药。',
              '去不了请回复“取消预约”，名额会让给排队的姐妹，不算您失约。有问题可以打医院电话：0394-4316120',
            ].join('\n'),
            status: 'queued',
            lastError: null,
            notBefore: sh('2026-03-09 18:00'),
            // ahead of the day's alerts: it is over when the visit day begins
            priority: 0,
          },
        ].sort((a, b) => (a.dedupeKey < b.dedupeKey ? -1 : 1)),
      );
    });

    it("a visit's bookings make one message however the day is paged", async () => {
      const women = ['a', 'b', 'c', 'd'];
      await openSlot(f.db, 'cervical', '2026-03-10');
      await openSlot(f.db, 'breast', '2026-03-10');
      const expected: string[] = [];
      for (const id of women) {
        await woman(f.db, id);
        const r = await f.booking.book({
          contactId: id,
          hospitalId: MCH,
          serviceIds: ['cervical', 'breast'],
          day: '2026-03-10',
          session: 'am',
          now: BOOKED_AT,
          ...ordinary,
        });
        if (!r.ok) throw new Error(r.reason);
        expected.push(
          `reminder:${r.bookings
            .map((b) => b.id)
            .sort()
            .join('+')}:2026-03-10:am`,
        );
      }
      for (const pageSize of [1, 2, 3, 5]) {
        await f.db.outboxMessage.deleteMany();
        const planner = new ReminderPlanner(f.db, () => f.config, pageSize);
        expect(await planner.planDay('2026-03-09', sh('2026-03-08 20:00')), `page size ${pageSize}`).toEqual({ planned: 4, queued: 4 });
        expect(await keysOf(), `page size ${pageSize}`).toEqual([...expected].sort());
      }
    });

    it('a visit moved away and back gets its reminder again', async () => {
      await woman(f.db, 'w');
      await openSlot(f.db, 'cervical', '2026-03-10');
      await openSlot(f.db, 'cervical', '2026-03-11');
      // booked on the 8th for the 10th: the reminder of the 9th at 18:00 is queued in the booking's transaction
      const now = sh('2026-03-08 10:00');
      const r = await f.booking.book({ contactId: 'w', hospitalId: MCH, serviceIds: ['cervical'], day: '2026-03-10', session: 'am', now, ...ordinary });
      if (!r.ok) throw new Error(r.reason);
      const id = r.bookings[0].id;
      expect(await statuses(f.db)).toEqual({ [`reminder:${id}:2026-03-10:am`]: 'queued' });
      const later = sh('2026-03-08 11:00');
      expect((await f.booking.change({ contactId: 'w', bookingIds: [id], day: '2026-03-11', session: 'am', now: later, ...ordinary })).ok).toBe(true);
      expect(await statuses(f.db)).toEqual({ [`reminder:${id}:2026-03-10:am`]: 'cancelled:replanned' });
      expect((await f.booking.change({ contactId: 'w', bookingIds: [id], day: '2026-03-10', session: 'am', now: later, ...ordinary })).ok).toBe(true);
      expect(await statuses(f.db)).toEqual({ [`reminder:${id}:2026-03-10:am`]: 'queued' });
    });
  });

  describe('newborn screens', () => {
    const consent = sh('2026-05-02 12:00');
    const born = (o: Partial<Parameters<typeof pregnancy>[2]> = {}): Parameters<typeof pregnancy>[2] => ({
      dueDate: '2026-05-05',
      status: 'born',
      birthDate: '2026-05-01',
      endedOn: '2026-05-02',
      guardianConsentAt: consent,
      ...o,
    });

    it('heel blood on days 3 and 6 unless done; only with her consent as guardian; nothing from before she reported the birth', async () => {
      const cases: [string, Parameters<typeof pregnancy>[2]][] = [
        ['ok', born()],
        ['heelDone', born({ heelBloodDone: true })],
        ['noConsent', born({ guardianConsentAt: undefined })],
        ['reportedLater', born({ endedOn: '2026-05-05' })],
        ['stillActive', { dueDate: '2026-05-05' }],
      ];
      for (const [id, p] of cases) {
        await woman(f.db, id);
        await pregnancy(f.db, id, p);
      }
      await f.planner.planDay('2026-05-04', sh('2026-05-03 20:00'));
      expect(await outbox(f.db)).toMatchObject([
        {
          dedupeKey: 'newborn:p-ok:2026-05-04:heel-blood.open',
          text: [t('heel_open', { screening: '新生儿足跟血筛查' }), t('newbornFooter')].join('\n'),
          notBefore: sh('2026-05-04 10:00'),
          status: 'queued',
        },
      ]);
      await f.db.outboxMessage.deleteMany();
      await f.planner.planDay('2026-05-07', sh('2026-05-06 20:00'));
      expect(await outbox(f.db)).toMatchObject([
        {
          dedupeKey: 'newborn:p-ok:2026-05-07:heel-blood.last',
          text: [t('heel_last', { screening: '新生儿足跟血筛查', to: '2026年5月8日', from: '2026年5月4日', days: 1 }), t('newbornFooter')].join('\n'),
          notBefore: sh('2026-05-07 10:00'),
        },
        // she reported the birth on the 5th: this one is after that
        { dedupeKey: 'newborn:p-reportedLater:2026-05-07:heel-blood.last' },
      ]);
    });

    it('hearing re-screen on days 30 and 39 only when the first screen was not passed', async () => {
      for (const [id, hearingFirst] of [
        ['failed', 'failed'],
        ['notDone', 'notDone'],
        ['unknown', null],
        ['passed', 'passed'],
      ] as const) {
        await woman(f.db, id);
        await pregnancy(f.db, id, born({ hearingFirst, heelBloodDone: true }));
      }
      await f.planner.planDay('2026-05-31', sh('2026-05-30 20:00'));
      const open = [t('hearing_open', { screening: '听力复筛' }), t('newbornFooter')].join('\n');
      expect(await outbox(f.db)).toMatchObject([
        { dedupeKey: 'newborn:p-failed:2026-05-31:hearing-rescreen.open', text: open, notBefore: sh('2026-05-31 10:00') },
        { dedupeKey: 'newborn:p-notDone:2026-05-31:hearing-rescreen.open', text: open },
        { dedupeKey: 'newborn:p-unknown:2026-05-31:hearing-rescreen.open', text: open },
      ]);
      await f.db.outboxMessage.deleteMany();
      await f.planner.planDay('2026-06-09', sh('2026-06-08 20:00'));
      const last = [t('hearing_last', { screening: '听力复筛', days: 3, to: '2026年6月12日' }), t('newbornFooter')].join('\n');
      expect((await outbox(f.db)).map((r) => [r.dedupeKey, r.text])).toEqual([
        ['newborn:p-failed:2026-06-09:hearing-rescreen.last', last],
        ['newborn:p-notDone:2026-06-09:hearing-rescreen.last', last],
        ['newborn:p-unknown:2026-06-09:hearing-rescreen.last', last],
      ]);
    });
  });

  describe('re-screening (两癌)', () => {
    const checkedAt = sh('2025-11-01 10:00');
    const check = (contactId: string, o: { reasonCode?: string; nextEligibleOn?: string | null; programme?: string; checkedAt?: Date; eligible?: boolean }) =>
      f.db.eligibilityCheck.create({
        data: {
          contactId,
          programme: o.programme ?? 'twoCancer',
          eligible: o.eligible ?? false,
          reasonCode: o.reasonCode ?? null,
          nextEligibleOn: o.nextEligibleOn === undefined ? '2026-03-10' : o.nextEligibleOn,
          checkedAt: o.checkedAt ?? checkedAt,
        },
      });

    it('on the day an eligibility answer said she could join: age reached, or the interval over', async () => {
      await woman(f.db, 'young');
      await check('young', { reasonCode: 'age_below' });
      await woman(f.db, 'recent');
      await check('recent', { reasonCode: 'interval' });
      await woman(f.db, 'askedAgain');
      await check('askedAgain', { reasonCode: 'interval' });
      await check('askedAgain', { eligible: true, nextEligibleOn: null, checkedAt: sh('2026-01-10 10:00') });
      await woman(f.db, 'bookedSince');
      await check('bookedSince', { reasonCode: 'age_below' });
      await bookingRow(f.db, 'bookedSince', { serviceId: 'cervical', day: '2026-02-01', status: 'attended', createdAt: sh('2026-01-20 10:00') });
      await woman(f.db, 'residence');
      await check('residence', { reasonCode: 'residence' });
      await woman(f.db, 'prenatal');
      await check('prenatal', { reasonCode: 'interval', programme: 'prenatal' });
      await woman(f.db, 'otherDay');
      await check('otherDay', { reasonCode: 'interval', nextEligibleOn: '2026-03-11' });
      await woman(f.db, 'unsubscribed', { subscribed: false });
      await check('unsubscribed', { reasonCode: 'interval' });

      await f.planner.planDay('2026-03-10', sh('2026-03-09 20:00'));
      expect(await outbox(f.db)).toMatchObject([
        {
          dedupeKey: 'rescreen:recent:2026-03-10',
          text: t('rescreen', { programme: '两癌免费筛查', years: 5 }),
          notBefore: sh('2026-03-10 10:00'),
          status: 'queued',
        },
        { dedupeKey: 'rescreen:young:2026-03-10', text: t('ageReached', { programme: '两癌免费筛查', age: 35 }), notBefore: sh('2026-03-10 10:00') },
      ]);
      expect((await outbox(f.db))[0].text).toBe('您好！上次做两癌免费筛查到现在快5年了，现在又可以免费查了。回复“预约”约时间。不想再收提醒，回复“退订”。');
    });

    it('the profile interval (5 years in Henan) after an attended visit, with nothing booked since: one message for both screens', async () => {
      const visit = async (id: string, day = '2021-03-10') => {
        await woman(f.db, id);
        await bookingRow(f.db, id, { serviceId: 'cervical', day, status: 'attended' });
        await bookingRow(f.db, id, { serviceId: 'breast', day, status: 'attended' });
      };
      await visit('due');
      await visit('bookedAgain');
      await bookingRow(f.db, 'bookedAgain', { serviceId: 'cervical', day: '2026-03-20', status: 'confirmed' });
      await visit('screenedSince');
      await bookingRow(f.db, 'screenedSince', { serviceId: 'breast', day: '2024-01-09', status: 'attended' });
      await visit('cancelledSince');
      await bookingRow(f.db, 'cancelledSince', { serviceId: 'cervical', day: '2025-05-09', status: 'cancelled' });
      await visit('otherDay', '2021-03-11');
      await woman(f.db, 'noShow');
      await bookingRow(f.db, 'noShow', { serviceId: 'cervical', day: '2021-03-10', status: 'noshow' });

      expect(await f.planner.planDay('2026-03-10', sh('2026-03-09 20:00'))).toEqual({ planned: 2, queued: 2 });
      for (const pageSize of [1, 2, 3]) {
        const report = await new ReminderPlanner(f.db, () => f.config, pageSize).planDay('2026-03-10', sh('2026-03-09 20:05'));
        expect(report, `page size ${pageSize}`).toEqual({ planned: 2, queued: 0 });
      }
      const text = t('rescreen', { programme: '两癌免费筛查', years: 5 });
      expect((await outbox(f.db)).map((r) => [r.dedupeKey, r.text, r.notBefore])).toEqual([
        ['rescreen:cancelledSince:2026-03-10', text, sh('2026-03-10 10:00')],
        ['rescreen:due:2026-03-10', text, sh('2026-03-10 10:00')],
      ]);
    });

    it('one message a day however she qualifies; reconciling keeps the text the day was planned with', async () => {
      await woman(f.db, 'both');
      await check('both', { reasonCode: 'age_below' });
      await bookingRow(f.db, 'both', { serviceId: 'cervical', day: '2021-03-10', status: 'attended', createdAt: sh('2021-03-01 10:00') });
      expect(await f.planner.planDay('2026-03-10', sh('2026-03-09 20:00'))).toMatchObject({ queued: 1 });
      const planned = await outbox(f.db);
      expect(planned.map((r) => [r.dedupeKey, r.text])).toEqual([['rescreen:both:2026-03-10', t('ageReached', { programme: '两癌免费筛查', age: 35 })]]);
      await f.db.$transaction((tx) => f.planner.reconcile(tx, 'both', sh('2026-03-09 21:00')));
      expect(await outbox(f.db)).toEqual(planned);
    });
  });

  describe('planDay', () => {
    async function seedDay(n: number) {
      for (let i = 0; i < n; i++) {
        const id = `w${String(i).padStart(3, '0')}`;
        await woman(f.db, id);
        // alternately: NT and the dating visit closing, NT opening, NIPT opening
        await pregnancy(f.db, id, { dueDate: ['2026-09-28', '2026-10-11', '2026-10-04'][i % 3] });
      }
    }

    it('plans nothing for a day that is over', async () => {
      await seedDay(3);
      expect(await f.planner.planDay('2026-03-21', sh('2026-03-22 08:00'))).toEqual({ planned: 0, queued: 0 });
      expect(await outbox(f.db)).toEqual([]);
    });

    it('planning a day twice queues nothing the second time', async () => {
      await seedDay(9);
      expect(await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'))).toEqual({ planned: 9, queued: 9 });
      const before = await outbox(f.db);
      expect(await f.planner.planDay('2026-03-22', sh('2026-03-21 20:05'))).toEqual({ planned: 9, queued: 0 });
      expect(await outbox(f.db)).toEqual(before);
      expect(before.map((r) => r.dedupeKey.split(':').slice(2).join(':')).slice(0, 3)).toEqual([
        '2026-03-22:first-visit.closing+nt.closing',
        '2026-03-22:nt.open',
        '2026-03-22:nipt.open',
      ]);
    });

    it('concurrent planDay calls in one process queue each message exactly once', async () => {
      await seedDay(60);
      const planners = [3, 7, 11, 60].map((size) => new ReminderPlanner(f.db, () => f.config, size));
      const reports = await Promise.all(planners.map((p) => p.planDay('2026-03-22', sh('2026-03-21 20:00'))));
      expect(reports.map((r) => r.planned)).toEqual([60, 60, 60, 60]);
      expect(reports.reduce((n, r) => n + r.queued, 0)).toBe(60);
      const rows = await f.db.outboxMessage.groupBy({ by: ['dedupeKey'], _count: { _all: true } });
      expect(rows).toHaveLength(60);
      expect(rows.every((r) => r._count._all === 1)).toBe(true);
    });

    it.skipIf(testProvider !== 'postgres')(
      'two OS processes planning the same day on one PostgreSQL database queue each message once',
      { timeout: 90_000 },
      async () => {
        await seedDay(300);
        for (let i = 0; i < 40; i++) {
          await bookingRow(f.db, `w${String(i).padStart(3, '0')}`, { serviceId: 'cervical', day: '2026-03-23', status: 'confirmed' });
          await bookingRow(f.db, `w${String(i).padStart(3, '0')}`, { serviceId: 'breast', day: '2026-03-23', status: 'confirmed' });
        }
        const script = path.join(import.meta.dirname, 'planWorker.ts');
        const reports = await raceWorkers(
          [0, 1].map((i) =>
            startWorker<{ planned: number; queued: number }>(
              script,
              [f.database.url, '2026-03-22', sh('2026-03-21 20:00').toISOString(), String(10 + i * 7)],
              String(i),
            ),
          ),
        );
        // 300 prenatal alerts and 40 two-service visits (one reminder each)
        expect(reports.map((r) => r.planned)).toEqual([340, 340]);
        expect(reports[0].queued + reports[1].queued).toBe(340);
        const rows = await f.db.outboxMessage.groupBy({ by: ['dedupeKey'], _count: { _all: true } });
        expect(rows).toHaveLength(340);
        expect(rows.filter((r) => r._count._all !== 1)).toEqual([]);
        expect(rows.filter((r) => r.dedupeKey.startsWith('reminder:') && r.dedupeKey.includes('+'))).toHaveLength(40);
      },
    );
  });

  describe('reconcile', () => {
    const both = 'preg:p-w:2026-03-22:first-visit.closing+nt.closing';
    const dating = 'preg:p-w:2026-03-22:first-visit.closing';

    it("booking NT cancels tomorrow's NT alert; cancelling the booking brings it back", async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await openSlot(f.db, 'nt', '2026-03-25');
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      expect(await statuses(f.db)).toEqual({ [both]: 'queued' });

      const r = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['nt'],
        day: '2026-03-25',
        session: 'am',
        now: sh('2026-03-21 21:00'),
        ...ordinary,
      });
      if (!r.ok) throw new Error(r.reason);
      expect(await statuses(f.db)).toEqual({ [both]: 'cancelled:replanned', [dating]: 'queued' });
      const dated = (await outbox(f.db)).find((x) => x.dedupeKey === dating)!;
      expect(dated.notBefore).toEqual(sh('2026-03-22 10:00'));
      expect(dated.text).toBe(
        prenatalText({ ga: '12周6天', dueDate: '2026年9月28日' }, ['alert_first_visit_closing', { screening: '第一次产检建档', days: 7, to: '2026年3月29日' }]),
      );

      expect((await f.booking.cancel({ contactId: 'w', bookingId: r.bookings[0].id, now: sh('2026-03-21 21:30') })).ok).toBe(true);
      expect(await statuses(f.db)).toEqual({ [both]: 'queued', [dating]: 'cancelled:replanned' });
    });

    it('a due message still unsent when she books: what remains of it goes out now, not lost', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await openSlot(f.db, 'nt', '2026-03-25');
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      // 10:20, a backlog held the 10:00 alert; she books NT
      const r = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['nt'],
        day: '2026-03-25',
        session: 'am',
        now: sh('2026-03-22 10:20'),
        ...ordinary,
      });
      if (!r.ok) throw new Error(r.reason);
      expect(await statuses(f.db)).toEqual({ [both]: 'cancelled:replanned', [dating]: 'queued' });
      expect((await outbox(f.db)).find((x) => x.dedupeKey === dating)!.notBefore).toEqual(sh('2026-03-22 10:20'));
    });

    it('a due visit reminder still unsent when one of its two screenings is dropped: the visit is reminded now', async () => {
      await woman(f.db, 'w');
      await openSlot(f.db, 'cervical', '2026-03-23');
      await openSlot(f.db, 'breast', '2026-03-23');
      const r = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['cervical', 'breast'],
        day: '2026-03-23',
        session: 'am',
        now: sh('2026-03-21 10:00'),
        ...ordinary,
      });
      if (!r.ok) throw new Error(r.reason);
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      const [cervical, breast] = [...r.bookings].sort((a, b) => (a.serviceId < b.serviceId ? 1 : -1)).map((b) => b.id);
      const both = `reminder:${[cervical, breast].sort().join('+')}:2026-03-23:am`;
      expect(await statuses(f.db)).toEqual({ [both]: 'queued' });
      // 18:05, the 18:00 reminder is still waiting its turn; the breast screen is cancelled (past the
      // booking cut-off only staff can do that: written straight to the row, then reconciled as they do)
      await f.db.$transaction(async (tx) => {
        await tx.booking.update({ where: { id: breast }, data: { status: 'cancelled' } });
        await f.planner.reconcile(tx, 'w', sh('2026-03-22 18:05'));
      });
      expect(await statuses(f.db)).toEqual({ [both]: 'cancelled:replanned', [`reminder:${cervical}:2026-03-23:am`]: 'queued' });
      expect((await outbox(f.db)).find((m) => m.dedupeKey === `reminder:${cervical}:2026-03-23:am`)!.notBefore).toEqual(sh('2026-03-22 18:05'));
    });

    it('a sent message is not replaced: booking after it went out queues nothing late', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await openSlot(f.db, 'nt', '2026-03-25');
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      await f.db.outboxMessage.updateMany({ where: { dedupeKey: both }, data: { status: 'sent', sentAt: sh('2026-03-22 10:00') } });
      const r = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['nt'],
        day: '2026-03-25',
        session: 'am',
        now: sh('2026-03-22 10:20'),
        ...ordinary,
      });
      if (!r.ok) throw new Error(r.reason);
      expect(await statuses(f.db)).toEqual({ [both]: 'sent' });
    });

    it('a 两癌 booking does not touch her prenatal alerts', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await openSlot(f.db, 'cervical', '2026-03-23');
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      const r = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['cervical'],
        day: '2026-03-23',
        session: 'am',
        now: sh('2026-03-21 10:00'),
        ...ordinary,
      });
      if (!r.ok) throw new Error(r.reason);
      // tomorrow's visit: its reminder at 18:00 today is queued with the booking
      expect(await statuses(f.db)).toEqual({ [both]: 'queued', [`reminder:${r.bookings[0].id}:2026-03-23:am`]: 'queued' });
    });

    const prenatalOnly = async (contactId: string) =>
      Object.fromEntries(Object.entries(await statuses(f.db, { contactId })).filter(([k]) => k.startsWith('preg:')));

    it('a no-show for NT brings its alerts back', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await bookingRow(f.db, 'w', { serviceId: 'nt', day: '2026-03-12', status: 'confirmed' });
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      expect(await statuses(f.db)).toEqual({ [dating]: 'queued' });
      expect(await f.booking.markNoShows(sh('2026-03-21 21:00'))).toBe(1);
      expect(await prenatalOnly('w')).toEqual({ [both]: 'queued', [dating]: 'cancelled:replanned' });
    });

    it("a closed day cancels tomorrow's appointment reminder with the visit", async () => {
      await woman(f.db, 'w');
      await openSlot(f.db, 'cervical', '2026-03-23');
      const r = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['cervical'],
        day: '2026-03-23',
        session: 'am',
        now: sh('2026-03-21 10:00'),
        ...ordinary,
      });
      if (!r.ok) throw new Error(r.reason);
      const reminder = `reminder:${r.bookings[0].id}:2026-03-23:am`;
      expect(await statuses(f.db)).toEqual({ [reminder]: 'queued' });
      expect(await f.booking.cancelForClosure([r.bookings[0].id], sh('2026-03-21 12:00'))).toBe(1);
      expect((await statuses(f.db))[reminder]).toBe('cancelled:replanned');
    });

    it('a seat offered from the waitlist silences her alert for it; declining the offer brings it back', async () => {
      await woman(f.db, 'first');
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await openSlot(f.db, 'nt', '2026-03-25', 1);
      const taken = await f.booking.book({
        contactId: 'first',
        hospitalId: MCH,
        serviceIds: ['nt'],
        day: '2026-03-25',
        session: 'am',
        now: sh('2026-03-20 10:00'),
        ...ordinary,
      });
      if (!taken.ok) throw new Error(taken.reason);
      expect(
        await f.booking.joinWaitlist({
          contactId: 'w',
          hospitalId: MCH,
          serviceId: 'nt',
          dateFrom: '2026-03-23',
          dateTo: '2026-03-29',
          now: sh('2026-03-20 10:05'),
        }),
      ).toMatchObject({ ok: true });
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      expect(await prenatalOnly('w')).toEqual({ [both]: 'queued' });
      expect((await f.booking.cancel({ contactId: 'first', bookingId: taken.bookings[0].id, now: sh('2026-03-21 20:30') })).ok).toBe(true);
      expect(await f.db.booking.count({ where: { contactId: 'w', status: 'held' } })).toBe(1);
      expect(await prenatalOnly('w')).toEqual({ [both]: 'cancelled:replanned', [dating]: 'queued' });
      expect(await f.booking.declineOffer({ contactId: 'w', now: sh('2026-03-21 20:40') })).toBe(1);
      expect(await prenatalOnly('w')).toEqual({ [both]: 'queued', [dating]: 'cancelled:replanned' });
    });

    it('never queues a message whose time has passed', async () => {
      // serum-mid closes in 7 days on 05-10; the anomaly scan opens on 05-11
      await woman(f.db, 'early');
      await woman(f.db, 'late');
      const early = await f.pregnancy.register('early', { dueDate: DUE, datingFrom: 'dueDate' }, sh('2026-05-10 09:00'));
      const late = await f.pregnancy.register('late', { dueDate: DUE, datingFrom: 'dueDate' }, sh('2026-05-10 11:00'));
      if (!early.ok || !late.ok) throw new Error('not registered');
      expect(await statuses(f.db)).toEqual({
        [`preg:${early.pregnancy.id}:2026-05-10:serum-mid.closing`]: 'queued',
        [`preg:${early.pregnancy.id}:2026-05-11:anomaly-us.open`]: 'queued',
        [`preg:${late.pregnancy.id}:2026-05-11:anomaly-us.open`]: 'queued',
      });
    });

    it('a new due date moves her queued alerts', async () => {
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      const r = await f.pregnancy.redate('w', '2026-10-11', sh('2026-03-21 21:00'));
      expect(r).toMatchObject({ ok: true, before: DUE, pregnancy: { dueDate: '2026-10-11', datingFrom: 'corrected' } });
      expect(await statuses(f.db)).toEqual({ [both]: 'cancelled:replanned', 'preg:p-w:2026-03-22:nt.open': 'queued' });
      const moved = (await outbox(f.db)).find((x) => x.dedupeKey === 'preg:p-w:2026-03-22:nt.open')!;
      expect(moved.text).toBe(
        prenatalText({ ga: '11周', dueDate: '2026年10月11日' }, ['alert_open', { screening: 'NT超声检查', to: '2026年4月11日', closes: '13周6天' }]),
      );
      // and back: the first alert returns, the moved one goes
      await f.pregnancy.redate('w', DUE, sh('2026-03-21 21:05'));
      expect(await statuses(f.db)).toEqual({ [both]: 'queued', 'preg:p-w:2026-03-22:nt.open': 'cancelled:replanned' });
    });

    it('退订 cancels everything queued for her; 订阅 brings back what is still ahead', async () => {
      const store = new ConversationStore(f.db, f.turnSaved);
      await woman(f.db, 'w');
      await pregnancy(f.db, 'w', { dueDate: DUE });
      await openSlot(f.db, 'cervical', '2026-03-23');
      await f.planner.planDay('2026-03-22', sh('2026-03-21 20:00'));
      const r = await f.booking.book({
        contactId: 'w',
        hospitalId: MCH,
        serviceIds: ['cervical'],
        day: '2026-03-23',
        session: 'am',
        now: sh('2026-03-21 10:00'),
        ...ordinary,
      });
      if (!r.ok) throw new Error(r.reason);
      const appointment = `reminder:${r.bookings[0].id}:2026-03-23:am`;
      const turn = (version: number | null, subscribed: boolean, now: Date) =>
        store.saveTurn('w', {
          state: { flowId: 'menu', stepId: '', vars: {}, engine: { stack: [] }, failures: 0, lastActiveAt: now, idleResetAt: null, version },
          facts: [],
          checks: [],
          contact: { subscribed },
          clearFacts: false,
          now,
        });
      await turn(null, false, sh('2026-03-21 21:00'));
      expect(await statuses(f.db)).toEqual({ [both]: 'cancelled:unsubscribed', [appointment]: 'cancelled:unsubscribed' });
      // planning again while she is unsubscribed brings nothing back
      await f.planner.planDay('2026-03-22', sh('2026-03-21 21:10'));
      expect(await statuses(f.db)).toEqual({ [both]: 'cancelled:unsubscribed', [appointment]: 'cancelled:unsubscribed' });
      // the next morning at 11:00: the 10:00 alert is over, the 18:00 appointment reminder is ahead
      await turn(1, true, sh('2026-03-22 11:00'));
      expect(await statuses(f.db)).toEqual({ [both]: 'cancelled:unsubscribed', [appointment]: 'queued' });
    });
  });

  describe("enqueueMessages (the planners' batch insert)", () => {
    it('inserts hundreds of rows in several statements, skipping keys queued before or twice in the batch, and reads back unchanged', async () => {
      await woman(f.db, 'w');
      const now = sh('2026-03-21 20:00');
      const item = (i: number) => ({
        contactId: 'w',
        channel: 'simulator',
        externalId: 'ext-w',
        text: `消息 ${i}：'引号' "双引号" \\ 反斜杠`,
        priority: (i % 3) as 0 | 1 | 2,
        dedupeKey: `batch:${i}`,
        notBefore: new Date(sh('2026-03-22 10:00').getTime() + i * 1000),
        ...(i % 2 === 0 ? { account: 'bot-2', maxAttempts: 3 } : {}),
      });
      expect(await f.db.$transaction((tx) => enqueueMessages(tx, [item(7)], now))).toBe(1);
      // 450 items: 7 was queued before, 100 and 300 come twice (once in the same statement, once in another)
      const items = [...Array.from({ length: 450 }, (_, i) => item(i)), item(100), item(300)];
      items.splice(150, 0, item(120));
      expect(await f.db.$transaction((tx) => enqueueMessages(tx, items, now))).toBe(449);
      const rows = await f.db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: 'batch:' } }, orderBy: { notBefore: 'asc' } });
      expect(rows).toHaveLength(450);
      for (const [i, r] of rows.entries()) {
        const want = item(i);
        expect({
          key: r.dedupeKey,
          text: r.text,
          priority: r.priority,
          notBefore: r.notBefore,
          account: r.account,
          maxAttempts: r.maxAttempts,
          status: r.status,
          attempts: r.attempts,
          createdAt: r.createdAt,
        }).toEqual({
          key: want.dedupeKey,
          text: want.text,
          priority: want.priority,
          notBefore: want.notBefore,
          account: i % 2 === 0 ? 'bot-2' : 'default',
          maxAttempts: i % 2 === 0 ? 3 : 5,
          status: 'queued',
          attempts: 0,
          createdAt: now,
        });
      }
      expect(await f.db.$transaction((tx) => enqueueMessages(tx, [], now))).toBe(0);
    });
  });

  describe('markMissed', () => {
    it('marks a window that closed yesterday with nothing booked, once', async () => {
      const cases: [string, Parameters<typeof pregnancy>[2]][] = [
        ['none', { dueDate: DUE }],
        ['ntAttended', { dueDate: DUE }],
        ['ntCancelled', { dueDate: DUE }],
        ['ntBookedLate', { dueDate: DUE }],
        ['registeredOnLastDay', { dueDate: DUE, registeredOn: '2026-03-29' }],
        ['registeredAfter', { dueDate: DUE, registeredOn: '2026-03-30' }],
        ['datingDone', { dueDate: DUE }],
        ['born', { dueDate: DUE, status: 'born', birthDate: '2026-03-20', endedOn: '2026-03-20' }],
        ['otherDue', { dueDate: '2026-09-29' }],
      ];
      for (const [id, p] of cases) {
        await woman(f.db, id);
        await pregnancy(f.db, id, p);
      }
      await bookingRow(f.db, 'ntAttended', { serviceId: 'nt', day: '2026-03-12', status: 'attended' });
      await bookingRow(f.db, 'ntCancelled', { serviceId: 'nt', day: '2026-03-12', status: 'cancelled' });
      // a booking still confirmed (attendance not yet marked) counts as booked
      await bookingRow(f.db, 'ntBookedLate', { serviceId: 'nt', day: '2026-03-29', status: 'confirmed' });
      await f.db.pregnancyScreening.create({
        data: { pregnancyId: 'p-datingDone', screeningId: 'first-visit', status: 'done', day: '2026-03-01', createdAt: sh('2026-03-01 10:00') },
      });

      const now = sh('2026-03-30 00:10');
      expect(await f.planner.markMissed('2026-03-30', now)).toBe(9);
      const marks = async () =>
        (await f.db.pregnancyScreening.findMany({ orderBy: [{ pregnancyId: 'asc' }, { screeningId: 'asc' }] })).map(
          (m) => `${m.pregnancyId} ${m.screeningId} ${m.status} ${m.day}`,
        );
      const expected = [
        'p-datingDone first-visit done 2026-03-01',
        'p-datingDone nt missed 2026-03-29',
        'p-none first-visit missed 2026-03-29',
        'p-none nt missed 2026-03-29',
        'p-ntAttended first-visit missed 2026-03-29',
        'p-ntBookedLate first-visit missed 2026-03-29',
        'p-ntCancelled first-visit missed 2026-03-29',
        'p-ntCancelled nt missed 2026-03-29',
        'p-registeredOnLastDay first-visit missed 2026-03-29',
        'p-registeredOnLastDay nt missed 2026-03-29',
      ];
      expect(await marks()).toEqual(expected);
      expect(await f.planner.markMissed('2026-03-30', sh('2026-03-30 00:20'))).toBe(0);
      expect(await marks()).toEqual(expected);

      // NT missed: the fallback scan's alerts start (not for the one who had NT)
      await f.planner.planDay('2026-04-13', sh('2026-04-12 20:00'));
      expect(await keysOf()).toEqual([
        'preg:p-datingDone:2026-04-13:fallback-us.open',
        'preg:p-none:2026-04-13:fallback-us.open',
        'preg:p-ntCancelled:2026-04-13:fallback-us.open',
        'preg:p-registeredOnLastDay:2026-04-13:fallback-us.open',
      ]);
    });

    it('marks only screenings offered to her (fallback scan after a missed NT, prenatal diagnosis when referred)', async () => {
      await woman(f.db, 'plain');
      await pregnancy(f.db, 'plain', { dueDate: DUE });
      await woman(f.db, 'referred');
      await pregnancy(f.db, 'referred', { dueDate: DUE, referred: true });
      await f.db.pregnancyScreening.create({
        data: { pregnancyId: 'p-referred', screeningId: 'nt', status: 'missed', day: '2026-03-29', createdAt: sh('2026-03-30 00:10') },
      });
      // 05-10 is the last day of the fallback scan (19w6d)
      expect(await f.planner.markMissed('2026-05-11', sh('2026-05-11 00:10'))).toBe(1);
      // 05-31: NIPT and prenatal diagnosis (22w6d)
      expect(await f.planner.markMissed('2026-06-01', sh('2026-06-01 00:10'))).toBe(3);
      const rows = await f.db.pregnancyScreening.findMany({ where: { status: 'missed' }, orderBy: [{ pregnancyId: 'asc' }, { screeningId: 'asc' }] });
      expect(rows.map((m) => `${m.pregnancyId} ${m.screeningId} ${m.day}`)).toEqual([
        'p-plain nipt 2026-05-31',
        'p-referred fallback-us 2026-05-10',
        'p-referred nipt 2026-05-31',
        'p-referred nt 2026-03-29',
        'p-referred prenatal-diagnosis 2026-05-31',
      ]);
    });
  });
});
