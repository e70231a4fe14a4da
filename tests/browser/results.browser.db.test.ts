// The results page in Chromium (SQLite only): a woman consents and books her 两癌 screening in the
// simulator; after her visit, the hospital's staff upload the results CSV on the page, read the row
// report (a bad row: nothing stored, then "the good rows only"), see the held BI-RADS 4A result with
// the words she will read, release it, and match a result without a code by hand; she receives the
// notice in her chat, and the database records the staff account. Screenshots: tests/screenshots/results-*.png.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot as shot, startConsoleRig, type ConsoleRig } from '../support/browser.js';
import { dbUnavailable } from '../support/testDb.js';

const HER = 'li-xiuying';
/** Waits for the page (the machine may be busy: longer than expect.poll's one second). */
const until = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
const HEADER = '姓名,就诊码,报告编号,检查日期,检查项目,HPV16,HPV18,其他高危型,TBS分级,BI-RADS分级,更正';

describe.skipIf(dbUnavailable)('the results page in Chromium', () => {
  let rig: ConsoleRig;
  const db = () => rig.t.app.dbHandle.db;
  /** Moves the clock as the simulator's jump does: the jobs (and the outbox) run meanwhile. */
  const jump = async (to: string) => {
    const from = rig.t.clock.now();
    rig.t.clock.advanceTo(new Date(to));
    await rig.t.app.catchUp(from, new Date(to));
  };

  beforeAll(async () => {
    rig = await startConsoleRig(); // Monday 2026-03-02 09:00 +08:00
  });
  afterAll(async () => {
    await rig?.stop();
  });

  let code = '';
  let booking: { day: string; contactId: string; hospitalId: string };
  let hospital: { id: string; name: string };
  let staffId = '';
  let page: Page;
  let context: BrowserContext;
  let errors: string[];
  /** The requests the page made that failed (after the login). */
  const failed: string[] = [];
  let notice = '';
  const ids = { held: '', lost: '' };

  it('she consents, is told she qualifies, and books in the chat (Wednesday 3月4日 上午)', { timeout: 120_000 }, async () => {
    const say = async (text: string) => (await rig.t.say(HER, text)).join('\n');
    for (const text of ['你好', '同意', '1', '1978年5月6日', '1', '1', '不会', '同意', '没有', '没有', '没有', '有']) await say(text);
    expect(await say('没有')).toContain('好消息');
    for (const text of ['预约', '1', '丁集', '1', '2', '上午']) await say(text);
    const booked = await say('是');
    expect(booked).toContain('约好了');
    code = booked.match(/预约号：([A-Z2-9]{6})/)![1];
    booking = await db().booking.findFirstOrThrow({ where: { code } });
    hospital = await db().hospital.findUniqueOrThrow({ where: { id: booking.hospitalId } });
    staffId = await rig.staffAccount({ username: 'zhou.hong', displayName: '周红', role: 'hospital', countyId: 'xiangcheng', hospitalId: hospital.id });
    // her visit, then the results come back the next morning
    await jump('2026-03-05T10:00:00+08:00');
  });

  it(
    'hospital staff upload the CSV on the page: a bad row stores nothing, then the good rows only; the row report on screen',
    { timeout: 120_000 },
    async () => {
      const day = booking.day.replace(/-0?/g, '/');
      const file = [
        HEADER,
        `李秀英,${code},US-1,${day},乳腺彩超,,,,,4a,`,
        `李秀英,,HPV-1,${day},HPV,阴性,阴性,阴性,,,`,
        `李秀英,${code},TCT-1,${day},TCT,,,,不知道,,`,
      ].join('\r\n');

      ({ page, context, errors } = await rig.loggedIn('zhou.hong'));
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
      });
      await page.click('.el-menu-item:has-text("检查结果")');
      await page.waitForURL(/\/console\/results/);
      await page.setInputFiles('[data-test=results-file]', { name: '结果.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });
      await page.click('[data-test=upload]');
      // a bad row: nothing stored, and the report says which row and why
      await until(() => page.textContent('[data-test=upload-report]')).toContain('文件中有 1 行有问题，所以这次什么都没有保存');
      const report = (await page.textContent('[data-test=report-rows]')) ?? '';
      expect(report).toContain('TCT-1');
      expect(report).toContain('有问题，未保存');
      expect(report).toContain('不知道');
      expect(await db().screeningResult.count()).toBe(0);
      await shot(page, 'results-upload-bad-row');
      await page.click('[data-test=take-good-rows]');
      await until(() => page.textContent('[data-test=upload-report]')).toContain('已保存没问题的 2 行；1 行有问题');
      const rows = await page.$$eval('[data-test=report-rows] .el-table__body tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
      expect(rows[0]).toMatch(/^2US-1已保存已匹配待发布/);
      expect(rows[1]).toMatch(/^3HPV-1已保存未匹配没有就诊码和身份证号，不知道是谁的结果。结果已保存，请手动匹配。/);
      expect(rows[2]).toMatch(/^4TCT-1有问题，未保存/);
      await shot(page, 'results-upload-report');
    },
  );

  it('the held result shows the words she will read; staff release it', { timeout: 90_000 }, async () => {
    // the held result: what she will read, then the release
    await page.click('.el-tabs__item:has-text("待发布")');
    const held = await db().screeningResult.findFirstOrThrow({ where: { hospitalResultId: 'US-1' } });
    ids.held = held.id;
    expect(held.status).toBe('held');
    await page.click(`[data-test=preview-${held.id}]`);
    await page.waitForSelector('[data-test=notice-text]');
    notice = ((await page.textContent('[data-test=notice-text]')) ?? '').trim();
    expect(notice).toContain(hospital.name);
    expect(notice).toContain('乳腺');
    await shot(page, 'results-held-notice');
    await page.click('[data-test=release]');
    await until(() => page.textContent('[data-test=held-message]')).toContain('已发布，消息将发到她的微信');
    await until(() => page.textContent('[data-test=held-results]')).toContain('没有待发布的结果');
  });

  it('the result without a code is matched by hand with the code she shows', { timeout: 90_000 }, async () => {
    // the result without a code: matched by hand with the code she shows
    await page.click('.el-tabs__item:has-text("未匹配")');
    const lost = await db().screeningResult.findFirstOrThrow({ where: { hospitalResultId: 'HPV-1' } });
    ids.lost = lost.id;
    await until(() => page.textContent('[data-test=unmatched-results]')).toContain('没有就诊码和身份证号，不知道是谁的结果。');
    await shot(page, 'results-unmatched');
    // on a phone: the same list, scrolled sideways to the code and the button
    const phone = await rig.loggedIn('zhou.hong', { phone: true });
    await phone.page.goto(`${rig.base}/console/results?tab=unmatched`);
    await until(() => phone.page.textContent('[data-test=unmatched-results]')).toContain('HPV-1');
    await phone.page.$eval('[data-test=unmatched-results] .el-scrollbar__wrap', (el) => el.scrollBy({ left: 2000 }));
    await shot(phone.page, 'results-phone');
    await phone.context.close();
    await page.fill(`input[name=code-${lost.id}]`, code.toLowerCase());
    await page.click(`[data-test=match-${lost.id}]`);
    await until(() => page.textContent('[data-test=unmatched-message]')).toContain('已匹配：已发给本人');
  });

  it('the database records the staff account; she receives the words staff read', { timeout: 90_000 }, async () => {
    const held = { id: ids.held };
    const lost = { id: ids.lost };

    // the database: released and matched by the staff account, audited
    expect(await db().screeningResult.findUniqueOrThrow({ where: { id: held.id } })).toMatchObject({ status: 'released', contactId: booking.contactId });
    const actors = await db().resultEvent.findMany({ where: { kind: { in: ['stored', 'released', 'matched'] } }, orderBy: { id: 'asc' } });
    expect(new Set(actors.map((e) => e.actor))).toEqual(new Set([`staff:${staffId}`]));
    const audit = await db().auditEntry.findMany({ where: { accountId: staffId, action: { not: 'login' } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.objectId])).toEqual([
      ['results.upload', hospital.id],
      ['results.upload', hospital.id],
      ['result.noticeView', held.id],
      ['result.release', held.id],
      ['result.match', lost.id],
    ]);

    // she receives the words staff read before the release
    await jump('2026-03-05T10:05:00+08:00');
    const chat = rig.t.app.simulator!.transcript(HER).filter((e) => e.from === 'bot' && e.at >= new Date('2026-03-05T01:00:00Z').toISOString());
    expect(chat.map((e) => e.text)).toContain(notice);
    expect(chat.some((e) => e.text.includes('HPV'))).toBe(true);

    // no request of the pages failed after the login, and nothing was refused by the security policy
    expect(failed).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await context.close();
  });
});
