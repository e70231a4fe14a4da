// A separate OS process running one dispatcher, for the two-process test (PostgreSQL). Usage:
//   node --import tsx tests/services/outbox/dispatchWorker.ts <databaseUrl> <processId> <nowIso>
// Prints "ready", waits for "go" on stdin, dispatches at the simulated instant until nothing is left
// (or 30 s pass), then prints one JSON line {"sent": [externalId, ...]} and exits.
import readline from 'node:readline';
import { openDb } from '../../../src/db/client.js';
import { OutboxDispatcher } from '../../../src/services/outbox/OutboxDispatcher.js';
import { FakeChannel, silentLogger, testSettings } from './outboxTestKit.js';

const [url, processId, nowIso] = process.argv.slice(2);
const now = new Date(nowIso);
const h = openDb(url);
const channel = new FakeChannel();
// real network latency, so the two processes overlap
channel.delay = () => new Promise((resolve) => setTimeout(resolve, 1 + Math.floor(Math.random() * 4)));
const dispatcher = new OutboxDispatcher({
  db: h.db,
  provider: h.provider,
  channels: new Map([['simulator', channel]]),
  logger: silentLogger,
  processId,
  settings: testSettings({ minIntervalMs: 0, quietStartHour: 0, quietEndHour: 0 }),
  accountConcurrency: 4,
});

await h.db.$queryRaw`SELECT 1`;
process.stdout.write('ready\n');
const rl = readline.createInterface({ input: process.stdin });
await new Promise<void>((resolve) => rl.on('line', (line) => line.trim() === 'go' && resolve()));
rl.close();

const deadline = performance.now() + 30_000;
while (performance.now() < deadline) {
  await dispatcher.runOnce(now);
  const left = await h.db.outboxMessage.count({ where: { status: { in: ['queued', 'sending'] } } });
  if (left === 0) break;
}
process.stdout.write(`${JSON.stringify({ sent: channel.sent.map((s) => s.externalId) })}\n`);
await h.close();
process.exit(0);
