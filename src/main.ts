// Starts the screening assistant: `npm start`. Settings come from the environment (.env.example).
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './support/logger.js';
import { createApp } from './app/createApp.js';
import { DataFileError } from './support/readYaml.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
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
  let port: number;
  try {
    port = await app.start();
  } catch (err) {
    console.error(`Cannot start: ${(err as Error).message}`);
    await app.stop().catch(() => undefined);
    process.exit(1);
  }
  const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  logger.info({ port, database: app.dbHandle.provider, county: app.county.id }, 'screening assistant started');
  console.log(`\n  筛查小助手 is running for ${app.county.name} on ${app.dbHandle.provider}.`);
  if (app.simulator) console.log(`  Web simulator:   ${base}/simulator`);
  if (app.wechat) {
    const status = app.wechat.status();
    console.log(`  WeChat login:    ${base}/wechat/login  (state: ${status.state})`);
    if (status.state === 'unavailable') {
      console.log(`  WeChat is not connected (${status.detail ?? 'no account'}); the simulator and everything else keep running.`);
    }
  } else {
    console.log('  WeChat is off (WECHAT_ENABLED=false); the simulator and everything else keep running.');
  }
  console.log(`  Readiness:       ${base}/readyz\n`);

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
}

void main();
