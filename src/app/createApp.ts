// Builds the whole service from its configuration: data files, database, engine, channels, jobs
// and HTTP. main.ts starts it for real; tests build it with their own database, clock and puppet.
import path from 'node:path';
import http from 'node:http';
import express from 'express';
import type { Config } from '../config/config.js';
import { AdjustableClock, systemClock, type Clock } from './clock.js';
import { createLogger, type Logger } from './logger.js';
import { openDb, type Db, type DbHandle } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { loadProfiles, loadCounties } from '../profiles/loadProfiles.js';
import { createProgrammePort } from '../profiles/profileProgrammes.js';
import { loadFlows, type FlowSet } from '../flows/loadFlows.js';
import { createActions } from '../flows/actions.js';
import { ALL_ACTION_OUTCOMES, ALL_CHOICE_SOURCES } from '../flows/registry.js';
import { ConversationEngine } from '../flows/engine.js';
import { renderTemplate, type TemplateVars } from '../domain/template.js';
import { ContactService } from '../services/contactService.js';
import { MyDataService } from '../services/myDataService.js';
import { ConversationStore } from '../services/conversationStore.js';
import { seedCounty } from '../services/countySeeder.js';
import { InboundRouter } from '../channels/inboundRouter.js';
import type { Channel } from '../channels/channel.js';
import { SimulatorChannel } from '../channels/simulator/SimulatorChannel.js';
import { WechatChannel } from '../channels/wechat/WechatChannel.js';
import { wechatLoginRouter } from '../channels/wechat/loginPage.js';
import { JobScheduler } from '../jobs/JobScheduler.js';
import { idleConversationJob } from '../jobs/idleConversationJob.js';
import { healthRouter } from '../api/healthRouter.js';
import { simulatorRouter } from '../api/simulatorRouter.js';
import type { County } from '../profiles/countySchema.js';
import { DataFileError, displayPath } from './readYaml.js';
import os from 'node:os';
import { CapacityService } from '../services/capacity/CapacityService.js';
import { BookingService } from '../services/booking/BookingService.js';
import { OutboxDispatcher } from '../services/outbox/OutboxDispatcher.js';
import { bookingJobs } from '../jobs/bookingJobs.js';
import { attendanceRouter } from '../api/staff/attendanceRouter.js';
import { BookingTexts } from '../flows/booking/bookingTexts.js';
import { createBookingFlow } from '../flows/booking/bookingActions.js';
import { servicesBookingPort } from '../flows/booking/servicesBookingPort.js';
import { requireAdminToken } from '../api/staff/requireAdminToken.js';
import { capacityRouter } from '../api/staff/capacityRouter.js';
import { pregnancyRouter } from '../api/staff/pregnancyRouter.js';
import { reminderJobs } from '../jobs/reminderJobs.js';
import { createReminders } from './reminderWiring.js';
import { closeOverduePregnancies } from '../services/pregnancy/closeOverduePregnancies.js';
import type { PregnancyService } from '../services/pregnancy/PregnancyService.js';
import { createPregnancyFlow } from '../flows/pregnancy/pregnancyActions.js';
import { PregnancyTexts } from '../flows/pregnancy/pregnancyTexts.js';
import { servicesPregnancyPort } from '../flows/pregnancy/servicesPregnancyPort.js';
import type { ReminderPlanner } from '../services/reminders/ReminderPlanner.js';

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
}

export interface App {
  config: Config;
  clock: Clock;
  logger: Logger;
  dbHandle: DbHandle;
  flowSet: FlowSet;
  county: County;
  engine: ConversationEngine;
  router: InboundRouter;
  simulator?: SimulatorChannel;
  wechat?: WechatChannel;
  scheduler: JobScheduler;
  dispatcher: OutboxDispatcher;
  booking: BookingService;
  pregnancy: PregnancyService;
  planner: ReminderPlanner;
  http: express.Express;
  /** Moves time from `from` to `to` (the simulator's clock): runs the jobs and sends the messages due meanwhile. */
  catchUp(from: Date, to: Date): Promise<void>;
  /** Starts channels, jobs and the HTTP server; resolves with the port listened on. */
  start(): Promise<number>;
  stop(): Promise<void>;
}

/** Loads and checks flows, profiles and the county; throws DataFileError naming the bad file. */
export function loadDataFiles(config: Config) {
  const profiles = loadProfiles(path.resolve(config.PROFILES_DIR));
  const counties = loadCounties(path.resolve(config.PROFILES_DIR, 'counties'), profiles);
  const county = counties.get(config.COUNTY_ID);
  if (!county) throw new Error(`COUNTY_ID "${config.COUNTY_ID}" is not one of the county files (${[...counties.keys()].join(', ')})`);
  const profile = profiles.get(county.profile)!;
  const flowSet = loadFlows(path.resolve(config.FLOWS_DIR), ALL_ACTION_OUTCOMES, ALL_CHOICE_SOURCES);
  // 我的信息 names every fact she can be asked about
  const labels = flowSet.messages.myData.factLabels;
  for (const programme of Object.values(profile.programmes)) {
    for (const fact of Object.keys(programme.questions)) {
      if (!labels[fact]) {
        throw new DataFileError(
          displayPath(path.resolve(config.FLOWS_DIR, 'messages.yaml')),
          'myData.factLabels',
          `no label for the fact "${fact}" that profile "${profile.id}" asks about`,
        );
      }
    }
  }
  return { profiles, county, profile, flowSet };
}

/**
 * The simulator's clock: starts at CLOCK_START, or where the simulator last moved it (so a restart
 * of the demo never sends time backwards), or now.
 */
async function simulatorClock(db: Db, config: Config): Promise<AdjustableClock> {
  const saved = await db.simulatorClock.findUnique({ where: { id: 1 } });
  const candidates = [config.CLOCK_START ? new Date(config.CLOCK_START) : undefined, saved?.now, new Date()].filter((d): d is Date => !!d);
  const start = config.CLOCK_START ? new Date(config.CLOCK_START) : new Date(Math.max(...candidates.map((d) => d.getTime())));
  return new AdjustableClock(start);
}

async function saveSimulatorClock(db: Db, now: Date): Promise<void> {
  await db.simulatorClock.upsert({ where: { id: 1 }, create: { id: 1, now }, update: { now } });
}

/** Any error left to express (e.g. a body that is not JSON) answers JSON, never a stack trace. */
const jsonErrors: express.ErrorRequestHandler = (err: { status?: number; type?: string; message?: string }, _req, res, next) => {
  if (res.headersSent) return next(err);
  const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 400 && err.type === 'entity.parse.failed') {
    res.status(400).json({ error: 'invalid_request', field: '(body)', message: '(body): not valid JSON' });
    return;
  }
  res.status(status).json({ error: status === 500 ? 'internal_error' : 'invalid_request', field: '(body)', message: status === 500 ? 'internal error' : String(err.message) });
};

/** In a clock jump, what fell due is sent before a job runs unless the last such send is this recent. */
const SEND_BEFORE_JOBS_GAP_MS = 30 * 60_000;

export async function createApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const { profiles, county, profile, flowSet } = loadDataFiles(config);

  if (options.migrate !== false) await migrateDatabase(config.DATABASE_URL);
  const dbHandle = openDb(config.DATABASE_URL);
  const db = dbHandle.db;
  await seedCounty(db, county);
  const clock = options.clock ?? (config.SIMULATOR_ENABLED ? await simulatorClock(db, config) : systemClock);
  const capacity = new CapacityService({ db, provider: dbHandle.provider });
  await capacity.seedFromCounty(county, clock.now());

  const countyVars: TemplateVars = {
    countyName: county.name,
    operator: county.operator.name,
    servicePhone: county.servicePhone,
    serviceHours: county.serviceHours ?? '',
    retention: county.dataRetention,
  };
  const programmes = createProgrammePort(profile, county, () => flowSet.messages);
  const contacts = new ContactService(db, config.BOT_ACCOUNT);
  // (booking is created below; deleting her data releases her seats in the same transaction)
  const myData = new MyDataService(db, (tx, contactId, now) => booking.releaseAllFor(tx, contactId, now).then(() => undefined));
  const bookingTexts = new BookingTexts(() => flowSet.messages, county, profile);
  const reminders = createReminders(db, profile, bookingTexts);
  const store = new ConversationStore(db, reminders.turnSaved);
  const booking = new BookingService({
    db,
    provider: dbHandle.provider,
    settings: profile.booking,
    quietHours: { quietStartHour: profile.messaging.quietStartHour, quietEndHour: profile.messaging.quietEndHour },
    serviceName: (id) => bookingTexts.service(id).name,
    serviceRank: (id) => bookingTexts.rank(id),
    texts: () => ({
      waitlistOffer: flowSet.messages.booking.noticeWaitlistOffer,
      offerExpired: flowSet.messages.booking.noticeOfferExpired,
      noShow: flowSet.messages.booking.noticeNoShow,
      closed: flowSet.messages.booking.noticeClosed,
      sessions: flowSet.messages.booking.sessions,
      weekdays: flowSet.messages.booking.weekdays,
      listSeparator: flowSet.messages.booking.listSeparator,
    }),
    bookingsChanged: reminders.bookingsChanged,
  });
  const pregnancy = reminders.pregnancyService(booking);
  const bookingPort = servicesBookingPort(db, booking, capacity, profile.booking);
  const bookingFlow = createBookingFlow({
    port: bookingPort,
    texts: bookingTexts,
    profile,
    lastCheck: async (contactId, programme) =>
      (await db.eligibilityCheck.findFirst({ where: { contactId, programme }, orderBy: { checkedAt: 'desc' }, select: { eligible: true, checkedAt: true } })) ?? undefined,
  });
  const pregnancyPort = servicesPregnancyPort({
    pregnancy,
    settings: { askCycleLength: profile.reminders.askCycleLength, reminderTime: reminders.config.time, newborn: reminders.config.newborn },
  });
  const pregnancyTexts = new PregnancyTexts(() => flowSet.messages);
  const pregnancyFlow = createPregnancyFlow({ port: pregnancyPort, texts: pregnancyTexts });
  const actions = new Map([
    ...createActions({
      countyId: county.id,
      myData,
      programmes,
      messages: () => flowSet.messages,
      // her bookings and pregnancies are part of what is stored about her
      extraLines: async (contactId) => [
        ...bookingTexts.visits(await bookingPort.active(contactId)).map((v) => bookingTexts.line(v)),
        ...pregnancyTexts.myData(
          await Promise.all((await pregnancyPort.all(contactId)).map(async (p) => ({ pregnancy: p, screenings: await pregnancyPort.screenings(p, clock.now()) }))),
        ),
      ],
    }),
    ...bookingFlow.actions,
    ...pregnancyFlow.actions,
  ]);
  const engine = new ConversationEngine({
    flowSet,
    programmes,
    actions,
    choiceSources: new Map([...bookingFlow.sources, ...pregnancyFlow.sources]),
    contacts,
    store,
    clock,
    logger,
    countyVars,
    idleMinutes: config.CONVERSATION_IDLE_MINUTES,
    // after 删除我的信息 the simulator forgets her transcript too
    onContactDeleted: (m) => {
      if (m.channel === 'simulator') simulator?.forget(m.externalId);
    },
    // a registered pregnancy answers "are you pregnant now?" until the birth or a loss
    knownFacts: async (contactId) => ((await pregnancy.active(contactId)) ? { pregnant: true } : {}),
  });
  const router = new InboundRouter((m) => engine.handle(m), logger, () => renderTemplate(flowSet.messages.systemError, countyVars));

  const channels: Channel[] = [];
  let simulator: SimulatorChannel | undefined;
  if (config.SIMULATOR_ENABLED) channels.push((simulator = new SimulatorChannel(clock)));
  let wechat: WechatChannel | undefined;
  if (config.WECHAT_ENABLED || options.wechatPuppet) {
    wechat = new WechatChannel({
      puppet: options.wechatPuppet as never,
      puppetName: config.WECHATY_PUPPET,
      puppetToken: config.WECHATY_PUPPET_SERVICE_TOKEN,
      botName: config.WECHAT_BOT_NAME,
      // the login session (lets a restart skip the QR scan) lives with the other data
      sessionName: path.resolve('data', `wechat-${config.WECHAT_BOT_NAME}`),
      idStrategy: config.WECHAT_ID_STRATEGY ?? (options.wechatPuppet ? 'id' : config.WECHATY_PUPPET === 'wechaty-puppet-wechat4u' ? 'alias' : 'id'),
      logger,
      groupMentionReply: renderTemplate(flowSet.messages.groupMention, countyVars),
      textOnlyReply: renderTemplate(flowSet.messages.textOnly, countyVars),
      errorReply: renderTemplate(flowSet.messages.systemError, countyVars),
      minSendIntervalMs: config.WECHAT_SEND_INTERVAL_MS,
      stopDrainTimeoutMs: 8_000,
    });
    channels.push(wechat);
  }

  const senders = new Map<string, Channel>();
  for (const c of [...channels, ...(options.externalChannels ?? [])]) senders.set(c.name, c);
  const dispatcher = new OutboxDispatcher({
    db,
    provider: dbHandle.provider,
    channels: senders,
    logger,
    // a timed reminder whose cause changed while it waited, or whose day is over, is cancelled, not sent
    staleReason: (m, now) => reminders.planner.staleReason(m, now),
    processId: config.PROCESS_ID ?? `${os.hostname()}:${process.pid}`,
    accounts: [config.BOT_ACCOUNT],
    settings: {
      minIntervalMs: config.OUTBOX_MIN_INTERVAL_SECONDS * 1000,
      maxJitterMs: config.OUTBOX_MAX_JITTER_SECONDS * 1000,
      dailyCap: config.OUTBOX_DAILY_CAP,
      quietStartHour: profile.messaging.quietStartHour,
      quietEndHour: profile.messaging.quietEndHour,
      claimTtlMs: 5 * 60_000,
      backoffBaseMs: 60_000,
      maxBackoffMs: 60 * 60_000,
      throttleBackoffMs: config.OUTBOX_THROTTLE_BACKOFF_HOURS * 3600_000,
    },
  });

  const scheduler = new JobScheduler(
    db,
    [
      idleConversationJob(store, config.CONVERSATION_IDLE_MINUTES, logger),
      ...bookingJobs(booking, capacity, logger),
      ...reminderJobs(reminders.planner, (day) => closeOverduePregnancies(db, day, profile.reminders.afterDueDate.closeAfterDays), logger),
    ],
    clock,
    logger,
  );
  // the dispatcher is not a scheduler job: it sends in real time (start) and, after a clock jump,
  // everything due meanwhile at its paced simulated times (catchUp), in time order with the jobs:
  // what fell due before a job's run is sent before it runs, as it would have been in real time
  const catchUp = async (from: Date, to: Date) => {
    let sentUntil = from;
    await scheduler.catchUp(from, to, async (at) => {
      // jobs close together (the evening's 19:50, 19:55 and 20:00) share one send-up-to
      if (at.getTime() - sentUntil.getTime() < SEND_BEFORE_JOBS_GAP_MS) return;
      try {
        await dispatcher.catchUp(sentUntil, at);
      } catch (err) {
        // a failed pass must not stop the jump: the jobs still run, what was not sent waits
        logger.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'outbox catch-up failed');
      }
      sentUntil = at;
    });
    await dispatcher.catchUp(sentUntil, to);
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter({ db, provider: dbHandle.provider, flows: flowSet.flows.size, profiles: profiles.size, county: county.name, channels }));
  if (simulator && clock instanceof AdjustableClock) {
    app.use(simulatorRouter(simulator, clock, catchUp, (now) => saveSimulatorClock(db, now), (fn) => dispatcher.whileHeld(fn)));
  }
  app.use('/api/staff', requireAdminToken(config.ADMIN_TOKEN));
  app.use(
    capacityRouter({ db, capacity, county, profile, clock, onClosed: async (ids, now) => void (await booking.cancelForClosure(ids, now)) }),
  );
  app.use(attendanceRouter({ booking, clock }));
  app.use(pregnancyRouter({ pregnancy, clock }));
  app.use(jsonErrors);
  if (wechat) app.use(wechatLoginRouter(wechat));
  app.get('/', (_req, res) => (simulator ? res.redirect('/simulator') : res.redirect('/readyz')));

  let server: http.Server | undefined;
  return {
    config,
    clock,
    logger,
    dbHandle,
    flowSet,
    county,
    engine,
    router,
    simulator,
    wechat,
    scheduler,
    dispatcher,
    booking,
    pregnancy,
    planner: reminders.planner,
    http: app,
    catchUp,
    async start() {
      await scheduler.catchUpMissed(clock.now());
      for (const c of channels) await c.start(router.handle);
      scheduler.start();
      // real-time sending; with the simulator's clock, time jumps deliver through catchUp
      if (options.realTimeSending !== false) dispatcher.start(clock);
      server = http.createServer(app);
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(config.PORT, config.HOST, () => resolve());
      });
      const address = server.address();
      return typeof address === 'object' && address ? address.port : config.PORT;
    },
    async stop() {
      // stop taking work in, finish what is in flight (the WeChat channel sends its replies), then close
      if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
      server = undefined;
      await scheduler.stop();
      await dispatcher.stop();
      await Promise.all(channels.map((c) => c.stop()));
      await router.drain();
      await dbHandle.close();
    },
  };
}
