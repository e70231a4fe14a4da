// An alert episode of a bot account: from the moment it needs a person (logged out, unavailable,
// throttled, silent) until it is fine again. The administrators are told once per episode, not every
// minute; a change of kind within an episode (logged out, then unavailable) is the same episode. Pure.
import type { BotAccountAlert } from './botAccountView.js';

/** The audit actions marking an episode's start and end (objectType botAccount, objectId the account). */
export const EPISODE_OPENED = 'botAccount.alert';
export const EPISODE_CLOSED = 'botAccount.recovered';

/** What to do now, given the account's alert and the last mark written for it. */
export function episodeStep(alert: BotAccountAlert | null, lastMark: string | undefined): 'open' | 'close' | 'none' {
  const open = lastMark === EPISODE_OPENED;
  if (alert && !open) return 'open';
  if (!alert && open) return 'close';
  return 'none';
}

/** The words the SMS template's ${state} takes (the template says the rest; no detail of any woman). */
export const ALERT_STATE_WORDS: Record<BotAccountAlert, string> = {
  logged_out: '已退出登录',
  unavailable: '无法使用',
  throttled: '被微信限制发送',
  silent: '已停止运行',
};
