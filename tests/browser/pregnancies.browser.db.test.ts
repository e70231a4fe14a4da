// The pregnancies page in Chromium (SQLite only): a woman registers a pregnancy in the simulator; her
// township's staff see it with her weeks today and the next screening window, mark a referral for
// prenatal diagnosis (the row changes, the audit has it) and see it under 已转诊. Screenshots:
// pregnancies-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot as shot, startConsoleRig, type ConsoleRig } from '../support/browser.js';
import { dbUnavailable } from '../support/testDb.js';

describe.skipIf(dbUnavailable)('the pregnancies page', () => {
  let rig: ConsoleRig;
  let pregnancyId = '';
  let staffId = '';

  beforeAll(async () => {
    rig = await startConsoleRig();
    staffId = await rig.staffAccount({ username: 'hy.wang', displayName: '王芳', role: 'township', countyId: 'xiangcheng', townshipId: 'xiangcheng-huayuan' });
    const say = async (text: string) => (await rig.t.say('sim-p1', text)).join('\n');
    for (const text of ['你好', '同意', '登记孕期', '同意', '孕10周', '1', '1990年5月6日']) await say(text);
    expect(await say('是')).toContain('登记好了！您今天怀孕10周，预产期2026年9月28日。');
    // (her township: asked when she books; here given as the fact the booking flow keeps)
    const her = await rig.t.app.dbHandle.db.contact.findFirstOrThrow({ where: { externalId: 'sim-p1' } });
    await rig.t.app.dbHandle.db.fact.upsert({
      where: { contactId_key: { contactId: her.id, key: 'township' } },
      create: { contactId: her.id, key: 'township', valueJson: JSON.stringify('xiangcheng-huayuan') },
      update: {},
    });
    pregnancyId = (await rig.t.app.dbHandle.db.pregnancy.findFirstOrThrow({ where: { contactId: her.id } })).id;
  }, 240_000);
  afterAll(async () => {
    await rig?.stop();
  });

  it('lists her pregnancy with weeks and the next window, and marks a referral', async () => {
    const { page } = await rig.loggedIn('hy.wang');
    page.setDefaultTimeout(20_000);
    await page.click('.el-menu-item:has-text("孕期管理")');
    await page.waitForSelector('[data-test=pregnancies] .el-table__row');
    const table = () => page.textContent('[data-test=pregnancies]');
    expect(await table()).toContain('2026-09-28');
    expect(await table()).toContain('10周');
    // (the first of the programme's windows not yet closed: the first antenatal visit, open now)
    expect(await table()).toContain('第一次产检建档进行中 2026-02-02 至 2026-03-29');
    await shot(page, 'pregnancies-registered');
    await page.click(`[data-test="referral-${pregnancyId}"]`);
    await page.waitForSelector('text=已标记转诊产前诊断');
    const row = await rig.t.app.dbHandle.db.pregnancy.findUniqueOrThrow({ where: { id: pregnancyId } });
    expect(row.referred).toBe(true);
    const audit = await rig.t.app.dbHandle.db.auditEntry.findMany({ where: { action: 'pregnancy.referral' } });
    expect(audit.map((a) => [a.accountId, a.objectId])).toEqual([[staffId, pregnancyId]]);
    await page.click('.el-tabs__item:has-text("已转诊产前诊断")');
    await expect.poll(() => table()).toContain('已转诊');
    await shot(page, 'pregnancies-referred');
  }, 90_000);

  it('on a phone the table scrolls', async () => {
    const { page } = await rig.loggedIn('hy.wang', { phone: true });
    await page.goto(`${rig.base}/console/pregnancies`);
    await page.waitForSelector('[data-test=pregnancies] .el-table__row');
    await shot(page, 'pregnancies-phone');
  }, 90_000);
});
