// "Was the baby born?" after the due date (Henan profile on national: 7 and 21 days after it, at
// 10:00): only for a pregnancy still active; the birth cancels a queued one with the rest of the
// pregnancy's messages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../src/domain/template.js';
import { dbUnavailable, testProvider } from '../../support/testDb.js';
import { clearRows, openReminderFixture, outbox, pregnancy, sh, statuses, woman, type ReminderFixture } from './reminderFixtures.js';

describe.skipIf(dbUnavailable)(`asking about the birth after the due date (${testProvider})`, () => {
  let f: ReminderFixture;
  beforeAll(async () => {
    f = await openReminderFixture();
  });
  afterAll(async () => f?.close());
  beforeEach(async () => clearRows(f.db));

  const text = (dueDate: string, days: number) => renderTemplate(f.profile.reminders.texts.birth_check!, { dueDate, days });

  it('on days 7 and 21 after the due date at 10:00, for active pregnancies only', async () => {
    await woman(f.db, 'w');
    await pregnancy(f.db, 'w', { dueDate: '2026-03-01' });
    await woman(f.db, 'born');
    await pregnancy(f.db, 'born', { dueDate: '2026-03-01', status: 'born', birthDate: '2026-02-27', endedOn: '2026-02-28' });
    await woman(f.db, 'off');
    await pregnancy(f.db, 'off', { dueDate: '2026-03-01' });
    await f.db.contact.update({ where: { id: 'off' }, data: { subscribed: false } });

    for (const day of ['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-22']) await f.planner.planDay(day, sh(`${day} 08:00`));
    expect((await outbox(f.db)).map((m) => [m.dedupeKey, m.notBefore.toISOString(), m.text])).toEqual([
      ['preg:p-w:2026-03-08:birth-check', sh('2026-03-08 10:00').toISOString(), text('2026年3月1日', 7)],
      ['preg:p-w:2026-03-22:birth-check', sh('2026-03-22 10:00').toISOString(), text('2026年3月1日', 21)],
    ]);
    expect(text('2026年3月1日', 7)).toContain('宝宝出生了吗？');
  });

  it('reporting the birth cancels a queued one', async () => {
    await woman(f.db, 'w');
    await pregnancy(f.db, 'w', { dueDate: '2026-03-01' });
    await f.planner.planDay('2026-03-08', sh('2026-03-07 20:00'));
    expect(await f.pregnancy.reportBirth('w', '2026-03-06', sh('2026-03-07 21:00'))).toMatchObject({ ok: true });
    expect(await statuses(f.db)).toEqual({ 'preg:p-w:2026-03-08:birth-check': 'cancelled:born' });
  });
});
