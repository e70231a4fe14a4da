// The real bot end to end: a Wechaty bot on wechaty-puppet-mock whose messages go into the real
// app (engine, services, database). The app can be restarted under the same bot and database.
import { createLogger } from '../../src/support/logger.js';
import { shanghaiClockTime, shanghaiDay } from '../../src/domain/calendarDay.js';
import type { InboundMessage } from '../../src/channels/channel.js';
import type { Db } from '../../src/db/client.js';
import { startTestApp, type TestApp, type TestAppOptions } from './testApp.js';
import { createWechatHarness, type MockWoman, type WechatHarness } from './wechatHarness.js';

export interface E2EBot {
  harness: WechatHarness;
  current(): TestApp;
  db(): Db;
  woman(name?: string): MockWoman;
  /** Stops the app (as a crash or deploy would) and starts a new one on the same database. */
  restart(): Promise<void>;
  /** Moves the bot's clock and runs the jobs that would have run meanwhile. */
  advanceClock(to: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startE2EBot(options: TestAppOptions = {}): Promise<E2EBot> {
  let app: TestApp | undefined;
  const harness = await createWechatHarness((m: InboundMessage) => app!.app.router.handle(m), {
    // the same logger as the app's (a test may read the lines of both)
    logger: options.logger ?? createLogger('silent'),
    // the outbox paces proactive sends; the bot itself answers at once in tests
    channelOptions: { minSendIntervalMs: 0 },
  });
  app = await startTestApp({ ...options, externalChannels: [harness.channel] });
  let n = 0;
  const women: MockWoman[] = [];
  /** Waits (bounded) until every message the outbox sent to WeChat has reached its mock woman. */
  async function delivered(): Promise<void> {
    const sent = await app!.app.dbHandle.db.outboxMessage.findMany({ where: { status: 'sent', channel: 'wechat' }, select: { externalId: true, text: true } });
    for (let i = 0; i < 400; i++) {
      const missing = sent.filter((m) => !women.some((w) => (w.externalId ?? w.id) === m.externalId && w.received.includes(m.text)));
      if (missing.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('messages sent by the outbox did not reach the mock WeChat contacts');
  }
  return {
    harness,
    current: () => app!,
    db: () => app!.app.dbHandle.db,
    woman: (name) => {
      const w = harness.newWoman(name ?? `woman${++n}`);
      women.push(w);
      return w;
    },
    async restart() {
      const database = app!.database;
      const now = app!.clock.now().toISOString();
      await app!.stop();
      app = await startTestApp({ ...options, database, start: now, externalChannels: [harness.channel] });
    },
    async advanceClock(to) {
      const from = app!.clock.now();
      const target = new Date(to);
      if (!app!.clock.advanceTo(target)) throw new Error('clock only moves forward');
      await app!.app.catchUp(from, target);
      await harness.idle();
      await delivered();
    },
    async stop() {
      await harness.stop();
      await app!.stop();
      await app!.database.drop();
    },
  };
}

/** Her contact row, looked up by the id the bot knows her by. */
export async function contactOf(db: Db, woman: MockWoman) {
  return db.contact.findUnique({ where: { channel_externalId: { channel: 'wechat', externalId: woman.externalId ?? woman.id } } });
}

export async function factsOf(db: Db, contactId: string): Promise<Record<string, unknown>> {
  const rows = await db.fact.findMany({ where: { contactId } });
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.valueJson) as unknown]));
}

/** Replies joined into one text, for "contains" assertions across several messages. */
export const joined = (replies: string[]) => replies.join('\n');

/** A new woman who has already agreed to the privacy notice. */
export async function consentedWoman(bot: E2EBot): Promise<MockWoman> {
  const w = bot.woman();
  await w.say('你好');
  await w.say('同意');
  return w;
}

/** A consented woman who has been told she qualifies for 两癌 (born 1978-05-06, rural, local 户籍, never screened). */
export async function eligibleWoman(bot: E2EBot): Promise<MockWoman> {
  const w = await consentedWoman(bot);
  for (const answer of ['1', '1978年5月6日', '1', '1', '不会', '同意', '没有', '没有', '没有', '有']) await w.say(answer);
  const last = joined(await w.say('没有'));
  if (!last.includes('好消息')) throw new Error(`expected an eligible answer, got: ${last}`);
  return w;
}

/**
 * Every proactive message the outbox sent her, oldest first, as [Shanghai day, 'HH:MM', text]; checks
 * on the way that none went out in the quiet hours (21:00–08:00) and each reached her WeChat once.
 */
export async function sentTo(bot: E2EBot, woman: MockWoman): Promise<[string, string, string][]> {
  const contact = await contactOf(bot.db(), woman);
  if (!contact) throw new Error('no such contact');
  const rows = await bot.db().outboxMessage.findMany({ where: { contactId: contact.id, status: 'sent' }, orderBy: { sentAt: 'asc' } });
  return rows.map((r) => {
    const time = shanghaiClockTime(r.sentAt!);
    const hour = Number(time.slice(0, 2));
    if (hour < 8 || hour >= 21) throw new Error(`sent in the quiet hours: ${r.sentAt!.toISOString()}`);
    const copies = woman.received.filter((t) => t === r.text).length;
    if (copies !== 1) throw new Error(`reached her ${copies} times: ${r.text.slice(0, 30)}`);
    return [shanghaiDay(r.sentAt!), time, r.text];
  });
}
