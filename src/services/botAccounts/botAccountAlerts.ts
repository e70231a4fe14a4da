// Tells a county's administrators by SMS when one of its bot accounts needs a person (logged out,
// unavailable, throttled by WeChat, or its process silent), once per alert episode: every minute the
// job botAccounts.alerts:<county> looks at the county's accounts; an alert with no open episode opens
// one (an audit row, botAccount.alert) and queues one SMS per administrator with a phone; an account
// fine again closes it (botAccount.recovered) and cancels what was not sent yet. The console's alert
// (GET /api/staff/bot-accounts) stands whatever happens here.
//
// Who is told: the county's enabled county administrators with a mobile number, their account's
// alertPhone or else ALERT_SMS_PHONES (user name:mobile). Nothing is queued without an SMS gateway
// with the botAccountAlert template. The SMS is the template, with the county, the account's name and
// a state word; the audit row holds ids and counts only, never a phone.
import type { Db } from '../../db/client.js';
import { runTransaction } from '../../db/transaction.js';
import { botAccountView } from '../../domain/botAccounts/botAccountView.js';
import { ALERT_STATE_WORDS, EPISODE_CLOSED, EPISODE_OPENED, episodeStep } from '../../domain/botAccounts/alertEpisode.js';
import { MAX_PARAM_LENGTH, SMS_ACCOUNT, smsText } from '../../domain/sms/smsMessage.js';
import { audit } from '../audit/audit.js';
import { cancelQueuedMessages, enqueueMessages } from '../outbox/enqueueMessage.js';
import { STAFF_NOTICE_PREFIX } from '../outbox/staffNotice.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';

export const BOT_ALERT_PREFIX = `${STAFF_NOTICE_PREFIX}bot:`;
const MOBILE = /^1\d{10}$/;

export interface BotAlertSettings {
  countyId: string;
  /** The county's name, as the SMS says it (项城市). */
  countyName: string;
  /** Unset: no SMS (no gateway, or no approved botAccountAlert template). */
  sms?: { phones: ReadonlyMap<string, string> };
}

export interface AlertPass {
  opened: string[];
  closed: string[];
  /** SMS queued. */
  queued: number;
}

const keyPrefix = (account: string) => `${BOT_ALERT_PREFIX}${encodeURIComponent(account)}:`;

/** One look at the county's accounts at `now`. */
export async function checkBotAccountAlerts(db: Db, s: BotAlertSettings, now: Date): Promise<AlertPass> {
  const pass: AlertPass = { opened: [], closed: [], queued: 0 };
  const rows = await db.sendAccount.findMany({ where: { countyId: s.countyId, loginState: { not: null } }, orderBy: { account: 'asc' } });
  for (const row of rows) {
    const { alert } = botAccountView(row, now);
    const last = await db.auditEntry.findFirst({
      where: { objectType: 'botAccount', objectId: row.account, action: { in: [EPISODE_OPENED, EPISODE_CLOSED] } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      select: { id: true, action: true },
    });
    const step = episodeStep(alert, last?.action);
    if (step === 'open' && alert) {
      const phones = s.sms ? await administratorPhones(db, s.countyId, s.sms.phones) : [];
      const text = phones.length
        ? smsText({
            template: 'botAccountAlert',
            params: { county: s.countyName, account: row.account.slice(0, MAX_PARAM_LENGTH), state: ALERT_STATE_WORDS[alert] },
          })
        : '';
      // (the episode is named by the mark before it: every process of the county names it alike, so an SMS is queued once)
      const episode = last?.id ?? 'first';
      const items: OutboxItem[] = phones.map((p) => ({
        contactId: null,
        channel: 'sms',
        externalId: p.phone,
        account: SMS_ACCOUNT,
        text,
        priority: 0,
        dedupeKey: `${keyPrefix(row.account)}${episode}:${p.staffId}`,
        notBefore: now,
      }));
      const queued = await runTransaction(db, async (tx) => {
        const n = await enqueueMessages(tx, items, now);
        await audit(
          tx,
          { by: 'system', action: EPISODE_OPENED, objectType: 'botAccount', objectId: row.account, countyId: s.countyId, detail: { alert, sms: n } },
          now,
        );
        return n;
      });
      pass.opened.push(row.account);
      pass.queued += queued;
    } else if (step === 'close') {
      await runTransaction(db, async (tx) => {
        const cancelled = await cancelQueuedMessages(tx, { dedupeKeyPrefix: keyPrefix(row.account) }, 'the bot account recovered before it was sent', now);
        await audit(
          tx,
          { by: 'system', action: EPISODE_CLOSED, objectType: 'botAccount', objectId: row.account, countyId: s.countyId, detail: { smsCancelled: cancelled } },
          now,
        );
      });
      pass.closed.push(row.account);
    }
  }
  return pass;
}

/** The county's enabled county administrators with a mobile number: their alertPhone, else the setting's. */
async function administratorPhones(db: Db, countyId: string, configured: ReadonlyMap<string, string>): Promise<{ staffId: string; phone: string }[]> {
  const admins = await db.staffAccount.findMany({
    where: { role: 'county', countyId, disabledAt: null },
    select: { id: true, username: true, alertPhone: true },
    orderBy: { username: 'asc' },
  });
  return admins.map((a) => ({ staffId: a.id, phone: a.alertPhone ?? configured.get(a.username) ?? '' })).filter((a) => MOBILE.test(a.phone));
}

/**
 * Just before an alert SMS goes out (quiet hours may have held it): cancelled when its account is
 * fine again. undefined: not a bot-account alert.
 */
export async function reviewBotAlert(db: Db, dedupeKey: string, now: Date): Promise<{ cancel?: string } | undefined> {
  if (!dedupeKey.startsWith(BOT_ALERT_PREFIX)) return undefined;
  const account = decodeURIComponent(dedupeKey.slice(BOT_ALERT_PREFIX.length).split(':')[0]);
  const row = await db.sendAccount.findUnique({ where: { account } });
  return row && botAccountView(row, now).alert ? {} : { cancel: 'the bot account recovered' };
}
