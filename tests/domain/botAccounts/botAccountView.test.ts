// What staff see of a bot account, and when it needs a person: logged out, unavailable, throttled, or
// its process silent for more than 3 minutes; today's sends and what is left of the cap (a new
// Shanghai day starts at 0).
import { describe, expect, it } from 'vitest';
import { botAccountView, type BotAccountRow } from '../../../src/domain/botAccounts/botAccountView.js';

const now = new Date('2026-03-02T10:00:00+08:00');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const row = (o: Partial<BotAccountRow> = {}): BotAccountRow => ({
  account: 'xc-1',
  countyId: 'xiangcheng',
  day: '2026-03-02',
  sentToday: 120,
  dailyCap: 500,
  lastSentAt: ago(2),
  throttledUntil: null,
  loginState: 'online',
  loginDetail: '已登录：项城两癌助手',
  loginStateAt: ago(600),
  seenAt: ago(1),
  ...o,
});

describe('a bot account as staff see it', () => {
  it.each<[string, Partial<BotAccountRow>, string, string | null]>([
    ['online, reporting', {}, 'online', null],
    ['logged out: waiting for a new scan', { loginState: 'waiting_for_scan' }, 'waiting_for_scan', 'logged_out'],
    ['the puppet failed', { loginState: 'unavailable' }, 'unavailable', 'unavailable'],
    ['throttled by WeChat until later', { throttledUntil: new Date(now.getTime() + 3600_000) }, 'online', 'throttled'],
    ['a throttle that is over', { throttledUntil: ago(1) }, 'online', null],
    ['reported 3 minutes ago: still fine', { seenAt: ago(3) }, 'online', null],
    ['its process stopped reporting', { seenAt: ago(3.01) }, 'silent', 'silent'],
    ['never reported', { seenAt: null }, 'silent', 'silent'],
    ['silent wins over logged out', { seenAt: ago(10), loginState: 'waiting_for_scan' }, 'silent', 'silent'],
  ])('%s', (_name, o, state, alert) => {
    const v = botAccountView(row(o), now);
    expect([v.state, v.alert]).toEqual([state, alert]);
  });

  it("today's sends and what is left; yesterday's count is not today's", () => {
    expect(botAccountView(row(), now)).toMatchObject({ sentToday: 120, dailyCap: 500, left: 380, since: ago(600).toISOString() });
    expect(botAccountView(row({ sentToday: 520 }), now).left).toBe(0);
    expect(botAccountView(row({ day: '2026-03-01', sentToday: 500 }), now)).toMatchObject({ sentToday: 0, left: 500 });
    expect(botAccountView(row({ dailyCap: null }), now).left).toBeNull();
  });
});
