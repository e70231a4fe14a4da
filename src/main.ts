// Starts the screening assistant: `npm start` (production: no simulator), `npm run demo` (the web
// simulator on). Settings come from the environment (.env.example).
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './support/logger.js';
import { createApp } from './app/createApp.js';
import { DataFileError } from './support/readYaml.js';

/** `npm run demo` (src/main.ts --demo): the same server, with the web simulator on. */
const DEMO = process.argv.includes('--demo');

/** Red on a terminal (or when FORCE_COLOR asks for colour); plain in a log file. */
const red = (text: string): string => (process.stdout.isTTY || process.env.FORCE_COLOR ? `\x1b[31m${text}\x1b[0m` : text);

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(DEMO ? { ...process.env, SIMULATOR_ENABLED: 'true' } : process.env);
  } catch (err) {
    console.error(`Cannot start: ${(err as Error).message}`);
    process.exit(2);
  }
  const logger = createLogger(config.LOG_LEVEL);
  let app;
  try {
    app = await createApp({ config, logger });
  } catch (err) {
    if (err instanceof DataFileError || err instanceof ConfigError) {
      console.error(`Cannot start: ${err.message}`);
    } else {
      console.error(`Cannot start: ${(err as Error).message}`);
    }
    process.exit(1);
  }
  // (before the start: a stop signal while the missed days are caught up ends it cleanly too)
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // the WeChat channel waits up to 8 s for replies in flight; give the whole stop a little more
    const timer = setTimeout(() => process.exit(1), 15_000);
    timer.unref();
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  let port: number;
  try {
    port = await app.start();
  } catch (err) {
    if (stopping) return; // (stopped by a signal while starting)
    console.error(`Cannot start: ${(err as Error).message}`);
    await app.stop().catch(() => undefined);
    process.exit(1);
  }
  if (stopping) return;
  const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  logger.info({ port, database: app.dbHandle.provider, county: app.county.id }, 'screening assistant started');
  console.log(`\n  筛查小助手 is running for ${app.county.name} on ${app.dbHandle.provider}.`);
  if (app.simulator) {
    console.log(red('  DEMO MODE: the web simulator is on (SIMULATOR_ENABLED=true). Anyone who can reach this port can'));
    console.log(red('  write as any woman, read her messages and move the clock forward. Never run it for real women.'));
    console.log(`  Web simulator:   ${base}/simulator`);
  }
  if (app.wechat) {
    const status = app.wechat.status();
    console.log(`  WeChat login:    ${base}/wechat/login  (state: ${status.state}; for the county administrator, logged in to the console)`);
    if (status.state === 'unavailable') {
      console.log(`  WeChat is not connected (${status.detail ?? 'no account'}); everything else keeps running.`);
    }
  } else {
    console.log('  WeChat is off (WECHAT_ENABLED=false); everything else keeps running.');
  }
  console.log(`  Staff console:   ${base}/console  (first administrator: npm run admin:create -- --help)`);
  if (config.SESSION_SECRET_GENERATED) console.log('  SESSION_SECRET is not set: console sessions end when this process stops (see .env.example).');
  console.log(`  Readiness:       ${base}/readyz\n`);
}

void main();
