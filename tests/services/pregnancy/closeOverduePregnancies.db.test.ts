// Pregnancies long past their due date with no birth reported are closed: she is not taken to be
// pregnant any more, her due date fact is forgotten, a new pregnancy can be registered, and a birth
// she reports later still ends the closed one (with the newborn reminders after it).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeOverduePregnancies } from '../../../src/services/pregnancy/closeOverduePregnancies.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import { clearRows, openReminderFixture, pregnancy, sh, woman, type ReminderFixture } from '../reminders/reminderFixtures.js';

describe.skipIf(dbUnavailable)(`closing overdue pregnancies (${testProvider})`, () => {
  let f: ReminderFixture;
  beforeAll(async () => {
    f = await openReminderFixture();
  });
  afterAll(async () => f?.close());
  beforeEach(async () => clearRows(f.db));

  const statusOf = async (id: string) => await f.db.pregnancy.findUniqueOrThrow({ where: { id }, select: { status: true, activeKey: true, endedOn: true } });

  it('closes those more than 42 days past the due date, once; the others stay', async () => {
    for (const [id, dueDate] of [
      ['old', '2026-04-01'],
      ['edge', '2026-04-02'],
      ['young', '2026-09-28'],
    ] as const) {
      await woman(f.db, id);
      await pregnancy(f.db, id, { dueDate });
      await f.db.fact.create({
        data: { contactId: id, key: 'dueDate', valueJson: JSON.stringify(dueDate), sensitive: true, updatedAt: sh('2026-01-05 09:00') },
      });
    }
    // 2026-05-14 is 43 days after 04-01 and 42 after 04-02
    expect(await closeOverduePregnancies(f.db, '2026-05-14', 42)).toBe(1);
    expect(await statusOf('p-old')).toEqual({ status: 'lapsed', activeKey: null, endedOn: '2026-05-14' });
    expect(await statusOf('p-edge')).toEqual({ status: 'active', activeKey: 'edge', endedOn: null });
    expect((await f.db.fact.findMany({ where: { key: 'dueDate' }, orderBy: { contactId: 'asc' } })).map((x) => x.contactId)).toEqual(['edge', 'young']);
    expect(await closeOverduePregnancies(f.db, '2026-05-14', 42)).toBe(0);
    expect(await f.pregnancy.active('old')).toBeUndefined();
  });

  it('a birth reported after the closing ends that pregnancy; a new one can be registered meanwhile', async () => {
    await woman(f.db, 'w');
    await pregnancy(f.db, 'w', { dueDate: '2026-04-01' });
    await closeOverduePregnancies(f.db, '2026-05-14', 42);
    expect(await f.pregnancy.awaitingBirth('w')).toMatchObject({ id: 'p-w', status: 'lapsed' });
    const r = await f.pregnancy.reportBirth('w', '2026-04-03', sh('2026-05-15 10:00'));
    expect(r).toMatchObject({ ok: true, pregnancy: { id: 'p-w', status: 'born', birthDate: '2026-04-03', endedOn: '2026-05-15' } });

    await woman(f.db, 'v');
    await pregnancy(f.db, 'v', { dueDate: '2026-04-01' });
    await closeOverduePregnancies(f.db, '2026-05-14', 42);
    const again = await f.pregnancy.register('v', { dueDate: '2027-01-10', datingFrom: 'dueDate' }, sh('2026-05-15 10:00'));
    expect(again).toMatchObject({ ok: true, pregnancy: { status: 'active', dueDate: '2027-01-10' } });
    expect(await f.pregnancy.awaitingBirth('v')).toMatchObject({ status: 'active', dueDate: '2027-01-10' });
  });

  it('a closed pregnancy takes only a birth before its closing, and only while it is her latest', async () => {
    await woman(f.db, 'w');
    await pregnancy(f.db, 'w', { dueDate: '2026-04-01' });
    await closeOverduePregnancies(f.db, '2026-05-14', 42);
    // a baby born after the closing is not this pregnancy's
    expect(await f.pregnancy.reportBirth('w', '2026-06-01', sh('2026-06-02 10:00'))).toEqual({ ok: false, reason: 'none' });
    // a later pregnancy, born: the old closed one is not offered for another birth
    await f.db.pregnancy.create({
      data: {
        id: 'p-w2',
        contactId: 'w',
        status: 'born',
        dueDate: '2027-03-01',
        datingFrom: 'dueDate',
        registeredOn: '2026-07-01',
        birthDate: '2027-02-27',
        endedOn: '2027-02-28',
        createdAt: sh('2026-07-01 09:00'),
      },
    });
    expect(await f.pregnancy.awaitingBirth('w')).toBeUndefined();
  });
});
