// A flood of first messages leaves nothing behind: a contact that never consented and has been
// silent for UNCONSENTED_PURGE_HOURS is deleted with her conversation (and the simulator forgets her
// transcript); a woman who consented, or who wrote recently, stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';
import { sh } from '../services/reminders/reminderFixtures.js';

describe.skipIf(dbUnavailable)('housekeeping: silent contacts that never consented', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ start: '2026-03-02T09:00:00+08:00' }); // UNCONSENTED_PURGE_HOURS: 72 (default)
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });

  const contacts = async () =>
    (await t.app.dbHandle.db.contact.findMany({ select: { externalId: true, consent: true, conversation: { select: { flowId: true } } } }))
      .map((c) => `${c.externalId}:${c.consent}:${c.conversation ? 'conv' : '-'}`)
      .sort();

  /** Moves the clock, as the simulator's jump does: the jobs run meanwhile. */
  const jump = async (to: string) => {
    const from = t.clock.now();
    t.clock.advanceTo(sh(to));
    await t.app.catchUp(from, sh(to));
  };

  it('deletes them after the silence, with their state; the consented and the recent stay', async () => {
    await t.say('silent', '你好 我想约两癌');
    await t.say('agreed', '你好');
    await t.say('agreed', '同意');
    for (let i = 0; i < 50; i++) await t.say(`flood-${i}`, '在吗');
    expect(await contacts()).toContain('silent:none:conv');
    // 51 hours on: nobody yet
    await jump('2026-03-04 12:00');
    await t.say('recent', '你好');
    expect((await contacts()).length).toBe(53);
    // 73 hours after her one message: gone, with her conversation and her transcript
    await jump('2026-03-05 10:00');
    expect(await contacts()).toEqual(['agreed:given:conv', 'recent:none:conv']);
    expect(await t.app.dbHandle.db.conversation.count()).toBe(2);
    expect(t.app.simulator!.transcript('silent')).toEqual([]);
    expect(t.app.simulator!.transcript('flood-7')).toEqual([]);
    expect(t.app.simulator!.transcript('agreed').length).toBeGreaterThan(0);
    // she writes again: a new start, the privacy notice again
    const again = (await t.say('silent', '你好')).join('\n');
    expect(again).toContain('同意');
  });
});
