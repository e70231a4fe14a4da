// The simulator page in a real Chromium: a person types, the bot answers in the chat.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { dbUnavailable } from '../support/testDb.js';
import { startTestApp, type TestApp } from '../support/testApp.js';

describe.skipIf(dbUnavailable)('simulator page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await t?.database.drop();
  });

  it('chats with the bot: privacy notice, consent, menu', async () => {
    const page = await browser.newPage({ viewport: { width: 420, height: 800 } });
    await page.goto(`http://127.0.0.1:${t.port}/simulator`);
    await page.fill('#contact', 'browser-woman');
    await page.dispatchEvent('#contact', 'change');
    await expect.poll(() => page.textContent('#clock')).toContain('2026');

    await page.fill('#text', '你好');
    await page.click('#send');
    await page.waitForSelector('.msg.bot .bubble:has-text("隐私说明")');
    await page.fill('#text', '同意');
    await page.click('#send');
    await page.waitForSelector('.msg.bot .bubble:has-text("请问您想做什么")');

    const bubbles = await page.$$eval('.bubble', (els) => els.map((e) => [e.parentElement!.className, e.textContent ?? '']));
    expect(bubbles.map(([c, text]) => [c, text.slice(0, 4)])).toEqual([
      ['msg contact', '你好'],
      ['msg bot', '您好！我'],
      ['msg contact', '同意'],
      ['msg bot', '谢谢您的'],
      ['msg bot', '请问您想'],
    ]);
    // the page's own transcript agrees with the server's
    const contact = await t.app.dbHandle.db.contact.findFirstOrThrow({ where: { externalId: 'browser-woman' } });
    expect(contact.consent).toBe('given');
    const shot = path.resolve('tmp', `simulator-${process.env.TEST_DB}.png`);
    fs.mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
  });

  it('shows a clear message when the clock is moved backwards', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${t.port}/simulator`);
    await page.fill('#clockTo', '2020-01-01T09:00');
    await page.click('#moveClock');
    await expect.poll(() => page.textContent('#status')).toContain('不能拨时钟');
  });
});
