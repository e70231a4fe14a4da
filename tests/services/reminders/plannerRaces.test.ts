// What happens when a woman's situation changes while the evening planning runs: a message planned
// from the old state is cancelled when its turn to be sent comes, and a woman deleting her data in
// the middle of a page costs nobody else their reminders.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { createLogger } from '../../../src/app/logger.js';
import type { Channel } from '../../../src/channels/channel.js';
import { OutboxDispatcher } from '../../../src/services/outbox/OutboxDispatcher.js';
import { DEFAULT_OUTBOX_SETTINGS } from '../../../src/services/outbox/outboxSettings.js';
import { plannedDay, ReminderPlanner } from '../../../src/services/reminders/ReminderPlanner.js';
import { dbUnavailable } from '../../support/testDb.js';
import { clearRows, openReminderFixture, pregnancy, sh, woman, type ReminderFixture } from './reminderFixtures.js';

describe.skipIf(dbUnavailable)('planning races', () => {
  let f: ReminderFixture;
  beforeAll(async () => {
    f = await openReminderFixture();
  });
  afterAll(async () => f.close());
  beforeEach(async () => clearRows(f.db));

  // due 2026-09-28: NT opens 2026-03-09, its "3 days before" alert is on 2026-03-06 at 10:00
  const key = 'preg:p-w1:2026-03-06:nt.soon';
  const message = { contactId: 'w1', dedupeKey: key, notBefore: sh('2026-03-06 10:00') };

  it('a queued alert is still wanted while nothing changed; not after a loss, a booking or a re-dating', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    expect(await f.planner.stillWanted(message)).toBe(true);
    // (changes written straight to the rows, as if committed while the planner was between read and insert)
    await f.db.pregnancy.update({ where: { id: 'p-w1' }, data: { dueDate: '2026-10-05' } });
    expect(await f.planner.stillWanted(message)).toBe(false);
    await f.db.pregnancy.update({ where: { id: 'p-w1' }, data: { dueDate: '2026-09-28', status: 'lost', activeKey: null } });
    expect(await f.planner.stillWanted(message)).toBe(false);
    // other messages (offers, notices) are not the planner's to judge
    expect(await f.planner.stillWanted({ ...message, dedupeKey: 'waitlist-offer:w1:xc-mch:2026-03-06:am:1' })).toBe(true);
  });

  it('judges a message by the day its key names, not by a notBefore moved by retries', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    // failed sends pushed it past midnight: still the alert of 2026-03-06
    expect(await f.planner.stillWanted({ ...message, notBefore: sh('2026-03-07 08:30') })).toBe(true);
    expect(plannedDay('prenatal', key)).toBe('2026-03-06');
    expect(plannedDay('appointment', 'reminder:b1+b2:2026-03-07:am')).toBe('2026-03-06');
    expect(plannedDay('newborn', 'newborn:p1:2026-10-13:heel-blood.open')).toBe('2026-10-13');
    expect(plannedDay('rescreen', 'rescreen:w1:2026-05-06')).toBe('2026-05-06');
    expect(plannedDay('rescreen', 'rescreen:w1')).toBeUndefined();
  });

  it('the dispatcher cancels a stale alert instead of sending it', async () => {
    await woman(f.db, 'w1');
    await pregnancy(f.db, 'w1', { dueDate: '2026-09-28' });
    expect(await f.planner.planDay('2026-03-06', sh('2026-03-05 20:00'))).toEqual({ planned: 1, queued: 1 });
    await f.db.pregnancy.update({ where: { id: 'p-w1' }, data: { status: 'lost', activeKey: null } });
    const sent: string[] = [];
    const channel: Channel = {
      name: 'simulator',
      start: async () => undefined,
      send: async (_to, text) => void sent.push(text),
      status: () => ({ name: 'simulator', state: 'online' }),
      stop: async () => undefined,
    };
    const dispatcher = new OutboxDispatcher({
      db: f.db,
      provider: f.h.provider,
      channels: new Map([['simulator', channel]]),
      logger: createLogger('silent'),
      processId: 'test',
      settings: { ...DEFAULT_OUTBOX_SETTINGS, minIntervalMs: 0, maxJitterMs: 0 },
      stillWanted: (m) => f.planner.stillWanted(m),
    });
    const report = await dispatcher.runOnce(sh('2026-03-06 10:00'));
    expect(report).toMatchObject({ sent: 0, cancelled: 1 });
    expect(sent).toEqual([]);
    expect((await f.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).lastError).toBe('cancelled: no longer due');
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
