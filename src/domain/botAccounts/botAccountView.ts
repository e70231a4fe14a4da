// What staff see of a bot account (the console's bot-account page): its login state, today's sends
// and what is left of its daily cap, and the alert that needs a person now. Women must never go
// unanswered with no one told: a logged-out, unavailable or throttled account, or a process that
// stopped reporting, is an alert. Pure: `now` is passed in.
import { shanghaiDay } from '../calendarDay.js';

/** A bot account's row as stored (SendAccount). */
export interface BotAccountRow {
  account: string;
  countyId: string | null;
  day: string;
  sentToday: number;
  dailyCap: number | null;
  lastSentAt: Date | null;
  throttledUntil: Date | null;
  loginState: string | null;
  loginDetail: string | null;
  loginStateAt: Date | null;
  seenAt: Date | null;
}

/** logged_out: waiting for a new scan; unavailable: the puppet failed; throttled: WeChat said it sends too often; silent: its process stopped reporting. */
export type BotAccountAlert = 'logged_out' | 'unavailable' | 'throttled' | 'silent';

export interface BotAccountView {
  account: string;
  countyId: string | null;
  /** The channel's state as last reported; 'silent' when its process stopped reporting. */
  state: string;
  detail: string | null;
  since: string | null;
  sentToday: number;
  dailyCap: number | null;
  /** Sends left today under the cap (null: the cap is not known). */
  left: number | null;
  lastSentAt: string | null;
  throttledUntil: string | null;
  seenAt: string | null;
  alert: BotAccountAlert | null;
}

/** A process reports every minute: after this long without a report it is taken as down. */
export const SILENT_AFTER_MS = 3 * 60_000;

export function botAccountView(r: BotAccountRow, now: Date): BotAccountView {
  const today = r.day === shanghaiDay(now) ? r.sentToday : 0;
  const silent = !r.seenAt || now.getTime() - r.seenAt.getTime() > SILENT_AFTER_MS;
  const throttled = !!r.throttledUntil && r.throttledUntil > now;
  const alert: BotAccountAlert | null = silent
    ? 'silent'
    : r.loginState === 'waiting_for_scan'
      ? 'logged_out'
      : r.loginState === 'unavailable'
        ? 'unavailable'
        : throttled
          ? 'throttled'
          : null;
  return {
    account: r.account,
    countyId: r.countyId,
    state: silent ? 'silent' : (r.loginState ?? 'unknown'),
    detail: r.loginDetail,
    since: r.loginStateAt?.toISOString() ?? null,
    sentToday: today,
    dailyCap: r.dailyCap,
    left: r.dailyCap === null ? null : Math.max(0, r.dailyCap - today),
    lastSentAt: r.lastSentAt?.toISOString() ?? null,
    throttledUntil: throttled ? r.throttledUntil!.toISOString() : null,
    seenAt: r.seenAt?.toISOString() ?? null,
    alert,
  };
}
