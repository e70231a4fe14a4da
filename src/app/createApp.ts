// The composition root: builds the whole service from its configuration — data files, database and
// services, the conversation engine, channels, jobs and HTTP — and only wires; every rule lives in
// the layer it belongs to. main.ts starts it for real; tests build it with their own database,
// clock and puppet.
import http from 'node:http';
import type express from 'express';
import type { InboundRouter } from '../channels/inboundRouter.js';
import type { Channel } from '../channels/channel.js';
import type { SimulatorChannel } from '../channels/simulator/SimulatorChannel.js';
import type { WechatChannel } from '../channels/wechat/WechatChannel.js';
import type { Config } from '../config/config.js';
import { loadDataFiles, type DataFiles } from '../config/loadDataFiles.js';
import type { DbHandle } from '../db/client.js';
import type { ConversationEngine } from '../flows/engine.js';
import type { FlowSet } from '../flows/loadFlows.js';
import type { JobScheduler } from '../jobs/JobScheduler.js';
import type { County } from '../profiles/countySchema.js';
import type { Profile } from '../domain/profile/profileSchema.js';
import type { BookingService } from '../services/booking/BookingService.js';
import type { OutboxDispatcher } from '../services/outbox/OutboxDispatcher.js';
import type { PregnancyService } from '../services/pregnancy/PregnancyService.js';
import type { ReminderPlanner } from '../services/reminders/ReminderPlanner.js';
import type { Clock } from '../support/clock.js';
import { createLogger, type Logger } from '../support/logger.js';
import { buildChannels } from './buildChannels.js';
import { buildEngine } from './buildEngine.js';
import { buildHttp } from './buildHttp.js';
import { buildJobs } from './buildJobs.js';
import type { ResultService } from '../services/results/ResultService.js';
import { staffAuthLimit } from '../services/staffAuthLimit.js';
import { buildServices } from './buildServices.js';

export { loadDataFiles };

export interface AppOptions {
  config: Config;
  /** The clock; by default an adjustable one when the simulator is on, else the system clock. */
  clock?: Clock;
  logger?: Logger;
  /** A Wechaty puppet instance to use instead of the configured one (tests: PuppetMock). */
  wechatPuppet?: unknown;
  /** Apply migrations before opening the database (default true). */
  migrate?: boolean;
  /** Send due outbox messages in real time (default true; tests deliver through catchUp instead). */
  realTimeSending?: boolean;
  /** Channels started elsewhere (tests: a WeChat bot on the mock puppet) that the outbox may send through. */
  externalChannels?: Channel[];
  /** The data files of this configuration, already loaded and checked (tests that open many apps); loaded by default. */
  files?: DataFiles;
}

export interface App {
  config: Config;
  clock: Clock;
  logger: Logger;
  dbHandle: DbHandle;
  flowSet: FlowSet;
  county: County;
  /** The region profile whose rules apply in the county. */
  profile: Profile;
  engine: ConversationEngine;
  router: InboundRouter;
  simulator?: SimulatorChannel;
  wechat?: WechatChannel;
  scheduler: JobScheduler;
  dispatcher: OutboxDispatcher;
  booking: BookingService;
  pregnancy: PregnancyService;
  planner: ReminderPlanner;
  /** Screening results (none when the profile has no `results` section). */
  results?: ResultService;
  http: express.Express;
  /** Moves time from `from` to `to` (the simulator's clock): runs the jobs and sends the messages due meanwhile. */
  catchUp(from: Date, to: Date, progress?: (at: Date) => Promise<void>): Promise<void>;
  /** Starts channels, jobs and the HTTP server; resolves with the port listened on. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

export async function createApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const files = options.files ?? loadDataFiles(config);
  const services = await buildServices(config, files, { clock: options.clock, migrate: options.migrate });
  const { clock } = services;
  const { engine, router, countyVars } = buildEngine(files, services, {
    logger,
    idleMinutes: config.CONVERSATION_IDLE_MINUTES,
    // after 删除我的信息 the simulator forgets her transcript too
    onContactDeleted: (m) => {
      if (m.channel === 'simulator') simulator?.forget(m.externalId);
    },
  });
  const { channels, simulator, wechat, sms } = buildChannels(config, files, { clock, logger, countyVars, wechatPuppet: options.wechatPuppet });
  // failed staff authentications, counted in the database (shared by every process)
  const authLimit = staffAuthLimit(services.db, {
    failures: config.STAFF_AUTH_FAILURES,
    prefixFailures: config.STAFF_AUTH_PREFIX_FAILURES,
    windowMinutes: config.STAFF_AUTH_WINDOW_MINUTES,
    secret: config.ADMIN_TOKEN ?? '',
    logger,
  });
  const { dispatcher, scheduler, catchUp, resultPolls } = buildJobs(config, files, services, {
    // (SMS only with a gateway: without one it is not offered, and /readyz says so)
    senders: [...channels, ...(sms.offered ? [sms] : []), ...(options.externalChannels ?? [])],
    sms,
    logger,
    authLimit,
    forget: (channel, externalId) => (channel === 'simulator' ? simulator?.forget(externalId) : undefined),
  });
  let startup: 'catching_up' | 'running' = 'catching_up';
  let stopped = false;
  const app = buildHttp(
    config,
    files,
    services,
    { channels, simulator, wechat, sms, dispatcher, catchUp, authLimit, startup: () => startup, resultPolls },
    logger,
  );

  let server: http.Server | undefined;
  return {
    config,
    clock,
    logger,
    dbHandle: services.dbHandle,
    flowSet: files.flowSet,
    county: files.county,
    profile: files.profile,
    engine,
    router,
    simulator,
    wechat,
    scheduler,
    dispatcher,
    booking: services.booking,
    pregnancy: services.pregnancy,
    planner: services.planner,
    results: services.results,
    http: app,
    catchUp,
    async start() {
      // answering first (women's messages, /readyz saying "catching_up"), then the days missed while no
      // process ran (a long stop plans many evenings), then the jobs and sending in real time
      for (const c of channels) await c.start(router.handle);
      server = http.createServer(app);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.PORT, config.HOST, () => resolve());
      });
      await scheduler.catchUpMissed(clock.now());
      // (stopped by a signal while catching up: nothing more is started)
      if (stopped) return config.PORT;
      scheduler.start();
      // real-time sending; with the simulator's clock, time jumps deliver through catchUp
      if (options.realTimeSending !== false) dispatcher.start(clock);
      startup = 'running';
      const address = server.address();
      return typeof address === 'object' && address ? address.port : config.PORT;
    },
    async stop() {
      stopped = true;
      // stop taking work in, finish what is in flight (the WeChat channel sends its replies), then close
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
      await scheduler.stop();
      await dispatcher.stop();
      await Promise.all(channels.map((c) => c.stop()));
      await router.drain();
      await services.dbHandle.close();
    },
  };
}
