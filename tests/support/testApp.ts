// Builds the real app on a fresh test database with a clock that only moves when told to.
import { AdjustableClock } from '../../src/support/clock.js';
import { createApp, type App } from '../../src/app/createApp.js';
import { createLogger, type Logger } from '../../src/support/logger.js';
import type { Channel } from '../../src/channels/channel.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createTestDatabase, type TestDatabase } from './testDb.js';

export interface TestApp {
  app: App;
  clock: AdjustableClock;
  database: TestDatabase;
  /** The port the HTTP server listens on. */
  port: number;
  /** Sends a message through the simulator channel as `contactId`; resolves with the replies. */
  say(contactId: string, text: string): Promise<string[]>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  start?: string; // ISO instant the clock starts at
  env?: Record<string, string>;
  database?: TestDatabase; // reuse (e.g. a restart); created otherwise
  wechatPuppet?: unknown;
  /** Default: silent. */
  logger?: Logger;
  /** Channels started elsewhere that the outbox may send through (the e2e WeChat bot). */
  externalChannels?: Channel[];
}

export function testConfig(url: string, env: Record<string, string> = {}): Config {
  // (the simulator is a demo tool, off by default: the tests write through it, so they turn it on)
  return loadConfig({ DATABASE_URL: url, PORT: '0', WECHAT_ENABLED: 'false', SIMULATOR_ENABLED: 'true', LOG_LEVEL: 'silent', ...env });
}

export async function startTestApp(o: TestAppOptions = {}): Promise<TestApp> {
  const database = o.database ?? (await createTestDatabase());
  const frozen = 0;
  const clock = new AdjustableClock(new Date(o.start ?? '2026-03-02T09:00:00+08:00'), () => frozen);
  const app = await createApp({
    config: testConfig(database.url, o.env),
    clock,
    logger: o.logger ?? createLogger('silent'),
    migrate: false,
    wechatPuppet: o.wechatPuppet,
    externalChannels: o.externalChannels,
    // messages are delivered when the test moves the clock (app.catchUp), never behind its back
    realTimeSending: false,
  });
  const port = await app.start();
  return {
    app,
    port,
    clock,
    database,
    say: (contactId, text) => app.simulator!.receive(contactId, text),
    async stop() {
      await app.stop();
    },
  };
}
