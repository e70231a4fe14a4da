// The follow-up worklist in Chromium (SQLite only): cases of abnormal breast results (one long
// overdue), overdue first; a county administrator takes one, marks her contacted, and closes it with
// an outcome of the category's list (a cancer with its stage); the database row and the audit name
// the account; the worklist exported as CSV. Screenshots: tests/screenshots/follow-up-*.png.
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRecordSchema } from '../../src/services/results/resultRecord.js';
import { screenshot as shot, startConsoleRig, type ConsoleRig } from '../support/browser.js';
import { dbUnavailable } from '../support/testDb.js';

/** Waits for the page (the machine may be busy: longer than expect.poll's one second). */
const until = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });

describe.skipIf(dbUnavailable)('the follow-up worklist in Chromium', () => {
  let rig: ConsoleRig;
  let page: Page;
  let context: BrowserContext;
  let adminId = '';
  const cases = { overdue: '', recent: '' };
  const db = () => rig.t.app.dbHandle.db;
  /** Picks the option of the open dropdown that reads `text` exactly. */
  const pick = (text: string) => page.click(`.el-select-dropdown__item:visible >> text="${text}"`);

  beforeAll(async () => {
    rig = await startConsoleRig(); // Monday 2026-03-02 09:00 +08:00
    const ingest = async (id: string, date: string, birads: string, at: string) =>
      (await rig.t.app.results!.ingest(
        resultRecordSchema.parse({ hospitalId: 'xc-mch', hospitalResultId: id, date, result: { category: 'breast', birads } }),
        new Date(at),
        'hospital:xc-mch',
      ))!.resultId!;
    const recent = await ingest('US-20', '2026-02-27', '4B', '2026-02-28T10:00:00+08:00');
    const overdue = await ingest('US-10', '2026-01-05', '4A', '2026-01-06T10:00:00+08:00');
    cases.recent = (await db().followUpCase.findUniqueOrThrow({ where: { resultId: recent } })).id;
    cases.overdue = (await db().followUpCase.findUniqueOrThrow({ where: { resultId: overdue } })).id;
    adminId = await rig.staffAccount({ username: 'xc.admin', displayName: '李主任', role: 'county', countyId: 'xiangcheng' });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('overdue first; take it, mark her contacted, close it with a cancer and its stage', { timeout: 120_000 }, async () => {
    ({ page, context } = await rig.loggedIn('xc.admin'));
    await page.click('.el-menu-item:has-text("随访工作单")');
    await page.waitForURL(/\/console\/follow-ups/);
    await until(() => page.textContent('[data-test=follow-ups]')).toContain('已逾期');
    const rows = await page.$$eval('[data-test=follow-ups] .el-table__body tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('已逾期');
    expect(rows[0]).toContain('乳腺超声');
    expect(rows[0]).toContain('待联系');
    expect(rows[0]).toContain('未分配');
    expect(rows[1]).not.toContain('已逾期');
    await shot(page, 'follow-up-worklist');

    await page.click(`[data-test=take-${cases.overdue}]`);
    await until(() => page.textContent('[data-test=follow-up-message]')).toContain('已设为由您负责');
    await page.click(`[data-test=contacted-${cases.overdue}]`);
    await until(() => page.textContent('[data-test=follow-up-message]')).toContain('已记录：已联系');
    await page.click(`[data-test=close-${cases.overdue}]`);
    await page.click('[data-test=close-outcome]');
    // (the outcomes of a breast case: the profile's list, and those of any category)
    const offered = await page.$$eval('.el-select-dropdown__item:visible', (items) => items.map((i) => i.textContent?.trim() ?? '').filter((x) => x));
    expect(offered).toEqual(['未见异常', '乳腺良性病变', '乳腺癌', '本人拒绝', '已迁出', '失访']);
    await pick('乳腺癌');
    await page.click('[data-test=close-stage]');
    await pick('I期');
    await shot(page, 'follow-up-close');
    await page.click('[data-test=close-save]');
    await until(() => page.textContent('[data-test=follow-up-message]')).toContain('已结案');
    const after = await page.$$eval('[data-test=follow-ups] .el-table__body tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    // (still to work first: the closed one goes below)
    expect(after[1]).toContain('已结案');
    expect(after[1]).toContain('乳腺癌 I期');
    expect(after[1]).toContain('我');

    const row = await db().followUpCase.findUniqueOrThrow({ where: { id: cases.overdue } });
    expect(row).toMatchObject({ outcome: 'breastCancer', outcomeStage: 'I', owner: adminId });
    expect(row.closedAt).not.toBeNull();
    expect(row.contactedAt).not.toBeNull();
    const events = await db().followUpEvent.findMany({ where: { caseId: cases.overdue }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
    expect(events.filter((e) => e.actor === `staff:${adminId}`).map((e) => [e.kind, e.detail])).toEqual([
      ['ownerSet', adminId],
      ['contacted', null],
      ['closed', 'breastCancer:I'],
    ]);
    const audit = await db().auditEntry.findMany({ where: { accountId: adminId, objectType: 'case' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.objectId])).toEqual([
      ['case.ownerSet', cases.overdue],
      ['case.contacted', cases.overdue],
      ['case.closed', cases.overdue],
    ]);
  });

  it('the worklist as a CSV file, under the filters shown; the export audited', { timeout: 90_000 }, async () => {
    await page.click('[data-test=filter-status]');
    await pick('待联系');
    await page.click('[data-test=search]');
    await until(async () => (await page.$$('[data-test=follow-ups] .el-table__body tr')).length).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=export]')]);
    const text = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^caseId,resultId,contactId,hospitalId/);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([cases.recent]);
    expect(lines[1]).toContain(',open,false,');
    const exported = await db().auditEntry.findFirstOrThrow({ where: { accountId: adminId, action: 'export' } });
    expect(JSON.parse(exported.detail!)).toEqual({ list: 'followUpWorklist', status: 'open', rows: 1 });

    // on a phone: the worklist scrolls sideways, the filters stack
    const phone = await rig.loggedIn('xc.admin', { phone: true });
    await phone.page.goto(`${rig.base}/console/follow-ups`);
    await until(() => phone.page.textContent('[data-test=follow-ups]')).toContain('已结案');
    await shot(phone.page, 'follow-up-phone');
    await phone.context.close();
    await context.close();
  });
});
