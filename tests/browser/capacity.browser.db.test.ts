// The capacity calendar, bookings and waitlist pages in a real Chromium (SQLite only): hospital staff
// open a Saturday in the weekly rules and a woman chatting through the simulator is offered it; they
// close that Saturday and the woman who booked it is told (and her bookings are cancelled); at the
// desk they mark a visit attended by its code (an unknown code answers in Chinese) and tick another
// as a no-show. Screenshots: tests/screenshots/capacity-*.png, bookings-*.png, waitlists-*.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot as shot, startConsoleRig, type ConsoleRig } from '../support/browser.js';
import { dbUnavailable } from '../support/testDb.js';

const joined = (lines: string[]) => lines.join('\n');
const SATURDAY = '2026-03-07';

describe.skipIf(dbUnavailable)('capacity, bookings and waitlists in Chromium', () => {
  let rig: ConsoleRig;
  const say = async (who: string, text: string) => joined(await rig.t.say(who, text));
  const db = () => rig.t.app.dbHandle.db;

  /** A woman who has been told she qualifies for 两癌 (as tests/support/e2eBot.ts eligibleWoman). */
  async function eligible(who: string): Promise<void> {
    for (const answer of ['你好', '同意', '1', '1978年5月6日', '1', '1', '不会', '同意', '没有', '没有', '没有', '有']) await say(who, answer);
    const last = await say(who, '没有');
    if (!last.includes('好消息')) throw new Error(`expected an eligible answer, got: ${last}`);
  }
  /** Delivers what the outbox holds (the clock moves two minutes and the app catches up). */
  async function deliver(): Promise<void> {
    const from = rig.t.clock.now();
    const to = new Date(from.getTime() + 120_000);
    rig.t.clock.advanceTo(to);
    await rig.t.app.catchUp(from, to);
  }
  async function pick(page: Page, select: string, option: string): Promise<void> {
    await page.click(`[data-test=${select}]`);
    await page.click(`.el-select-dropdown__item:visible:has-text("${option}")`);
  }
  async function onlySaturdayMornings(page: Page, seats: string): Promise<void> {
    for (let w = 1; w <= 7; w++) for (const s of ['am', 'pm']) await page.fill(`[data-test=rule-${w}-${s}] input`, w === 6 && s === 'am' ? seats : '0');
    await page.click('[data-test=save-rules]');
    await page.waitForSelector('.el-message--success:has-text("每周号源已保存")');
    await page.waitForSelector('.el-message--success', { state: 'detached' }).catch(() => undefined);
  }

  /** The page's errors since it was logged in (the login page's own requests are another test's). */
  const since = (errors: string[]) => {
    const at = errors.length;
    return () => errors.slice(at);
  };

  beforeAll(async () => {
    rig = await startConsoleRig();
    await rig.staffAccount({ username: 'mch.staff', displayName: '张护士', role: 'hospital', countyId: 'xiangcheng', hospitalId: 'xc-mch' });
    await rig.staffAccount({ username: 'first.staff', displayName: '刘医生', role: 'hospital', countyId: 'xiangcheng', hospitalId: 'xc-first' });
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('staff open Saturday mornings in the calendar and a woman chatting is offered that Saturday', async () => {
    const { page, errors: all } = await rig.loggedIn('mch.staff');
    const errors = since(all);
    await page.click('.el-menu-item:has-text("号源日历")');
    await page.waitForSelector('[data-test=month-view]');
    await expect.poll(() => page.textContent(`[data-test=cell-2026-03-03-am]`), { timeout: 15_000 }).toContain('剩余 40');
    await onlySaturdayMornings(page, '30');
    await pick(page, 'service', '乳腺癌筛查');
    await onlySaturdayMornings(page, '30');
    await expect.poll(() => page.textContent(`[data-test=cell-${SATURDAY}-am]`), { timeout: 15_000 }).toContain('剩余 30');
    expect(await page.textContent('[data-test=cell-2026-03-03-am]')).toContain('不放号');
    await shot(page, 'capacity-rules');
    expect(await db().capacityRule.findMany({ where: { hospitalId: 'xc-mch', serviceId: { in: ['cervical', 'breast'] }, capacity: { gt: 0 } } })).toEqual([
      expect.objectContaining({ weekday: 6, session: 'am', capacity: 30 }),
      expect.objectContaining({ weekday: 6, session: 'am', capacity: 30 }),
    ]);

    await eligible('w-sat');
    for (const answer of ['预约', '1']) await say('w-sat', answer);
    expect(await say('w-sat', '丁集')).toContain('1. 项城市妇幼保健院');
    const days = await say('w-sat', '1');
    expect(days).toContain('2026年3月7日 周六');
    expect(days).not.toContain('2026年3月3日');
    expect(errors()).toEqual([]);
  }, 180_000);

  it('staff close that Saturday: the page says one woman will be told, she is told, her bookings are cancelled', async () => {
    const chose = await say('w-sat', '1');
    const booked = chose.includes('约好了') ? chose : await say('w-sat', '是');
    expect(booked).toContain('约好了');
    const contact = await db().contact.findFirstOrThrow({ where: { externalId: 'w-sat' } });
    expect((await db().booking.findMany({ where: { contactId: contact.id } })).map((b) => [b.day, b.status])).toEqual([
      [SATURDAY, 'confirmed'],
      [SATURDAY, 'confirmed'],
    ]);

    const { page, errors: all } = await rig.loggedIn('mch.staff');
    const errors = since(all);
    await page.goto(`${rig.base}/console/capacity`);
    await page.waitForSelector('[data-test=month-view]');
    const api = await page.evaluate(async (d) => (await fetch(`/api/staff/hospitals/xc-mch/slots?from=${d}&to=${d}`)).text(), SATURDAY);
    await expect.poll(() => page.textContent(`[data-test=cell-${SATURDAY}-am]`), { message: api }).toContain('已约 1');
    await page.click(`[data-test=close-${SATURDAY}]`);
    await expect.poll(() => page.textContent('[data-test=will-tell]'), { timeout: 15_000 }).toContain('该时段已有 1 位妇女预约');
    await page.fill('input[name=close-reason]', '设备检修');
    await shot(page, 'capacity-close');
    await page.click('[data-test=confirm-close]');
    await page.waitForSelector('.el-message--success:has-text("1 位已预约的妇女会收到通知")');
    await expect.poll(() => page.textContent(`[data-test=cell-${SATURDAY}-am]`), { timeout: 15_000 }).toContain('设备检修');
    await shot(page, 'capacity-closed');
    expect((await db().booking.findMany({ where: { contactId: contact.id } })).map((b) => b.status)).toEqual(['cancelled', 'cancelled']);

    await deliver();
    const told = rig.t.app
      .simulator!.transcript('w-sat')
      .filter((e) => e.from === 'bot')
      .map((e) => e.text);
    expect(told.at(-1)).toBe(
      '抱歉，项城市妇幼保健院2026年3月7日 上午临时停诊，您在那天的预约（宫颈癌筛查、乳腺癌筛查）取消了，不算您失约。回复“预约”可以换个日子。',
    );
    expect(await db().outboxMessage.count({ where: { contactId: contact.id, dedupeKey: { startsWith: 'closed:' }, status: 'sent' } })).toBe(1);
    expect(errors()).toEqual([]);
  }, 180_000);

  it('at the desk: a visit marked attended by its code, an unknown code refused in Chinese, another ticked as a no-show', async () => {
    /** Books 两癌 at 项城市第一人民医院 on its first day (Tuesday 3 March) through the chat; returns her visit code. */
    const book = async (who: string) => {
      await eligible(who);
      for (const answer of ['预约', '1', '丁集']) await say(who, answer);
      expect(await say(who, '2')).toContain('2026年3月3日');
      const chose = await say(who, '1');
      const done = chose.includes('约好了') ? chose : await say(who, '是');
      return done.match(/预约号：([A-Z2-9]{6})/)![1];
    };
    const codeA = await book('w-a');
    await book('w-b');
    rig.t.clock.advanceTo(new Date('2026-03-03T09:30:00+08:00'));
    const contactOf = async (who: string) => (await db().contact.findFirstOrThrow({ where: { externalId: who } })).id;
    const [a, b] = [await contactOf('w-a'), await contactOf('w-b')];

    const { page, errors: all } = await rig.loggedIn('first.staff');
    const errors = since(all);
    await page.click('.el-menu-item:has-text("预约与签到")');
    const held = JSON.stringify(await db().booking.findMany({ where: { contactId: { in: [a, b] } }, select: { hospitalId: true, day: true, status: true } }));
    await page.waitForSelector('[data-test=bookings]');
    const seen = await page.evaluate(async () => {
      const o = (await (await fetch('/api/staff/capacity/options')).json()) as { today: string };
      return `${o.today} ${await (await fetch(`/api/staff/hospitals/xc-first/bookings?day=${o.today}`)).text()}`;
    });
    await expect.poll(() => page.textContent('[data-test=counts]'), { message: `${held} ${seen}`, timeout: 15_000 }).toContain('待到 4');
    await page.fill('input[name=visit-code]', codeA.toLowerCase());
    await page.press('input[name=visit-code]', 'Enter');
    await expect.poll(() => page.textContent('[data-test=code-result]'), { timeout: 15_000 }).toContain(`签到成功：${codeA}（`);
    expect((await db().booking.findMany({ where: { contactId: a } })).map((x) => x.status)).toEqual(['attended', 'attended']);
    await expect.poll(() => page.textContent('[data-test=counts]'), { timeout: 15_000 }).toContain('已到 2');
    await page.fill('input[name=visit-code]', 'ZZZZZZ');
    await page.press('input[name=visit-code]', 'Enter');
    await expect.poll(() => page.textContent('[data-test=code-result]'), { timeout: 15_000 }).toContain('没有找到预约码 ZZZZZZ');
    await shot(page, 'bookings-code');

    for (const box of await page.$$(`[data-test=bookings] .el-table__body tr:has-text("${b}") .el-checkbox`)) await box.click();
    await page.click('[data-test=mark-noshow]');
    await page.click('.el-message-box__btns .el-button--primary');
    await page.waitForSelector('.el-message--success:has-text("已标记 2 条为未到")');
    expect((await db().booking.findMany({ where: { contactId: b } })).map((x) => x.status)).toEqual(['noshow', 'noshow']);
    expect((await db().contact.findUniqueOrThrow({ where: { id: b } })).noShows).toBe(1);
    await expect.poll(() => page.textContent('[data-test=counts]'), { timeout: 15_000 }).toContain('未到 2');
    await shot(page, 'bookings-desktop');
    const actions = await db().auditEntry.findMany({ where: { action: { in: ['attendance.mark', 'attendance.noshow'] } }, select: { action: true } });
    expect(actions.map((x) => x.action).sort()).toEqual(['attendance.mark', 'attendance.mark', 'attendance.noshow', 'attendance.noshow']);

    await page.click('.el-menu-item:has-text("候补名单")');
    await expect.poll(() => page.textContent('[data-test=waitlists-empty]'), { timeout: 15_000 }).toContain('目前没有人候补');
    await shot(page, 'waitlists-desktop');
    // (the unknown code's 404, which the browser logs)
    expect(errors()).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)']);

    const phone = await rig.loggedIn('first.staff', { phone: true });
    await phone.page.goto(`${rig.base}/console/bookings`);
    await expect.poll(() => phone.page.textContent('[data-test=counts]'), { timeout: 15_000 }).toContain('已到 2');
    await shot(phone.page, 'bookings-phone');
    await phone.page.goto(`${rig.base}/console/capacity`);
    await expect.poll(() => phone.page.textContent('[data-test=cell-2026-03-05-am]'), { timeout: 15_000 }).toContain('剩余');
    await shot(phone.page, 'capacity-phone');
  }, 240_000);
});
