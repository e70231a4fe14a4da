// Every minute each process reports its WeChat account's login state (src/services/botAccounts): the
// console shows every account sharing the database, and one whose process stopped reporting as silent.
import type { Channel } from '../channels/channel.js';
import type { Db } from '../db/client.js';
import { reportBotAccount } from '../services/botAccounts/botAccountStatus.js';
import type { Logger } from '../support/logger.js';
import type { Job } from './JobScheduler.js';

export function botAccountJobs(o: { db: Db; wechat?: Channel; account: string; countyId: string; dailyCap: number }, logger: Logger): Job[] {
  const wechat = o.wechat;
  if (!wechat) return [];
  return [
    {
      // (named for its account: every process runs its own)
      name: `botAccounts.report:${o.account}`,
      schedule: { every: 'minutes', minutes: 1 },
      catchUp: 'latest',
      async run(now) {
        const status = wechat.status();
        await reportBotAccount(o.db, { account: o.account, countyId: o.countyId, dailyCap: o.dailyCap, status }, now);
        if (status.state === 'waiting_for_scan' || status.state === 'unavailable') {
          // (the state only: who to tell is the console's alert)
          logger.warn({ account: o.account, state: status.state }, 'bot account not online: women are not answered on it');
        }
      },
    },
  ];
}
