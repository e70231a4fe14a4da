// The hand-off inbox in Chromium: a woman of 秣陵镇 consents and writes 人工 in the simulator; a
// township staff member of 秣陵镇 sees the request (the menu's count, the list, her conversation),
// claims it and writes a reply, which reaches her chat through the outbox; her next message comes
// to the same staff member's page; the staff member closes it and she is told. Staff of another
// township see nothing of it. Screenshots: handoff-*.png (office screen and a phone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot as shot, startConsoleRig, type ConsoleRig } from '../support/browser.js';
import { dbUnavailable } from '../support/testDb.js';

const MOLING = 'xiangcheng-moling';
const OPENED = '好的，已经转给工作人员了，他们会在这个聊天里回复您。着急的话也可以打电话 0394-4326120。';
const QUESTION = '我想问问宫颈癌检查要不要空腹';
const REPLY = '您好，我是秣陵镇卫生院的王芳。宫颈癌检查不用空腹，检查前三天不要同房、不要冲洗阴道。';
const NEXT = '好的，谢谢，那我下周一上午去可以吗';
const CLOSED = '工作人员这次的回复结束了，小助手继续为您服务。回复“菜单”看看能做什么；还要找工作人员，回复“人工”。';

describe.skipIf(dbUnavailable)('the hand-off inbox in Chromium', () => {
  let rig: ConsoleRig;
  const db = () => rig.t.app.dbHandle.db;
  // (a second between her messages, as in life: her lines read back in order)
  const say = (text: string) => {
    rig.t.clock.advanceTo(new Date(rig.t.clock.now().getTime() + 1000));
    return rig.t.say('mei', text);
  };
  /** What the bot sent to her chat (the simulator's transcript), after the outbox is delivered. */
  const delivered = async () => {
    rig.t.clock.advanceTo(new Date(rig.t.clock.now().getTime() + 60_000));
    await rig.t.app.dispatcher.runOnce(rig.t.clock.now());
    return rig.t.app
      .simulator!.transcript('mei')
      .filter((e) => e.from === 'bot')
      .map((e) => e.text);
  };

  beforeAll(async () => {
    rig = await startConsoleRig(); // Monday 2026-03-02 09:00 +08:00: office hours
    await rig.staffAccount({ username: 'ml.wang', displayName: '王芳', role: 'township', countyId: 'xiangcheng', townshipId: MOLING });
    await rig.staffAccount({ username: 'hy.li', displayName: '李娜', role: 'township', countyId: 'xiangcheng', townshipId: 'xiangcheng-huayuan' });
  });
  afterAll(async () => {
    await rig?.stop();
  }, 120_000);

  it('she asks for a person; staff of her township claim it, reply in her chat, see her answer and close it', async () => {
    await say('你好');
    await say('同意');
    // (her township, as she named it when booking: 俺是秣陵的)
    const contact = await db().contact.findUniqueOrThrow({ where: { channel_externalId: { channel: 'simulator', externalId: 'mei' } } });
    await db().fact.create({ data: { contactId: contact.id, key: 'township', valueJson: JSON.stringify(MOLING), sensitive: false } });
    expect(await say('人工')).toEqual([OPENED]);
    expect((await say(QUESTION)).join('\n')).toContain('工作人员还没回复');
    const request = await db().handoffRequest.findFirstOrThrow({ where: { contactId: contact.id } });
    expect(request).toMatchObject({ status: 'open', regionId: MOLING });

    const { page, errors } = await rig.loggedIn('ml.wang');
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && r.url().includes('/api/')) failed.push(`${r.status()} ${r.url()}`);
    });
    await expect.poll(() => page.textContent('[data-test=menu-handoffs]')).toContain('人工答复1');
    await page.click('[data-test=menu-handoffs]');
    await page.waitForURL(/\/console\/handoffs$/);
    await expect.poll(() => page.textContent('[data-test=handoffs]')).toContain('秣陵镇');
    const row = await page.textContent('[data-test=handoffs] .el-table__body');
    expect(row).toContain('她要求人工');
    expect(row).toContain('等待认领');
    expect(row).toContain('3月2日 09:00');
    await shot(page, 'handoff-inbox');

    await page.click(`[data-test=open-${request.id}]`);
    await page.waitForURL(new RegExp(`/console/handoffs/${request.id}$`));
    await expect.poll(() => page.textContent('[data-test=conversation]')).toContain(QUESTION);
    expect(await page.$$eval('[data-test=line-woman] .bubble', (els) => els.map((e) => e.textContent))).toEqual(['人工', QUESTION]);
    expect(await page.$$eval('[data-test=line-bot] .bubble', (els) => els.map((e) => e.textContent))).toContain(OPENED);
    await page.click('[data-test=claim]');
    await expect.poll(() => page.textContent('[data-test=handoff-state]')).toContain('王芳 已认领');
    await page.fill('textarea[name=reply]', REPLY);
    await page.click('[data-test=send]');
    await expect.poll(() => page.textContent('[data-test=sent]')).toContain('已发送');
    await expect.poll(() => page.textContent('[data-test=line-staff]')).toContain(REPLY);
    expect(await page.textContent('[data-test=line-staff] .who')).toContain('工作人员 王芳');
    await shot(page, 'handoff-reply');

    // the reply reaches her chat, word for word, through the outbox
    const queued = await db().outboxMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: `handoff:${request.id}:reply:` } } });
    expect(queued).toMatchObject({ priority: 0, contactId: contact.id });
    expect((await delivered()).at(-1)).toBe(`【工作人员】${REPLY}`);

    // her answer goes to the same staff member (no bot reply), and appears on the page (polled)
    expect(await say(NEXT)).toEqual([]);
    await expect.poll(() => page.$$eval('[data-test=line-woman] .bubble', (els) => els.map((e) => e.textContent)), { timeout: 15_000 }).toContain(NEXT);

    // the same conversation on a phone
    const phone = await rig.loggedIn('ml.wang', { phone: true });
    await phone.page.goto(`${rig.base}/console/handoffs/${request.id}`);
    await expect.poll(() => phone.page.textContent('[data-test=conversation]')).toContain(NEXT);
    await shot(phone.page, 'handoff-phone');
    await phone.context.close();

    await page.click('[data-test=close]');
    await page.click('.el-message-box__btns button:has-text("确定")');
    await expect.poll(() => page.textContent('[data-test=handoff-state]')).toContain('王芳 已结束');
    expect(await db().handoffRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: 'closed', activeKey: null });
    expect((await delivered()).at(-1)).toBe(CLOSED);
    const actions = (await db().auditEntry.findMany({ where: { objectId: request.id }, orderBy: { at: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['handoff.open', 'handoff.claim', 'handoff.reply', 'handoff.close']);
    await page.click('[data-test=back]');
    await expect.poll(() => page.textContent('[data-test=handoffs]')).toContain('目前没有待处理的请求');
    await page.click('[data-test=handoff-show] label:has-text("已结束的")');
    await expect.poll(() => page.textContent('[data-test=handoffs]')).toContain('王芳 已结束');
    await shot(page, 'handoff-closed');
    // (no API call refused, no script error, nothing the security policy blocked)
    expect(failed).toEqual([]);
    expect(errors.filter((e) => !/^Failed to load resource/.test(e))).toEqual([]);
  }, 120_000);

  it('staff of another township see nothing of it', async () => {
    const request = await db().handoffRequest.findFirstOrThrow();
    const { page } = await rig.loggedIn('hy.li');
    await page.click('[data-test=menu-handoffs]');
    await page.click('[data-test=handoff-show] label:has-text("已结束的")');
    await expect.poll(() => page.textContent('[data-test=handoffs]')).toContain('没有已结束的请求');
    await page.goto(`${rig.base}/console/handoffs/${request.id}`);
    await expect.poll(() => page.textContent('[data-test=handoff-error]')).toContain('没有找到这个请求');
  }, 120_000);
});
