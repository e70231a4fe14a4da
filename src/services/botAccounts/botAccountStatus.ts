// Each bot process reports its WeChat account's login state every minute (the job botAccounts.report),
// so the console shows every account of every process sharing the database, and a process that stops
// reporting shows as silent. The state's `since` moves only when the state changes.
import type { Db } from '../../db/client.js';
import { ensureSendAccount } from '../outbox/sendAccounts.js';
import { administersCounty, type StaffScope } from '../../domain/staff/staffScope.js';
import { botAccountView, type BotAccountView } from '../../domain/botAccounts/botAccountView.js';

export interface BotAccountReport {
  account: string;
  countyId: string;
  dailyCap: number;
  /** The channel's state (starting, waiting_for_scan, online, unavailable, off) and its words for staff. */
  status: { state: string; detail?: string };
}

export async function reportBotAccount(db: Db, r: BotAccountReport, now: Date): Promise<void> {
  await ensureSendAccount(db, r.account);
  const before = await db.sendAccount.findUnique({ where: { account: r.account }, select: { loginState: true, loginStateAt: true } });
  const changed = before?.loginState !== r.status.state || !before?.loginStateAt;
  await db.sendAccount.update({
    where: { account: r.account },
    data: {
      countyId: r.countyId,
      dailyCap: r.dailyCap,
      loginState: r.status.state,
      // (the channel's words for staff: who is logged in, or why not; never a QR code)
      loginDetail: r.status.detail ?? null,
      ...(changed ? { loginStateAt: now } : {}),
      seenAt: now,
    },
  });
}

/** The bot accounts a county or city administrator sees (others see none: 403 at the API). */
export async function listBotAccounts(db: Db, scope: StaffScope, now: Date): Promise<BotAccountView[]> {
  const rows = await db.sendAccount.findMany({ where: { loginState: { not: null } }, orderBy: { account: 'asc' } });
  return rows.filter((r) => r.countyId !== null && administersCounty(scope, r.countyId)).map((r) => botAccountView(r, now));
}
