// The HTTP side: security headers, health, the simulator (when on), the staff API and the WeChat login
// page behind the staff guard (console sessions, or the emergency admin token), the console's pages,
// a JSON 404 for any other route, and one JSON error handler after every router.
import path from 'node:path';
import express from 'express';
import type { Channel } from '../channels/channel.js';
import type { SimulatorChannel } from '../channels/simulator/SimulatorChannel.js';
import { wechatLoginRouter } from '../channels/wechat/loginPage.js';
import type { WechatChannel } from '../channels/wechat/WechatChannel.js';
import type { Config } from '../config/config.js';
import type { DataFiles } from '../config/loadDataFiles.js';
import { healthRouter } from '../api/healthRouter.js';
import { jsonErrors, notFound, requestId } from '../api/jsonErrors.js';
import type { Logger } from '../support/logger.js';
import { simulatorRouter } from '../api/simulatorRouter.js';
import { attendanceRouter } from '../api/staff/attendanceRouter.js';
import { hospitalDayRouter } from '../api/staff/hospitalDayRouter.js';
import { womenRouter } from '../api/staff/womenRouter.js';
import { capacityRouter } from '../api/staff/capacityRouter.js';
import { capacityViewRouter } from '../api/staff/capacityViewRouter.js';
import { pregnancyRouter } from '../api/staff/pregnancyRouter.js';
import { reminderRouter } from '../api/staff/reminderRouter.js';
import { hospitalResultsRouter } from '../api/hospital/resultsRouter.js';
import { openApiRouter } from '../api/openapi.js';
import { staffResultsRouter } from '../api/staff/resultsRouter.js';
import { staffIndicatorsRouter } from '../api/staff/indicatorsRouter.js';
import { followUpRouter } from '../api/staff/followUpRouter.js';
import { botAccountRouter } from '../api/staff/botAccountRouter.js';
import { handoffRouter } from '../api/staff/handoffRouter.js';
import { handoffCounts } from '../services/handoff/escalateHandoffs.js';
import { LoginQrs } from '../services/botAccounts/loginQr.js';
import { resultUploadRouter } from '../api/staff/resultUploadRouter.js';
import { ResultUpload } from '../services/results/ResultUpload.js';
import { consoleRouter } from '../api/consoleStatic.js';
import { securityHeaders } from '../api/securityHeaders.js';
import { smsStatusRouter } from '../api/smsStatusRouter.js';
import type { SmsChannel } from '../channels/sms/SmsChannel.js';
import { mountStaffAccess } from './staffWiring.js';
import type { OutboxDispatcher } from '../services/outbox/OutboxDispatcher.js';
import { holdsRealContacts, saveSimulatorClock } from '../services/simulatorClockStore.js';
import { AdjustableClock } from '../support/clock.js';
import { missingYears, missingYearsWarning } from '../domain/workdays/workingDays.js';
import { heldCounts } from '../services/results/heldEscalation.js';
import type { Services } from './buildServices.js';
import type { PollHealth } from '../services/results/poll/pollHealth.js';
import type { StaffAuthLimit } from '../services/staffAuthLimit.js';

/** Where `npm run console:build` puts the console. */
export const CONSOLE_DIST = path.resolve('console', 'dist');

export interface HttpParts {
  channels: Channel[];
  simulator?: SimulatorChannel;
  wechat?: WechatChannel;
  sms?: SmsChannel;
  dispatcher: OutboxDispatcher;
  catchUp(from: Date, to: Date, progress?: (at: Date) => Promise<void>): Promise<void>;
  /** Failed staff authentications per address and token prefix. */
  authLimit?: StaffAuthLimit;
  /** Where start-up stands (/readyz). */
  startup?: () => 'catching_up' | 'running';
  /** Each result poll connector's health (/readyz); unset when no hospital is polled. */
  resultPolls?: () => Promise<PollHealth[]>;
}

export function buildHttp(config: Config, files: DataFiles, s: Services, p: HttpParts, logger: Logger): express.Express {
  const { county, profile, profiles, flowSet } = files;
  const { db, clock } = s;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  // behind a reverse proxy, the client's address (req.ip) from X-Forwarded-For, as far as TRUST_PROXY trusts it
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(requestId);
  app.use(
    healthRouter({
      db,
      provider: s.dbHandle.provider,
      flows: flowSet.flows.size,
      profiles: profiles.size,
      county: county.name,
      channels: p.channels,
      startup: p.startup,
      // held results and those escalated to the county (counts only); the years without a calendar
      results: s.results ? () => heldCounts(db) : undefined,
      workdays: s.holdDeadline
        ? () => {
            const years = [...files.workdays.years.keys()].sort();
            const warning = missingYearsWarning(missingYears(clock.now(), files.workdays));
            return { years, ...(warning ? { warning } : {}) };
          }
        : undefined,
      resultPolls: p.resultPolls,
      // women's requests for staff waiting, and those escalated (counts only)
      handoffs: s.handoffs ? () => handoffCounts(db) : undefined,
      // the SMS channel: offered or not, and why
      sms: p.sms ? () => ({ ...p.sms!.status(), offered: p.sms!.offered }) : undefined,
    }),
  );
  if (p.simulator && clock instanceof AdjustableClock) {
    app.use(
      simulatorRouter({
        channel: p.simulator,
        clock,
        catchUp: p.catchUp,
        saveClock: (now) => saveSimulatorClock(db, now),
        whileJumping: (fn) => p.dispatcher.whileHeld(fn),
        holdsRealContacts: () => holdsRealContacts(db),
        perMinute: { contact: config.SIMULATOR_MESSAGES_PER_MINUTE, address: config.SIMULATOR_ADDRESS_MESSAGES_PER_MINUTE },
      }),
    );
  }
  app.use(openApiRouter());
  // hospital systems: signed requests, each hospital its own key (before the staff token guard)
  app.use(hospitalResultsRouter({ db, box: s.box, results: s.results, clock }));
  // the SMS gateway's delivery reports (signed with the access key secret)
  app.use(smsStatusRouter({ db, clock, credentials: p.sms?.gateway?.settings.credentials }));
  // console sessions (or the emergency admin token) on every staff route; the login, accounts and audit
  const guard = mountStaffAccess(app, config, s, { authLimit: p.authLimit, countyId: county.id, logger });
  app.use(
    capacityRouter({
      db,
      capacity: s.capacity,
      county,
      profile,
      clock,
      onClosed: async (ids, now) => void (await s.booking.cancelForClosure(ids, now)),
      seatsAdded: async (hospitalId, serviceId, now) => void (await s.booking.offerFreeSeats({ hospitalId, serviceId, now })),
    }),
  );
  app.use(capacityViewRouter({ capacity: s.capacity, county, profile, clock }));
  app.use(attendanceRouter({ booking: s.booking, clock }));
  app.use(hospitalDayRouter({ db, clock }));
  const serviceNames = Object.fromEntries(Object.values(profile.programmes).flatMap((g) => g.screenings.map((x) => [x.id, x.name])));
  app.use(womenRouter({ db, identity: s.identity, clock, serviceNames: () => serviceNames }));
  app.use(pregnancyRouter({ pregnancy: s.pregnancy, clock }));
  app.use(reminderRouter({ planner: s.planner, clock }));
  app.use(staffResultsRouter({ results: s.results, clock }));
  app.use(staffIndicatorsRouter({ indicators: s.indicators }));
  app.use(followUpRouter({ followUp: s.followUp?.service, clock }));
  // (the login QR code of the account this process runs, if it runs one)
  const wechat = p.wechat;
  const local = wechat ? { account: config.BOT_ACCOUNT, countyId: county.id, status: () => wechat.status() } : undefined;
  app.use(botAccountRouter({ db, clock, loginQrs: new LoginQrs(db, local) }));
  app.use(handoffRouter({ handoffs: s.handoffs, clock }));
  // a results file exported from a hospital's system (read as profiles/imports/results.yaml says)
  const upload = s.results && files.resultImport ? new ResultUpload(s.results, files.resultImport, { idNumbers: !!s.identity, logger }) : undefined;
  app.use(resultUploadRouter({ upload, hospitals: county.hospitals.map((h) => h.id), clock }));
  // (whoever scans its QR code becomes the bot: staff only, asked for the token by the browser)
  app.use('/wechat', guard.sessions, guard.wechatPage);
  if (p.wechat) app.use(wechatLoginRouter(p.wechat));
  // the staff console's pages (built into console/dist)
  app.use(consoleRouter(CONSOLE_DIST));
  app.get('/', (_req, res) => (p.simulator ? res.redirect('/simulator') : res.redirect('/readyz')));
  app.use(notFound);
  app.use(jsonErrors(logger));
  return app;
}
