// Each process reports its account every minute (the job botAccounts.report:<account>): the state and
// since when (moved only by a change), the cap it sends under, its county; a throttle WeChat answered
// shows until it ends; administrators see their county's accounts only, and on the API only they do.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import type { Channel, ChannelStatus } from '../../../src/channels/channel.js';
import { botAccountJobs } from '../../../src/jobs/botAccountJobs.js';
import { listBotAccounts } from '../../../src/services/botAccounts/botAccountStatus.js';
import { throttleSendAccount } from '../../../src/services/outbox/sendAccounts.js';
import { createLogger } from '../../../src/support/logger.js';
import type { StaffScope } from '../../../src/domain/staff/staffScope.js';

const TOKEN = 'bot-accounts-token-0123456789';

describe.skipIf(dbUnavailable)('bot accounts reported by their processes', () => {
  let t: TestApp;
  let status: ChannelStatus;
  const wechat = { name: 'wechat', status: () => status } as unknown as Channel;
  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_TOKEN: TOKEN } }); // Monday 2026-03-02 09:00 +08:00
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });
  beforeEach(async () => {
    await t.app.dbHandle.db.sendAccount.deleteMany();
  });
  const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00+08:00`);
  const report = (account: string, countyId: string, now: Date) =>
    botAccountJobs({ db: t.app.dbHandle.db, wechat, account, countyId, dailyCap: 300 }, createLogger('silent'))[0].run(now);
  const county = (countyId: string): StaffScope => ({ accountId: 'a1', role: 'county', countyId });

  it('the state and since when; a report without a change only shows the process is alive', async () => {
    status = { name: 'wechat', state: 'online', detail: '已登录：项城两癌助手' };
    await report('xc-1', 'xiangcheng', at('09:00'));
    await report('xc-1', 'xiangcheng', at('09:01'));
    let [a] = await listBotAccounts(t.app.dbHandle.db, county('xiangcheng'), at('09:02'));
    expect(a).toMatchObject({
      account: 'xc-1',
      state: 'online',
      detail: '已登录：项城两癌助手',
      since: at('09:00').toISOString(),
      seenAt: at('09:01').toISOString(),
      dailyCap: 300,
      left: 300,
      alert: null,
    });
    status = { name: 'wechat', state: 'waiting_for_scan', detail: '已退出登录，等待重新扫码' };
    await report('xc-1', 'xiangcheng', at('09:05'));
    [a] = await listBotAccounts(t.app.dbHandle.db, county('xiangcheng'), at('09:05'));
    expect(a).toMatchObject({ state: 'waiting_for_scan', since: at('09:05').toISOString(), alert: 'logged_out' });
    // its process stops: silent after 3 minutes without a report
    [a] = await listBotAccounts(t.app.dbHandle.db, county('xiangcheng'), at('09:08'));
    expect(a.alert).toBe('logged_out');
    [a] = await listBotAccounts(t.app.dbHandle.db, county('xiangcheng'), new Date(at('09:08').getTime() + 1000));
    expect([a.state, a.alert]).toEqual(['silent', 'silent']);
  });

  it('a throttle shows until it ends; another county administrator sees none of it', async () => {
    status = { name: 'wechat', state: 'online', detail: '已登录' };
    await report('xc-1', 'xiangcheng', at('10:00'));
    await throttleSendAccount(t.app.dbHandle.db, 'xc-1', at('10:00'), at('16:00'));
    expect((await listBotAccounts(t.app.dbHandle.db, county('xiangcheng'), at('10:01')))[0]).toMatchObject({
      alert: 'throttled',
      throttledUntil: at('16:00').toISOString(),
    });
    expect(await listBotAccounts(t.app.dbHandle.db, county('shenqiu'), at('10:01'))).toEqual([]);
    expect((await listBotAccounts(t.app.dbHandle.db, { accountId: 'c1', role: 'city' }, at('10:01'))).map((a) => a.account)).toEqual(['xc-1']);
  });

  it('GET /api/staff/bot-accounts answers the accounts (the admin token sees every county)', async () => {
    status = { name: 'wechat', state: 'online', detail: '已登录' };
    await report('xc-1', 'xiangcheng', t.clock.now());
    const r = await fetch(`http://127.0.0.1:${t.port}/api/staff/bot-accounts`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { accounts: { account: string; state: string; alert: string | null }[] };
    expect(body.accounts.map((a) => [a.account, a.state, a.alert])).toEqual([['xc-1', 'online', null]]);
  });

  it('a process without a WeChat channel (the simulator) reports nothing', () => {
    expect(botAccountJobs({ db: t.app.dbHandle.db, account: 'sim', countyId: 'xiangcheng', dailyCap: 300 }, createLogger('silent'))).toEqual([]);
  });
});
