// A bot account logged out tells the county administrator by SMS once per episode: one SMS at the
// start, none a minute later while still out, another after it recovered and went out again; without
// a gateway no SMS, and the console's alert stands.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import type { Channel, ChannelStatus } from '../../../src/channels/channel.js';
import { botAccountJobs } from '../../../src/jobs/botAccountJobs.js';
import { listBotAccounts } from '../../../src/services/botAccounts/botAccountStatus.js';
import { createLogger } from '../../../src/support/logger.js';
import { GATEWAY, SMS_ENV } from '../../channels/sms/smsKit.js';

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00+08:00`);
const county = { accountId: 'a1', role: 'county' as const, countyId: 'xiangcheng' };

async function admin(t: TestApp, username: string, over: { disabledAt?: Date; role?: string } = {}) {
  const now = t.clock.now();
  await t.app.dbHandle.db.staffAccount.create({
    data: {
      username,
      displayName: '管理员',
      role: over.role ?? 'county',
      countyId: 'xiangcheng',
      passwordHash: 'x',
      createdAt: now,
      updatedAt: now,
      disabledAt: over.disabledAt ?? null,
    },
  });
}

function rig(t: TestApp, sms: boolean) {
  let status: ChannelStatus = { name: 'wechat', state: 'online' };
  const wechat = { name: 'wechat', status: () => status } as unknown as Channel;
  const phones = new Map([
    ['xc.admin', '13800000001'],
    ['xc.off', '13800000002'],
    ['xc.town', '13800000003'],
  ]);
  const jobs = botAccountJobs(
    {
      db: t.app.dbHandle.db,
      wechat,
      account: 'xc-1',
      countyId: 'xiangcheng',
      dailyCap: 300,
      alerts: { countyId: 'xiangcheng', countyName: '项城市', ...(sms ? { sms: { phones } } : {}) },
    },
    createLogger('silent'),
  );
  return {
    /** The account's state at `now`: reported, then the alerts looked at. */
    async minute(state: string, now: Date) {
      status = { name: 'wechat', state } as ChannelStatus;
      for (const j of jobs) await j.run(now);
    },
  };
}

describe.skipIf(dbUnavailable)('bot account alerts by SMS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ...SMS_ENV, ALERT_SMS_PHONES: 'xc.admin:13800000001,xc.off:13800000002,xc.town:13800000003' } });
    await admin(t, 'xc.admin');
    await admin(t, 'xc.off', { disabledAt: t.clock.now() });
    await admin(t, 'xc.town', { role: 'township' });
    nock.disableNetConnect();
  });
  afterEach(() => nock.cleanAll());
  afterAll(async () => {
    nock.enableNetConnect();
    await t.stop();
    await t.database.drop();
  });
  const db = () => t.app.dbHandle.db;
  const sms = () => db().outboxMessage.findMany({ where: { channel: 'sms' }, orderBy: { createdAt: 'asc' } });

  it('logged out: one SMS to the administrator; still out a minute later: none; recovered and out again: a second', async () => {
    const r = rig(t, true);
    const sent: Record<string, string>[] = [];
    const gateway = () =>
      nock(GATEWAY)
        .post('/v1/sms/send')
        .reply(200, (_uri, body) => {
          sent.push(body as Record<string, string>);
          return { code: 'OK' };
        });
    await r.minute('online', at('09:00'));
    expect(await sms()).toEqual([]);
    await r.minute('waiting_for_scan', at('09:01'));
    gateway();
    await t.app.dispatcher.runOnce(at('09:01'));
    expect(sent.map((b) => [b.phoneNumbers, b.templateCode, b.templateParam])).toEqual([
      ['13800000001', 'SMS_100001', '{"county":"项城市","account":"xc-1","state":"已退出登录"}'],
    ]);
    // a minute later, still out: nothing more
    await r.minute('waiting_for_scan', at('09:02'));
    await r.minute('unavailable', at('09:03'));
    await t.app.dispatcher.runOnce(at('09:03'));
    expect((await sms()).length).toBe(1);
    expect(sent.length).toBe(1);
    // recovered, then out again: a second SMS
    await r.minute('online', at('09:10'));
    await r.minute('waiting_for_scan', at('09:20'));
    gateway();
    await t.app.dispatcher.runOnce(at('09:20'));
    expect(sent.map((b) => b.phoneNumbers)).toEqual(['13800000001', '13800000001']);
    expect((await sms()).map((m) => m.status)).toEqual(['sent', 'sent']);
    // the episodes in the audit: ids and counts only
    const marks = await db().auditEntry.findMany({ where: { objectType: 'botAccount', objectId: 'xc-1' }, orderBy: { at: 'asc' } });
    expect(marks.map((m) => [m.action, m.detail])).toEqual([
      ['botAccount.alert', '{"alert":"logged_out","sms":1}'],
      ['botAccount.recovered', '{"smsCancelled":0}'],
      ['botAccount.alert', '{"alert":"logged_out","sms":1}'],
    ]);
    expect(marks.some((m) => m.detail?.includes('138'))).toBe(false);
  });

  it('an alert SMS held by the quiet hours is cancelled when the account recovers before morning', async () => {
    await db().outboxMessage.deleteMany();
    const r = rig(t, true);
    await r.minute('online', at('22:00'));
    await r.minute('waiting_for_scan', at('22:01'));
    expect((await sms()).map((m) => m.status)).toEqual(['queued']);
    await r.minute('online', at('22:30'));
    expect((await sms()).map((m) => [m.status, m.lastError])).toEqual([['cancelled', 'the bot account recovered before it was sent']]);
  });
});

describe.skipIf(dbUnavailable)('bot account alerts without an SMS gateway', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ALERT_SMS_PHONES: 'xc.admin:13800000001' } });
    await admin(t, 'xc.admin');
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });

  it('no SMS is queued, /readyz says SMS is not offered, and the console alert stands', async () => {
    const r = rig(t, false);
    await r.minute('waiting_for_scan', at('09:01'));
    expect(await t.app.dbHandle.db.outboxMessage.count({ where: { channel: 'sms' } })).toBe(0);
    const [a] = await listBotAccounts(t.app.dbHandle.db, county, at('09:01'));
    expect(a).toMatchObject({ account: 'xc-1', alert: 'logged_out' });
    const ready = await (await fetch(`http://127.0.0.1:${t.port}/readyz`)).json();
    expect(ready.sms).toMatchObject({ state: 'off', offered: false, detail: '未配置短信网关（SMS_GATEWAY_URL），不发短信' });
    expect((await t.app.dbHandle.db.auditEntry.findFirst({ where: { action: 'botAccount.alert' } }))?.detail).toBe('{"alert":"logged_out","sms":0}');
  });
});
