// Pacing of one bot account, shared by every process through its SendAccount row. The permission to
// send is taken by ONE conditional write, so two processes can never both take it.
//
// Columns: lastSentAt = when the last send was permitted; backoffUntil = nothing is sent before it
// (set to lastSentAt + minInterval + jitter by every send, or further by a throttle); day/sentToday =
// the Asia/Shanghai day and how many sends it has had.
import { shanghaiDay, shanghaiTime } from '../../domain/calendarDay.js';
import type { Db } from '../../db/client.js';
import type { OutboxSettings } from './outboxSettings.js';
import { outsideQuietHours } from './quietHours.js';
import { addDays } from '../../domain/calendarDay.js';

export interface AccountState {
  account: string;
  lastSentAt: Date | null;
  day: string;
  sentToday: number;
  backoffUntil: Date | null;
}

type Pacing = Pick<OutboxSettings, 'minIntervalMs' | 'dailyCap' | 'quietStartHour' | 'quietEndHour'>;

/** Creates the account's row if it does not exist yet (never changes an existing one). */
export async function ensureSendAccount(db: Db, account: string): Promise<void> {
  await db.$executeRaw`INSERT INTO "SendAccount" ("account", "day", "sentToday") VALUES (${account}, '', 0) ON CONFLICT ("account") DO NOTHING`;
}

export async function readSendAccounts(db: Db, accounts: string[]): Promise<Map<string, AccountState>> {
  if (accounts.length === 0) return new Map();
  const rows = await db.sendAccount.findMany({ where: { account: { in: accounts } } });
  return new Map(rows.map((r) => [r.account, r]));
}

/**
 * The earliest instant >= `from` at which the account may send, by its row (pacing, back-off, daily
 * cap) and the quiet hours. A missing row means a fresh account.
 */
export function accountReadyAt(state: AccountState | undefined, from: Date, s: Pacing): Date {
  let t = from.getTime();
  if (state?.lastSentAt) t = Math.max(t, state.lastSentAt.getTime() + s.minIntervalMs);
  if (state?.backoffUntil) t = Math.max(t, state.backoffUntil.getTime());
  let at = new Date(t);
  // the daily cap counts the Shanghai day of `at`; once it is full, the next day starts at its midnight
  if (state && state.day === shanghaiDay(at) && state.sentToday >= s.dailyCap) at = shanghaiTime(addDays(state.day, 1), 0);
  return outsideQuietHours(at, s);
}

/**
 * Takes the permission for one send of `account` at `now`: one conditional UPDATE that succeeds only
 * when the interval has passed, no back-off is running and today's cap is not reached. On success the
 * next send waits minIntervalMs + jitterMs. Returns whether the permission was granted.
 */
export async function takeSendPermission(db: Db, account: string, now: Date, jitterMs: number, s: Pacing): Promise<boolean> {
  const day = shanghaiDay(now);
  const latestPrevious = new Date(now.getTime() - s.minIntervalMs);
  const nextAt = new Date(now.getTime() + s.minIntervalMs + Math.max(0, Math.round(jitterMs)));
  const changed = await db.$executeRaw`
    UPDATE "SendAccount"
    SET "lastSentAt" = ${now},
        "backoffUntil" = ${nextAt},
        "sentToday" = CASE WHEN "day" = ${day} THEN "sentToday" + 1 ELSE 1 END,
        "day" = ${day}
    WHERE "account" = ${account}
      AND ("lastSentAt" IS NULL OR "lastSentAt" <= ${latestPrevious})
      AND ("backoffUntil" IS NULL OR "backoffUntil" <= ${now})
      AND ("day" <> ${day} OR "sentToday" < ${s.dailyCap})`;
  return changed === 1;
}

/**
 * WeChat said the account sends too often: nothing more from it until `until`. The send that was refused
 * is given back to today's count (it did not go out).
 */
export async function throttleSendAccount(db: Db, account: string, now: Date, until: Date): Promise<void> {
  const day = shanghaiDay(now);
  await db.$executeRaw`
    UPDATE "SendAccount"
    SET "backoffUntil" = CASE WHEN "backoffUntil" IS NOT NULL AND "backoffUntil" > ${until} THEN "backoffUntil" ELSE ${until} END,
        "throttledUntil" = ${until},
        "sentToday" = CASE WHEN "day" = ${day} AND "sentToday" > 0 THEN "sentToday" - 1 ELSE "sentToday" END
    WHERE "account" = ${account}`;
}
