// 两癌 re-screening reminders on a real database with the Henan profile (demo county 项城: ages
// 35–64, once per 5 years): no reminder for a woman known to be past the age range on the day or
// pregnant now, in both planners (the eligibility answer's day and the day after the interval); a
// 29 Feb visit is reminded on 1 Mar of a year without one (the day the eligibility check names),
// once. The exact outbox rows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderTemplate, type TemplateVars } from '../../../src/domain/template.js';
import { ReminderPlanner } from '../../../src/services/reminders/ReminderPlanner.js';
import { rescreenVisitDays } from '../../../src/services/reminders/planRescreen.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import { bookingRow, clearRows, openReminderFixture, outbox, pregnancy, sh, woman, type ReminderFixture } from './reminderFixtures.js';

describe('rescreenVisitDays: the visit days reminded on a day, years later', () => {
  it.each([
    // an ordinary day: the same day, years before
    ['2026-03-10', 5, ['2021-03-10']],
    ['2026-02-28', 5, ['2021-02-28']],
    ['2026-03-01', 5, ['2021-03-01']],
    // 1 Mar of a year without 29 Feb, years after a leap year: the 29 Feb and the 1 Mar visits
    ['2029-03-01', 5, ['2024-02-29', '2024-03-01']],
    ['2027-03-01', 3, ['2024-02-29', '2024-03-01']],
    // …and the day before is only 28 Feb's (the 29 Feb visit is not reminded early, nor twice)
    ['2029-02-28', 5, ['2024-02-28']],
    ['2027-02-28', 3, ['2024-02-28']],
    // 29 Feb, years after a leap year: its own visits
    ['2028-02-29', 4, ['2024-02-29']],
    // 28 Feb and 1 Mar of a leap year: only their own day (29 Feb is reminded on its day)
    ['2028-02-28', 4, ['2024-02-28']],
    ['2028-02-28', 5, ['2023-02-28']],
    ['2028-03-01', 4, ['2024-03-01']],
    ['2028-03-01', 5, ['2023-03-01']],
    // 29 Feb, years after a year without one: nothing (no visit falls on it)
    ['2028-02-29', 5, []],
    ['2028-02-29', 3, []],
    // century years: 2100 has no 29 Feb, 2000 has
    ['2105-03-01', 5, ['2100-03-01']],
    ['2005-03-01', 5, ['2000-02-29', '2000-03-01']],
    ['2005-02-28', 5, ['2000-02-28']],
    // not a day
    ['2026-02-30', 5, []],
    ['2026-3-10', 5, []],
  ])('%s, %i years → %j', (day, years, visits) => {
    expect(rescreenVisitDays(day, years)).toEqual(visits);
  });
});

describe.skipIf(dbUnavailable)(`re-screening reminders: age, pregnancy, 29 Feb (${testProvider})`, () => {
  let f: ReminderFixture;
  let text: string;
  let ageText: string;

  const t = (key: string, vars: TemplateVars) => renderTemplate(f.profile.reminders.texts[key]!, vars);
  const fact = (contactId: string, key: string, value: unknown) =>
    f.db.fact.create({ data: { contactId, key, valueJson: JSON.stringify(value), sensitive: true, updatedAt: sh('2021-03-01 10:00') } });
  const birthDate = (contactId: string, day: string) => fact(contactId, 'birthDate', day);
  const check = (contactId: string, o: { reasonCode: string | null; nextEligibleOn?: string | null; eligible?: boolean; checkedAt?: Date }) =>
    f.db.eligibilityCheck.create({
      data: {
        contactId,
        programme: 'twoCancer',
        eligible: o.eligible ?? false,
        reasonCode: o.reasonCode,
        nextEligibleOn: o.nextEligibleOn ?? null,
        checkedAt: o.checkedAt ?? sh('2025-11-01 10:00'),
      },
    });
  /** Both 两癌 screens attended on `day`. */
  const visit = async (id: string, day = '2021-03-10') => {
    await woman(f.db, id);
    await bookingRow(f.db, id, { serviceId: 'cervical', day, status: 'attended', createdAt: sh('2021-03-01 10:00') });
    await bookingRow(f.db, id, { serviceId: 'breast', day, status: 'attended', createdAt: sh('2021-03-01 10:00') });
  };
  const rows = async () => (await outbox(f.db)).map((r) => [r.dedupeKey, r.text, r.notBefore, r.status]);

  beforeAll(async () => {
    f = await openReminderFixture();
    text = t('rescreen', { programme: '两癌免费筛查', years: 5 });
    ageText = t('ageReached', { programme: '两癌免费筛查', age: 35 });
  });
  afterAll(async () => {
    await f?.close();
  });
  beforeEach(async () => {
    await clearRows(f.db);
  });

  it("the config carries the profile's 两癌 age range and interval", () => {
    expect(f.config.rescreen).toMatchObject({ years: 5, age: { min: 35, max: 64, fact: 'birthDate' } });
  });

  describe('her age on the day, after a visit 5 years ago', () => {
    it('older than the maximum age: nothing; within the range or birth date unknown: reminded', async () => {
      // screened at 61, 66 now (the review's case)
      await visit('at66');
      await birthDate('at66', '1960-01-15');
      // turns 65 on the day: past the range
      await visit('turns65');
      await birthDate('turns65', '1961-03-10');
      // turns 65 the day after: still 64
      await visit('still64');
      await birthDate('still64', '1961-03-11');
      await visit('at50');
      await birthDate('at50', '1976-01-15');
      // never told her birth date: the text invites her to check
      await visit('unknown');
      // a stored birth date that is not a day counts as unknown
      await visit('malformed');
      await fact('malformed', 'birthDate', { year: 1960 });
      // another fact of hers is not her birth date
      await visit('otherFact');
      await fact('otherFact', 'residence', 'hukou');

      expect(await f.planner.planDay('2026-03-10', sh('2026-03-09 20:00'))).toEqual({ planned: 5, queued: 5 });
      const at = sh('2026-03-10 10:00');
      expect(await rows()).toEqual([
        ['rescreen:at50:2026-03-10', text, at, 'queued'],
        ['rescreen:malformed:2026-03-10', text, at, 'queued'],
        ['rescreen:otherFact:2026-03-10', text, at, 'queued'],
        ['rescreen:still64:2026-03-10', text, at, 'queued'],
        ['rescreen:unknown:2026-03-10', text, at, 'queued'],
      ]);
      // every page size plans the same women
      for (const pageSize of [1, 2, 3, 5]) {
        const report = await new ReminderPlanner(f.db, () => f.config, pageSize).planDay('2026-03-10', sh('2026-03-09 20:05'));
        expect(report, `page size ${pageSize}`).toEqual({ planned: 5, queued: 0 });
      }
    });

    it('a birth date she gave as a year, a month or an age: not reminded only when she is over the age whichever day it was', async () => {
      await visit('born1959');
      await fact('born1959', 'birthDate', { date: '1959-01-01', precision: 'year' });
      await visit('born1961');
      await fact('born1961', 'birthDate', { date: '1961-01-01', precision: 'year' });
      await visit('bornFeb1961');
      await fact('bornFeb1961', 'birthDate', { date: '1961-02-01', precision: 'month' });
      await visit('said70');
      await fact('said70', 'birthDate', { age: 70, on: '2021-03-01' });
      await visit('said50');
      await fact('said50', 'birthDate', { age: 50, on: '2021-03-01' });

      expect(await f.planner.planDay('2026-03-10', sh('2026-03-09 20:00'))).toEqual({ planned: 2, queued: 2 });
      expect((await rows()).map((r) => r[0])).toEqual(['rescreen:born1961:2026-03-10', 'rescreen:said50:2026-03-10']);
    });

    it('birth date unknown: her latest 两癌 answer saying she was over the age counts; a later answer replaces it', async () => {
      await visit('saidTooOld');
      await check('saidTooOld', { reasonCode: 'age_above' });
      await visit('olderAnswer');
      await check('olderAnswer', { reasonCode: 'age_above', checkedAt: sh('2025-01-01 10:00') });
      await check('olderAnswer', { reasonCode: null, eligible: true, checkedAt: sh('2025-11-01 10:00') });

      expect(await f.planner.planDay('2026-03-10', sh('2026-03-09 20:00'))).toEqual({ planned: 1, queued: 1 });
      expect(await rows()).toEqual([['rescreen:olderAnswer:2026-03-10', text, sh('2026-03-10 10:00'), 'queued']]);
    });

    it('told by an eligibility answer she could join again from the day, but past the age by then: nothing', async () => {
      // screened at 62 inside the interval: told to come back at 67
      await woman(f.db, 'interval67');
      await birthDate('interval67', '1959-01-15');
      await check('interval67', { reasonCode: 'interval', nextEligibleOn: '2026-03-10' });
      await woman(f.db, 'interval55');
      await birthDate('interval55', '1971-01-15');
      await check('interval55', { reasonCode: 'interval', nextEligibleOn: '2026-03-10' });
      await woman(f.db, 'turns35');
      await birthDate('turns35', '1991-03-10');
      await check('turns35', { reasonCode: 'age_below', nextEligibleOn: '2026-03-10' });

      expect(await f.planner.planDay('2026-03-10', sh('2026-03-09 20:00'))).toEqual({ planned: 2, queued: 2 });
      const at = sh('2026-03-10 10:00');
      expect(await rows()).toEqual([
        ['rescreen:interval55:2026-03-10', text, at, 'queued'],
        ['rescreen:turns35:2026-03-10', ageText, at, 'queued'],
      ]);
    });
  });

  describe('pregnant now', () => {
    it('an active pregnancy: no reminder in either planner; a pregnancy that ended does not stop it', async () => {
      await visit('pregnantVisit');
      await pregnancy(f.db, 'pregnantVisit', { dueDate: '2026-09-28' });
      await woman(f.db, 'pregnantYoung');
      await check('pregnantYoung', { reasonCode: 'age_below', nextEligibleOn: '2026-03-10' });
      await pregnancy(f.db, 'pregnantYoung', { dueDate: '2026-09-28' });
      await woman(f.db, 'pregnantInterval');
      await check('pregnantInterval', { reasonCode: 'interval', nextEligibleOn: '2026-03-10' });
      await pregnancy(f.db, 'pregnantInterval', { dueDate: '2026-09-28' });
      await visit('bornVisit');
      await pregnancy(f.db, 'bornVisit', { dueDate: '2025-06-01', status: 'born', birthDate: '2025-06-03', endedOn: '2025-06-04' });
      await woman(f.db, 'lostYoung');
      await check('lostYoung', { reasonCode: 'age_below', nextEligibleOn: '2026-03-10' });
      await pregnancy(f.db, 'lostYoung', { dueDate: '2026-05-01', status: 'lost', endedOn: '2025-12-01' });

      expect(await f.planner.planDay('2026-03-10', sh('2026-03-09 20:00'))).toEqual({ planned: 2, queued: 2 });
      for (const pageSize of [1, 2]) {
        const report = await new ReminderPlanner(f.db, () => f.config, pageSize).planDay('2026-03-10', sh('2026-03-09 20:05'));
        expect(report, `page size ${pageSize}`).toEqual({ planned: 2, queued: 0 });
      }
      const at = sh('2026-03-10 10:00');
      expect(await rows()).toEqual([
        ['rescreen:bornVisit:2026-03-10', text, at, 'queued'],
        ['rescreen:lostYoung:2026-03-10', ageText, at, 'queued'],
      ]);
    });

    it('registering a pregnancy cancels the re-screening reminder queued for the day', async () => {
      await visit('due');
      await f.planner.planDay('2026-03-10', sh('2026-03-09 20:00'));
      expect(await rows()).toEqual([['rescreen:due:2026-03-10', text, sh('2026-03-10 10:00'), 'queued']]);
      const r = await f.pregnancy.register('due', { dueDate: '2026-10-20', datingFrom: 'dueDate' }, sh('2026-03-09 21:00'));
      expect(r.ok).toBe(true);
      expect((await outbox(f.db)).filter((m) => m.dedupeKey.startsWith('rescreen:')).map((m) => [m.dedupeKey, m.status])).toEqual([
        ['rescreen:due:2026-03-10', 'cancelled'],
      ]);
    });
  });

  describe('a visit on 29 Feb', () => {
    it('is reminded on 1 Mar five years later (no 29 Feb that year), once; 1 Mar visits too, and one message for both days', async () => {
      await visit('leapDay', '2024-02-29');
      await visit('dayBefore', '2024-02-28');
      await visit('marchFirst', '2024-03-01');
      // cervical on 29 Feb, breast on 1 Mar: one message (her 1 Mar screen is not one booked since)
      await woman(f.db, 'twoDays');
      await bookingRow(f.db, 'twoDays', { serviceId: 'cervical', day: '2024-02-29', status: 'attended' });
      await bookingRow(f.db, 'twoDays', { serviceId: 'breast', day: '2024-03-01', status: 'attended' });
      // cervical on 28 Feb, breast on 29 Feb: not on 28 Feb (screened since), once on 1 Mar
      await woman(f.db, 'lateBreast');
      await bookingRow(f.db, 'lateBreast', { serviceId: 'cervical', day: '2024-02-28', status: 'attended' });
      await bookingRow(f.db, 'lateBreast', { serviceId: 'breast', day: '2024-02-29', status: 'attended' });
      // booked again after the 29 Feb visit: nothing
      await visit('bookedSince', '2024-02-29');
      await bookingRow(f.db, 'bookedSince', { serviceId: 'cervical', day: '2029-03-05', status: 'confirmed' });
      // past the age on 1 Mar 2029
      await visit('tooOld', '2024-02-29');
      await birthDate('tooOld', '1964-01-01');

      // 28 Feb: only the 28 Feb visit
      expect(await f.planner.planDay('2029-02-28', sh('2029-02-27 20:00'))).toEqual({ planned: 1, queued: 1 });
      expect(await f.planner.planDay('2029-03-01', sh('2029-02-28 20:00'))).toEqual({ planned: 4, queued: 4 });
      for (const pageSize of [1, 2, 3]) {
        const report = await new ReminderPlanner(f.db, () => f.config, pageSize).planDay('2029-03-01', sh('2029-02-28 20:05'));
        expect(report, `page size ${pageSize}`).toEqual({ planned: 4, queued: 0 });
      }
      const mar1 = sh('2029-03-01 10:00');
      expect(await rows()).toEqual([
        ['rescreen:dayBefore:2029-02-28', text, sh('2029-02-28 10:00'), 'queued'],
        ['rescreen:lateBreast:2029-03-01', text, mar1, 'queued'],
        ['rescreen:leapDay:2029-03-01', text, mar1, 'queued'],
        ['rescreen:marchFirst:2029-03-01', text, mar1, 'queued'],
        ['rescreen:twoDays:2029-03-01', text, mar1, 'queued'],
      ]);
    });

    it('the eligibility answer names the same day: one message for both planners', async () => {
      await visit('leapDay', '2024-02-29');
      await check('leapDay', { reasonCode: 'interval', nextEligibleOn: '2029-03-01', checkedAt: sh('2025-11-01 10:00') });
      // planned by both (the answer's day, the visit's interval), queued once: one key for her day
      expect(await f.planner.planDay('2029-03-01', sh('2029-02-28 20:00'))).toEqual({ planned: 2, queued: 1 });
      expect(await rows()).toEqual([['rescreen:leapDay:2029-03-01', text, sh('2029-03-01 10:00'), 'queued']]);
    });

    it('reconciling on 1 Mar finds her 29 Feb visit', async () => {
      await visit('leapDay', '2024-02-29');
      await f.db.$transaction((tx) => f.planner.reconcile(tx, 'leapDay', sh('2029-02-28 21:00'), ['rescreen']));
      expect(await rows()).toEqual([['rescreen:leapDay:2029-03-01', text, sh('2029-03-01 10:00'), 'queued']]);
    });
  });
});
