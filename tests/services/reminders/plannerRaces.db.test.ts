// What happens when a woman's situation changes while the evening planning runs, or a message is
// held back past its day: a message planned from the old state is cancelled when its turn to be sent
// comes, one for a day that is over is worded for the day it goes out (lateMessages.db.test.ts has
// the rest); a woman deleting her data in the middle of a page costs nobody else their reminders.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { plannedDay, ReminderPlanner } from '../../../src/services/reminders/ReminderPlanner.js';
import { dbUnavailable } from '../../support/testDb.js';
import { clearRows, dispatcherFor, openReminderFixture, pregnancy, sh, woman, type ReminderFixture } from './reminderFixtures.js';

describe.skipIf(dbUnavailable)('planning races', () => {
  let f: ReminderFixture;
  beforeAll(async () => {
    f = await openReminderFixture();
  });
  afterAll(async () => f.close());
  beforeEach(async () => clearRows(f.db));

  // due 2026-09-28: NT opens 2026-03-09, its "3 days before" alert is on 2026-03-06 at 10:00
  const key = 'preg:p-w1:2026-03-06:nt.soon';
  const message = { id: 'm1', contactId: 'w1', dedupeKey: key, notBefore: sh('2026-03-06 10:00') };

  it('a queued alert is still due while nothing changed; not after a re-dating or a loss', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    const at = sh('2026-03-06 10:00');
    expect(await f.planner.review(message, at)).toEqual({});
    // (changes written straight to the rows, as if committed while the planner was between read and insert)
    await f.db.pregnancy.update({ where: { id: 'p-w1' }, data: { dueDate: '2026-10-05' } });
    expect(await f.planner.review(message, at)).toEqual({ cancel: 'no longer due' });
    await f.db.pregnancy.update({ where: { id: 'p-w1' }, data: { dueDate: '2026-09-28', status: 'lost', activeKey: null } });
    expect(await f.planner.review(message, at)).toEqual({ cancel: 'no longer due' });
    // other messages (offers, notices) are not the planner's to judge
    expect(await f.planner.review({ ...message, dedupeKey: 'waitlist-offer:w1:xc-mch:2026-03-06:am:1' }, at)).toEqual({});
  });

  it('a message held back past its day is worded for the next; one whose notBefore retries moved is judged by its key', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    // failed sends pushed it to 20:50: still the alert of 2026-03-06, still its day
    expect(await f.planner.review({ ...message, notBefore: sh('2026-03-06 20:50') }, sh('2026-03-06 20:50'))).toEqual({});
    // the quiet hours and a throttled account held it to the next morning: "3天后" would be wrong
    expect((await f.planner.review(message, sh('2026-03-07 08:00'))).text).toBe(
      [
        '孕期提醒：您今天怀孕10周5天了（预产期2026年9月28日）。',
        '· NT超声检查：2026年3月9日起可以做，要在怀孕11周到13周6天之间做，最晚2026年3月29日。',
        '回复“预约”约时间；已经做过了，回复“做过了”。不想再收提醒，回复“退订”。',
      ].join('\n'),
    );
    // an appointment reminder (planned the day before the visit) whose visit is gone is not sent
    const visit = { id: 'm2', contactId: 'w1', dedupeKey: 'reminder:b1+b2:2026-03-07:am', notBefore: sh('2026-03-06 18:00') };
    expect(await f.planner.review(visit, sh('2026-03-07 08:00'))).toEqual({
      cancel: 'late (planned for 2026-03-06): no longer due',
      logReason: 'late: no longer due',
    });
    expect(plannedDay('prenatal', key)).toBe('2026-03-06');
    expect(plannedDay('appointment', 'reminder:b1+b2:2026-03-07:am')).toBe('2026-03-06');
    expect(plannedDay('newborn', 'newborn:p1:2026-10-13:heel-blood.open')).toBe('2026-10-13');
    expect(plannedDay('rescreen', 'rescreen:w1:2026-05-06')).toBe('2026-05-06');
    expect(plannedDay('rescreen', 'rescreen:w1')).toBeUndefined();
  });

  const dispatcherWithPlanner = () => dispatcherFor(f);
  const lastError = async () => (await f.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).lastError;

  it('the dispatcher cancels a stale alert instead of sending it', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    expect(await f.planner.planDay('2026-03-06', sh('2026-03-05 20:00'))).toEqual({ planned: 1, queued: 1 });
    await f.db.pregnancy.update({ where: { id: 'p-w1' }, data: { status: 'lost', activeKey: null } });
    const { dispatcher, sent } = dispatcherWithPlanner();
    expect(await dispatcher.runOnce(sh('2026-03-06 10:00'))).toMatchObject({ sent: 0, cancelled: 1 });
    expect(sent).toEqual([]);
    expect(await lastError()).toBe('cancelled: no longer due');
  });

  it('the dispatcher sends an alert held back past its day (a throttled account) in words for the day it goes out', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    await f.planner.planDay('2026-03-06', sh('2026-03-05 20:00'));
    // WeChat throttled the account from 09:30 for 24 hours
    await f.db.sendAccount.upsert({
      where: { account: 'default' },
      create: { account: 'default', backoffUntil: sh('2026-03-07 09:30'), day: '2026-03-06', sentToday: 0 },
      update: { backoffUntil: sh('2026-03-07 09:30') },
    });
    const { dispatcher, sent } = dispatcherWithPlanner();
    expect(await dispatcher.runOnce(sh('2026-03-06 10:00'))).toMatchObject({ sent: 0, cancelled: 0 });
    expect(await dispatcher.runOnce(sh('2026-03-07 09:31'))).toMatchObject({ sent: 1, cancelled: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('· NT超声检查：2026年3月9日起可以做');
    // the outbox keeps the words she was sent
    const row = await f.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect([row.status, row.text, row.lastError]).toEqual(['sent', sent[0], null]);
  });

  it('a woman deleted between a page read and its insert: the page is read again, the others are planned', async () => {
    for (const id of ['w1', 'w2', 'w3']) {
      await woman(f.db, id);
      await pregnancy(f.db, id, { dueDate: '2026-09-28' });
    }
    let first = true;
    const racing = new Proxy(f.db, {
      get(target, prop, receiver) {
        if (prop !== '$transaction') return Reflect.get(target, prop, receiver) as unknown;
        return async (fn: Parameters<Db['$transaction']>[0]) => {
          if (first) {
            first = false;
            await target.contact.delete({ where: { id: 'w2' } }); // 删除我的信息, committed meanwhile
          }
          return target.$transaction(fn);
        };
      },
    });
    const planner = new ReminderPlanner(racing, () => f.config);
    expect(await planner.planDay('2026-03-06', sh('2026-03-05 20:00'))).toEqual({ planned: 2, queued: 2 });
    const keys = (await f.db.outboxMessage.findMany({ orderBy: { dedupeKey: 'asc' } })).map((m) => m.dedupeKey);
    expect(keys).toEqual(['preg:p-w1:2026-03-06:nt.soon', 'preg:p-w3:2026-03-06:nt.soon']);
  });
});
