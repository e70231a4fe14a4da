// The staff console in a real Chromium (SQLite only: *.browser.db.test.ts): a county administrator's
// first login with its one-time password, the forced change, a township account created and seen
// in the audit; on an office screen (1366×768) and a phone. Screenshots: tests/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot as shot, startConsoleRig, type ConsoleRig } from '../support/browser.js';
import { dbUnavailable } from '../support/testDb.js';

const ONE_TIME = 'Kp7x-Mq4z-Rt8wYh';
const NEW_PASSWORD = 'Lotus-pond-2026';

describe.skipIf(dbUnavailable)('the staff console in Chromium', () => {
  let rig: ConsoleRig;
  let base: string;

  beforeAll(async () => {
    rig = await startConsoleRig();
    base = rig.base;
    await rig.staffAccount({
      username: 'xc.admin',
      displayName: '李主任',
      role: 'county',
      countyId: 'xiangcheng',
      password: ONE_TIME,
      mustChangePassword: true,
    });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('first login, forced password change, a township account created and seen in the audit', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') violations.push(m.text());
    });
    await page.goto(`${base}/console/`);
    await page.waitForURL(/\/console\/login/);
    await page.fill('input[name=username]', 'xc.admin');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button:has-text("登录")');
    await expect.poll(() => page.textContent('[data-test=login-error]')).toContain('用户名或密码不正确');
    await shot(page, 'console-login-error');
    await page.fill('input[name=password]', ONE_TIME);
    await page.click('button:has-text("登录")');

    await page.waitForURL(/\/console\/password/);
    await page.waitForSelector('text=请先设置自己的新密码');
    await page.fill('input[name=current]', ONE_TIME);
    await page.fill('input[name=next]', NEW_PASSWORD);
    await page.fill('input[name=again]', NEW_PASSWORD);
    await shot(page, 'console-password-change');
    await page.click('button:has-text("保存新密码")');
    await page.waitForSelector('text=李主任，您好');

    await page.click('.el-menu-item:has-text("账号管理")');
    await page.waitForURL(/\/console\/accounts/);
    await page.click('[data-test=new-account]');
    await page.fill('input[name=new-username]', 'wang.fang');
    await page.fill('input[name=new-display-name]', '王芳');
    await page.click('[data-test=township]');
    const township = (await rig.t.app.dbHandle.db.region.findFirstOrThrow({ where: { level: 'township', parentId: 'xiangcheng' }, orderBy: { id: 'asc' } }))
      .name;
    await page.click(`.el-select-dropdown__item:has-text("${township}")`);
    await page.click('[data-test=save-account]');
    await expect.poll(() => page.textContent('[data-test=one-time-password]')).toMatch(/wang\.fang（只显示这一次）：[A-Za-z2-9-]{16}/);
    await expect.poll(() => page.textContent('[data-test=accounts]')).toContain(township);
    await shot(page, 'console-accounts');
    const created = await rig.t.app.dbHandle.db.staffAccount.findUniqueOrThrow({ where: { username: 'wang.fang' } });
    expect(created).toMatchObject({ role: 'township', countyId: 'xiangcheng', mustChangePassword: true });

    await page.click('.el-menu-item:has-text("操作日志")');
    await page.waitForURL(/\/console\/audit/);
    await expect.poll(() => page.textContent('[data-test=audit]')).toContain(`新建账号`);
    const rows = await page.$$eval('[data-test=audit] .el-table__body tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows[0]).toContain('xc.admin');
    expect(rows[0]).toContain('新建账号');
    expect(rows[0]).toContain(created.id);
    await shot(page, 'console-audit');
    // her own alert phone, for the SMS when a bot account is logged out (back on the accounts page)
    await page.click('.el-menu-item:has-text("账号管理")');
    await page.click('[data-test=alert-phone-xc\\.admin]');
    await page.fill('.el-message-box input', '13800138000');
    await page.click('.el-message-box button:has-text("确定")');
    await expect.poll(() => page.textContent('[data-test=accounts]')).toContain('13800138000');
    expect((await rig.t.app.dbHandle.db.staffAccount.findUniqueOrThrow({ where: { username: 'xc.admin' } })).alertPhone).toBe('13800138000');
    // (nothing refused by the content security policy)
    expect(violations.filter((v) => /Content Security Policy/i.test(v))).toEqual([]);
    await context.close();
  });

  it('on a phone the side menu folds into a drawer', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    await page.goto(`${base}/console/login`);
    await page.fill('input[name=username]', 'xc.admin');
    await page.fill('input[name=password]', NEW_PASSWORD);
    await page.click('button:has-text("登录")');
    await page.waitForSelector('text=李主任，您好');
    expect(await page.isVisible('.el-aside')).toBe(false);
    await page.click('[data-test=menu-button]');
    await page.waitForSelector('.el-drawer .el-menu-item:has-text("操作日志")');
    await shot(page, 'console-phone-menu');
    await page.click('.el-drawer .el-menu-item:has-text("操作日志")');
    await page.waitForURL(/\/console\/audit/);
    await context.close();
  });
});
