// Hospital API keys in the console (Chromium, SQLite): the county administrator generates a key for a
// hospital, sees the signing secret once (it matches what the server keeps sealed), rotates it after
// a confirmation and revokes it; the audit page lists the three changes. Screenshots: hospital-keys-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDataKeys, secretBox } from '../../src/support/secretBox.js';
import { screenshot, startConsoleRig, type ConsoleRig } from '../support/browser.js';
import { dbUnavailable } from '../support/testDb.js';

const KEYS = `k1:${Buffer.alloc(32, 5).toString('base64')}`;

describe.skipIf(dbUnavailable)('hospital API keys in Chromium', () => {
  let rig: ConsoleRig;
  const db = () => rig.t.app.dbHandle.db;

  beforeAll(async () => {
    rig = await startConsoleRig({ env: { DATA_ENCRYPTION_KEYS: KEYS } });
    await rig.staffAccount({ username: 'xc.admin', displayName: '李主任', role: 'county', countyId: 'xiangcheng' });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('generates a key shown once, rotates it after a confirmation, revokes it; all in the audit', async () => {
    const { context, page } = await rig.loggedIn('xc.admin');
    await page.click('.el-menu-item:has-text("医院接口密钥")');
    await page.waitForURL(/\/console\/hospital-keys/);
    await expect.poll(() => page.textContent('[data-test=hospital-keys]')).toContain('项城市妇幼保健院');
    await page.click('[data-test=issue-xc-mch]');
    await page.waitForSelector('[data-test=issued-secret]');
    const secret = (await page.textContent('[data-test=issued-secret]'))!.trim();
    const row = await db().hospitalClient.findUniqueOrThrow({ where: { hospitalId: 'xc-mch' } });
    expect(secretBox(parseDataKeys(KEYS)).open(row.secretSealed)).toBe(secret);
    expect(await page.textContent('[data-test=issued-key]')).toContain(row.apiKey);
    await screenshot(page, 'hospital-keys-issued');
    await page.click('[data-test=issued-done]');
    // the secret is not on the page any more, the key is in the list
    await expect.poll(() => page.textContent('[data-test=hospital-keys]')).toContain(row.apiKey);
    expect(await page.content()).not.toContain(secret);

    await page.click('[data-test=rotate-xc-mch]');
    await page.waitForSelector('.el-message-box:has-text("旧密钥会立即失效")');
    await page.click('.el-message-box button:has-text("确定")');
    await page.waitForSelector('[data-test=issued-secret]');
    const rotated = await db().hospitalClient.findUniqueOrThrow({ where: { hospitalId: 'xc-mch' } });
    expect(rotated.apiKey).not.toBe(row.apiKey);
    await page.click('[data-test=issued-done]');

    await page.click('[data-test=revoke-xc-mch]');
    await page.click('.el-message-box button:has-text("确定")');
    await expect.poll(() => page.textContent('.el-alert')).toContain('项城市妇幼保健院：已停用');
    expect(await db().hospitalClient.count({ where: { hospitalId: 'xc-mch' } })).toBe(0);
    await screenshot(page, 'hospital-keys-list');

    await page.click('.el-menu-item:has-text("操作日志")');
    await expect.poll(() => page.textContent('[data-test=audit]')).toContain('停用医院接口密钥');
    const rows = await page.$$eval('[data-test=audit] .el-table__body tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.slice(0, 3).map((r) => r.match(/(停用|重新生成|生成)医院接口密钥/)?.[0])).toEqual([
      '停用医院接口密钥',
      '重新生成医院接口密钥',
      '生成医院接口密钥',
    ]);
    await context.close();
  });
});
