// The whole app in its own OS process, moving the simulator's clock through POST /simulator/clock and
// killed with SIGKILL in the middle of the jump, at its `killAt`-th send (before that message is
// delivered), for the downtime test. Usage:
//   node --import tsx tests/e2e/jumpWorker.ts <databaseUrl> <startIso> <toIso> <killAt>
// Prints "ready", then one JSON line per message delivered ({to, text, at}), then dies.
import { createApp } from '../../src/app/createApp.js';
import { loadConfig } from '../../src/config/config.js';
import { AdjustableClock } from '../../src/support/clock.js';
import { createLogger } from '../../src/support/logger.js';

const [url, startIso, toIso, killAt] = process.argv.slice(2);
const config = loadConfig({ DATABASE_URL: url, PORT: '0', WECHAT_ENABLED: 'false', SIMULATOR_ENABLED: 'true', LOG_LEVEL: 'silent' });
const app = await createApp({
  config,
  clock: new AdjustableClock(new Date(startIso), () => 0),
  logger: createLogger('silent'),
  migrate: false,
  realTimeSending: false,
});
const port = await app.start();
const simulator = app.simulator!;
const deliver = simulator.send.bind(simulator);
let sends = 0;
simulator.send = async (to, text, at) => {
  // (stdout is a pipe: written synchronously on Linux, so every line before the kill is read)
  if (++sends === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  process.stdout.write(`${JSON.stringify({ to, text, at: at?.toISOString() })}\n`);
  await deliver(to, text, at);
};
process.stdout.write('ready\n');
const r = await fetch(`http://127.0.0.1:${port}/simulator/clock`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ now: toIso }),
});
// (not reached when the kill came: the jump had fewer sends than killAt)
process.stdout.write(`jump finished ${r.status}\n`);
process.exit(0);
