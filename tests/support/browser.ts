// One way for the browser tests to drive Debian's Chromium (installed by scripts/install-test-deps.sh,
// with the CJK font that makes screenshots readable) and, for the console, to start the app with
// staff accounts and log in. Screenshots go to tests/screenshots/ (named in the closing notes).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { hashPassword } from '../../src/services/staff/passwords.js';
import { startTestApp, type TestApp, type TestAppOptions } from './testApp.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('tests', 'screenshots');
/** The password every account made by `staffAccount` has (no forced change unless asked). */
export const STAFF_PASSWORD = 'Lotus-pond-2026';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/install-test-deps.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Saves a screenshot as tests/screenshots/<name>.png, with transitions off (the page at rest). */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export interface StaffAccountSpec {
  username: string;
  displayName: string;
  role: 'city' | 'county' | 'township' | 'hospital';
  countyId?: string | null;
  townshipId?: string | null;
  hospitalId?: string | null;
  password?: string;
  mustChangePassword?: boolean;
}

export interface ConsoleRig {
  t: TestApp;
  browser: Browser;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Creates a staff account straight in the database (as `npm run admin:create` would). */
  staffAccount(spec: StaffAccountSpec): Promise<string>;
  /** A new page on an office screen (1366×768) or a phone, logged in as `username`, on the home page. */
  loggedIn(username: string, o?: { phone?: boolean; password?: string }): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  stop(): Promise<void>;
}

/** The app (on a fresh SQLite database, the console built) and Chromium, for a console test file. */
export async function startConsoleRig(o: TestAppOptions = {}): Promise<ConsoleRig> {
  // (npm install builds it; after a change to console/, npm run console:build)
  execFileSync(process.execPath, ['scripts/console-build.mjs', '--if-missing'], { stdio: 'inherit' });
  const t = await startTestApp({ ...o, env: { SESSION_SECRET: 'browser-test-session-secret-0123456789abcdef', ...o.env } });
  const browser = await launchChromium();
  const base = `http://127.0.0.1:${t.port}`;
  return {
    t,
    browser,
    base,
    async staffAccount(spec) {
      const now = t.clock.now();
      const { password = STAFF_PASSWORD, mustChangePassword = false, ...rest } = spec;
      const row = await t.app.dbHandle.db.staffAccount.create({
        data: { ...rest, passwordHash: await hashPassword(password), mustChangePassword, createdAt: now, updatedAt: now },
      });
      return row.id;
    },
    async loggedIn(username, lo = {}) {
      const context = await browser.newContext(
        lo.phone ? { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true } : { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' },
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.goto(`${base}/console/login`);
      await page.fill('input[name=username]', username);
      await page.fill('input[name=password]', lo.password ?? STAFF_PASSWORD);
      await page.click('button:has-text("登录")');
      await page.waitForSelector('[data-test=logout]');
      return { context, page, errors };
    },
    async stop() {
      await browser.close();
      await t.stop();
      await t.database.drop();
    },
  };
}
