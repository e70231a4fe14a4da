// Every minute each process reports its WeChat account's login state (src/services/botAccounts): the
// console shows every account sharing the database, and one whose process stopped reporting as silent.
// And every minute every process looks at its county's accounts and tells the administrators by SMS
// once per alert episode (botAccountAlerts.ts; processes of one county queue each SMS once).
import type { Channel } from '../channels/channel.js';
import type { Db } from '../db/client.js';
import { checkBotAccountAlerts, type BotAlertSettings } from '../services/botAccounts/botAccountAlerts.js';
import { reportBotAccount } from '../services/botAccounts/botAccountStatus.js';
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';

export function botAccountJobs(
  o: { db: Db; wechat?: Channel; account: string; countyId: string; dailyCap: number; alerts?: BotAlertSettings },
  logger: Logger,
): Job[] {
  const { wechat, alerts } = o;
  const jobs: Job[] = [];
  if (wechat) {
    jobs.push({
      // (named for its account: every process runs its own)
      name: `botAccounts.report:${o.account}`,
      schedule: { every: 'minutes', minutes: 1 },
      catchUp: 'latest',
      async run(now) {
        const status = wechat.status();
        await reportBotAccount(o.db, { account: o.account, countyId: o.countyId, dailyCap: o.dailyCap, status }, now);
        if (status.state === 'waiting_for_scan' || status.state === 'unavailable') {
          // (the state only: who to tell is the console's alert, and the SMS of botAccounts.alerts)
          logger.warn({ account: o.account, state: status.state }, 'bot account not online: women are not answered on it');
        }
      },
    });
  }
  if (alerts) {
    jobs.push({
      name: `botAccounts.alerts:${alerts.countyId}`,
      schedule: { every: 'minutes', minutes: 1 },
      catchUp: 'latest',
      async run(now) {
        const pass = await checkBotAccountAlerts(o.db, alerts, now);
        if (pass.opened.length > 0) logger.warn({ accounts: pass.opened, sms: pass.queued }, 'bot account alert: administrators told');
        if (pass.closed.length > 0) logger.info({ accounts: pass.closed }, 'bot account alert over');
      },
    });
  }
  return jobs;
}
