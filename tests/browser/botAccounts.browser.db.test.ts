// The bot's WeChat accounts in Chromium, for a county administrator: this process's account waiting
// for a scan (a mock WeChat that logged out) shows its login QR code as an image; an account of
// another process that logged out, and one WeChat throttled, raise the alert banner across every
// page in plain words (what is wrong, what to do); a healthy account shows its sends today and
// what is left of its cap. Township staff see neither. Screenshots: bot-accounts-*.png.
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import { screenshot as shot, startConsoleRig, type ConsoleRig } from '../support/browser.js';
import { dbUnavailable } from '../support/testDb.js';

const QR_PAYLOAD = 'https://login.weixin.qq.com/l/bot-accounts-test';
const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000);

describe.skipIf(dbUnavailable)('the bot accounts in Chromium', () => {
  let rig: ConsoleRig;
  const mocker = new mock.Mocker(); // (its bot account never logs in: the channel waits for a scan)
  const db = () => rig.t.app.dbHandle.db;

  beforeAll(async () => {
    rig = await startConsoleRig({
      env: { WECHAT_ENABLED: 'true', BOT_ACCOUNT: 'xc-bot-1', OUTBOX_DAILY_CAP: '200' },
      wechatPuppet: new PuppetMock({ mocker }),
    });
    await rig.staffAccount({ username: 'xc.admin', displayName: '李主任', role: 'county', countyId: 'xiangcheng' });
    await rig.staffAccount({ username: 'ml.wang', displayName: '王芳', role: 'township', countyId: 'xiangcheng', townshipId: 'xiangcheng-moling' });
  });
  afterAll(async () => {
    await rig?.stop();
  }, 120_000);

  it('shows each account, the QR code of the one waiting for a scan, and the alert banner on every page', async () => {
    // WeChat shows this process's account a login QR code; its report job runs (the clock moves a minute)
    mocker.scan(QR_PAYLOAD, types.ScanStatus.Waiting);
    await expect.poll(() => rig.t.app.wechat!.status().qrCode).toBe(QR_PAYLOAD);
    const start = rig.t.clock.now();
    rig.t.clock.advanceTo(minutes(1, start));
    await rig.t.app.catchUp(start, rig.t.clock.now());
    const now = rig.t.clock.now();
    expect(await db().sendAccount.findUniqueOrThrow({ where: { account: 'xc-bot-1' } })).toMatchObject({
      loginState: 'waiting_for_scan',
      countyId: 'xiangcheng',
    });
    // the accounts of two other processes: one logged out 20 minutes ago, one healthy with 37 sends today, one throttled
    const other = { countyId: 'xiangcheng', dailyCap: 200, day: '2026-03-02', seenAt: now };
    await db().sendAccount.createMany({
      data: [
        {
          ...other,
          account: 'xc-bot-2',
          loginState: 'waiting_for_scan',
          loginDetail: '等待扫码登录',
          loginStateAt: minutes(-20, now),
          sentToday: 12,
          lastSentAt: minutes(-25, now),
        },
        {
          ...other,
          account: 'xc-bot-3',
          loginState: 'online',
          loginDetail: '已登录：项城筛查助手',
          loginStateAt: minutes(-600, now),
          sentToday: 37,
          lastSentAt: minutes(-2, now),
        },
        {
          ...other,
          account: 'xc-bot-4',
          loginState: 'online',
          loginDetail: '已登录：项城筛查助手2',
          loginStateAt: minutes(-300, now),
          sentToday: 200,
          lastSentAt: minutes(-30, now),
          throttledUntil: new Date('2026-03-02T11:30:00+08:00'),
        },
      ],
    });

    const { page, errors } = await rig.loggedIn('xc.admin');
    const banner = '[data-test=bot-alert]';
    await expect.poll(() => page.textContent(banner)).toContain('微信号“xc-bot-2”已退出登录，妇女的消息现在没人回答。请管理员到“微信号状态”页面扫码重新登录。');
    const words = await page.textContent(banner);
    expect(words).toContain('微信号“xc-bot-1”已退出登录');
    expect(words).toContain('微信号“xc-bot-4”被微信限制发送，3月2日 11:30 前发不出消息。');
    expect(words).not.toContain('xc-bot-3');
    await shot(page, 'bot-accounts-banner');

    await page.click('[data-test=menu-bot-accounts]');
    await page.waitForURL(/\/console\/bot-accounts$/);
    const qr = page.locator('[data-test=bot-account-xc-bot-1] img[data-test=login-qr]');
    await qr.waitFor();
    // (the very code WeChat gave, drawn on the server: nothing fetched from elsewhere)
    expect(await qr.getAttribute('src')).toBe(await QRCode.toDataURL(QR_PAYLOAD, { margin: 2, width: 240 }));
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240);
    const card = (a: string) => page.textContent(`[data-test=bot-account-${a}]`);
    expect(await card('xc-bot-1')).toContain('已退出登录，等待扫码');
    expect(await card('xc-bot-2')).toContain('请在那台服务器的“/wechat/login”页面扫码');
    expect(await card('xc-bot-3')).toMatch(/已登录.*今天已发37今天还能发163（每天上限 200 条）最近发送3月2日 08:59/);
    expect(await card('xc-bot-4')).toContain('限制到 3月2日 11:30');
    const viewed = await db().auditEntry.findMany({ where: { action: 'botAccount.login_qr' } });
    expect(viewed.map((v) => v.objectId)).toEqual(['xc-bot-1']);
    await shot(page, 'bot-accounts');

    const phone = await rig.loggedIn('xc.admin', { phone: true });
    await phone.page.goto(`${rig.base}/console/bot-accounts`);
    await phone.page.locator('[data-test=bot-account-xc-bot-1] img[data-test=login-qr]').waitFor();
    await shot(phone.page, 'bot-accounts-phone');
    await phone.context.close();
    expect(errors.filter((e) => /Content Security Policy|Uncaught/i.test(e))).toEqual([]);
  }, 120_000);

  it('township staff see no banner and no bot accounts (the API refuses them)', async () => {
    const { page } = await rig.loggedIn('ml.wang');
    await page.waitForSelector('text=王芳，您好');
    expect(await page.$('[data-test=bot-alert]')).toBeNull();
    expect(await page.$('[data-test=menu-bot-accounts]')).toBeNull();
    const status = await page.evaluate(async () => (await fetch('/api/staff/bot-accounts/xc-bot-1/login-qr')).status);
    expect(status).toBe(403);
  }, 120_000);
});
