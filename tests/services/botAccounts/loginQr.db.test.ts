// The login QR code on the console: only the process that runs the account shows it (another
// process's account answers here: false), only to an administrator of its county, drawn as a PNG
// data: URL of the very code WeChat gave; each code shown to an account is audited once.
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { LoginQrs } from '../../../src/services/botAccounts/loginQr.js';
import type { StaffScope } from '../../../src/domain/staff/staffScope.js';

describe.skipIf(dbUnavailable)('the login QR code of a bot account', () => {
  let t: TestApp;
  let status: { state: string; qrCode?: string } = { state: 'waiting_for_scan', qrCode: 'https://login.weixin.qq.com/l/first' };
  let qrs: LoginQrs;
  const now = new Date('2026-03-02T09:00:00+08:00');
  const admin: StaffScope = { accountId: 'admin-1', role: 'county', countyId: 'xiangcheng' };
  const call = (scope: StaffScope) => ({ scope, address: '10.0.0.7' });
  const shown = () => t.app.dbHandle.db.auditEntry.findMany({ where: { action: 'botAccount.login_qr' }, orderBy: { at: 'asc' } });

  beforeAll(async () => {
    t = await startTestApp();
    qrs = new LoginQrs(t.app.dbHandle.db, { account: 'xc-1', countyId: 'xiangcheng', status: () => status });
    await t.app.dbHandle.db.sendAccount.create({ data: { account: 'xc-2', countyId: 'xiangcheng', loginState: 'waiting_for_scan', seenAt: now } });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });

  it('draws the code of the account this process runs, audited once per code shown', async () => {
    const qr = await qrs.forAccount(call(admin), 'xc-1', now);
    expect(qr).toEqual({
      account: 'xc-1',
      here: true,
      state: 'waiting_for_scan',
      qrDataUrl: await QRCode.toDataURL('https://login.weixin.qq.com/l/first', { margin: 2, width: 240 }),
    });
    await qrs.forAccount(call(admin), 'xc-1', now); // (a refresh: the same code)
    expect((await shown()).map((a) => [a.accountId, a.objectType, a.objectId, a.countyId, a.address])).toEqual([
      ['admin-1', 'botAccount', 'xc-1', 'xiangcheng', '10.0.0.7'],
    ]);
    status = { state: 'waiting_for_scan', qrCode: 'https://login.weixin.qq.com/l/second' };
    expect((await qrs.forAccount(call(admin), 'xc-1', now))?.qrDataUrl).toBe(
      await QRCode.toDataURL('https://login.weixin.qq.com/l/second', { margin: 2, width: 240 }),
    );
    expect(await shown()).toHaveLength(2);
  });

  it('no code once it is logged in; an account of another process is not here', async () => {
    status = { state: 'online' };
    expect(await qrs.forAccount(call(admin), 'xc-1', now)).toEqual({ account: 'xc-1', here: true, state: 'online', qrDataUrl: null });
    expect(await qrs.forAccount(call(admin), 'xc-2', now)).toEqual({ account: 'xc-2', here: false, state: null, qrDataUrl: null });
    expect(await shown()).toHaveLength(2);
  });

  it('nothing for another county, a township account or an unknown account', async () => {
    status = { state: 'waiting_for_scan', qrCode: 'https://login.weixin.qq.com/l/third' };
    expect(await qrs.forAccount(call({ accountId: 'other', role: 'county', countyId: 'shenqiu' }), 'xc-1', now)).toBeUndefined();
    expect(
      await qrs.forAccount(call({ accountId: 'tw', role: 'township', countyId: 'xiangcheng', townshipId: 'xiangcheng-moling' }), 'xc-1', now),
    ).toBeUndefined();
    expect(await qrs.forAccount(call(admin), 'nobody', now)).toBeUndefined();
    expect(await shown()).toHaveLength(2);
  });
});
