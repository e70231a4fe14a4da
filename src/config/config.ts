// The one config loader: every setting comes from the environment (see .env.example), validated
// with zod; a bad value stops start-up naming the variable.
import crypto from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_DATABASE_URL, providerOf } from '../db/databaseUrl.js';
import { parseDataKeys } from '../support/secretBox.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const pairs = (name: string, value: RegExp, message: string) =>
  z
    .string()
    .transform((v, ctx) => {
      const out = new Map<string, string>();
      for (const part of v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const i = part.indexOf(':');
        const [key, val] = [part.slice(0, i).trim(), part.slice(i + 1).trim()];
        if (i < 1 || !value.test(val)) ctx.addIssue({ code: 'custom', message: `"${i < 1 ? part : key}": ${message}` });
        else out.set(key, val);
      }
      return out;
    })
    .describe(name);
const smsTemplates = pairs('SMS_TEMPLATES', /^[\w.-]{1,64}$/, 'give name:templateCode');
const alertPhones = pairs('ALERT_SMS_PHONES', /^1\d{10}$/, 'give username:mobile (11 digits, starting with 1)');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((u) => {
      try {
        providerOf(u);
        return true;
      } catch {
        return false;
      }
    }, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)'),
  COUNTY_ID: z.string().default('xiangcheng'),
  FLOWS_DIR: z.string().default('flows'),
  PROFILES_DIR: z.string().default('profiles'),
  // the web simulator, a demo tool: anyone who reaches the port can write as any woman and move the clock.
  // Off unless asked for (`npm run demo` turns it on); never with NODE_ENV=production
  SIMULATOR_ENABLED: bool.default('false'),
  NODE_ENV: z.string().optional(),
  WECHAT_ENABLED: bool.default('true'),
  WECHATY_PUPPET: z.string().default('wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
  WECHAT_BOT_NAME: z.string().default('screening-assistant'),
  WECHAT_ID_STRATEGY: z.enum(['alias', 'id']).optional(),
  // pause between two WeChat sends of the account (jitter adds up to half of it): WeChat bans fast senders
  WECHAT_SEND_INTERVAL_MS: z.coerce.number().int().min(0).default(1500),
  CONVERSATION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // the outbox (every proactive message): pacing per bot account, shared by all processes
  OUTBOX_MIN_INTERVAL_SECONDS: z.coerce.number().min(0).default(8),
  OUTBOX_MAX_JITTER_SECONDS: z.coerce.number().min(0).default(7),
  OUTBOX_DAILY_CAP: z.coerce.number().int().positive().default(500),
  OUTBOX_THROTTLE_BACKOFF_HOURS: z.coerce.number().positive().default(6),
  // the WeChat account this process sends for (messages are queued for it); one per bot process
  BOT_ACCOUNT: z.string().min(1).default('default'),
  // names this process in outbox claims (default: hostname:pid)
  PROCESS_ID: z.string().optional(),
  // the staff API (capacity, closures, reservations, attendance) answers only with this bearer token;
  // unset: the staff API is off
  ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  // failed staff authentications (a wrong token): after this many from one address (or this many with
  // one token prefix, from anywhere) within the window, staff requests from there are refused (429)
  // until the window passes; counted in the database, so every process sees the same counts
  STAFF_AUTH_FAILURES: z.coerce.number().int().positive().default(10),
  STAFF_AUTH_PREFIX_FAILURES: z.coerce.number().int().positive().default(50),
  STAFF_AUTH_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  // the staff console: the key signing its session cookies (at least 32 characters; several, comma-
  // separated: the first signs, all are accepted, so a new one can be put first). Required with
  // NODE_ENV=production; elsewhere (the demo, tests) a random one is made at start (sessions then end
  // at a restart and are not shared by other processes)
  SESSION_SECRET: z
    .string()
    .refine((v) => v.split(',').every((k) => k.trim().length >= 32), 'each key at least 32 characters (openssl rand -base64 32)')
    .optional(),
  // a console session ends after this many minutes without a request, and in any case this many hours after the login
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  // console logins: failed attempts per account (by its user name) and per address within the window
  // (minutes) before further attempts get 429 until the window passes (counted in the database);
  // after this many failed logins in a row the account is locked until an administrator lifts it
  STAFF_LOGIN_ACCOUNT_FAILURES: z.coerce.number().int().positive().default(5),
  STAFF_LOGIN_ADDRESS_FAILURES: z.coerce.number().int().positive().default(30),
  STAFF_LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  STAFF_LOCK_AFTER_FAILURES: z.coerce.number().int().positive().default(10),
  // behind a reverse proxy: which proxies to trust for the client's address (X-Forwarded-For): false
  // (none, the default), a number of hops, or addresses / subnets / loopback, comma-separated
  TRUST_PROXY: z
    .string()
    .default('false')
    // ("true" would believe any X-Forwarded-For, from anyone: a guesser could pick the address counted)
    .refine(
      (v) => v !== 'true' && !v.split(',').some((x) => ['0.0.0.0/0', '::/0'].includes(x.trim())),
      "true (or 0.0.0.0/0, ::/0) trusts every client to say its own address: give the number of proxy hops (1) or the proxies' addresses",
    )
    .transform((v): false | number | string => (v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
  // the simulator (demo): messages one contact may send per minute, and one address
  SIMULATOR_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  SIMULATOR_ADDRESS_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(300),
  // the simulator keeps the transcripts of at most this many contacts in memory (the least recent go)
  SIMULATOR_TRANSCRIPTS: z.coerce.number().int().positive().default(500),
  // a contact that never consented and has been silent this long is deleted with its conversation
  // (a flood of first messages from ids never seen leaves nothing behind)
  UNCONSENTED_PURGE_HOURS: z.coerce.number().positive().default(72),
  // keys sealing the secrets that must be read back (hospitals' signing secrets): "id:base64,…", each
  // 32 bytes (openssl rand -base64 32); the first seals, all open. Unset: the hospital API is off
  DATA_ENCRYPTION_KEYS: z.string().optional(),
  // the key of the keyed hash (HMAC-SHA256) resident ID numbers are looked up by: at least 32 bytes in
  // base64 (openssl rand -base64 32). Unset: ID numbers are not kept and results match by visit code only
  ID_HASH_KEY: z
    .string()
    .refine((k) => Buffer.from(k, 'base64').length >= 32, 'at least 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  // npm run db:backup removes backups older than this many days (a deleted woman is gone from them then)
  BACKUP_KEEP_DAYS: z.coerce.number().int().positive().default(7),
  // the SMS channel: an HTTP gateway of the kind Chinese clouds offer (src/channels/sms/smsGateway.ts
  // describes the request). Unset URL: SMS is off (/readyz says so) and nothing is sent by SMS
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_ACCESS_KEY_ID: z.string().optional(),
  SMS_ACCESS_KEY_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  // the signature (签名) approved with the gateway, e.g. 项城卫健
  SMS_SIGN_NAME: z.string().optional(),
  // the approved templates: name:code pairs, comma-separated (botAccountAlert:SMS_123456789)
  SMS_TEMPLATES: smsTemplates.default(''),
  // yuan per message (a broadcast's cost estimate)
  SMS_PRICE_PER_MESSAGE: z.coerce.number().min(0).default(0.045),
  SMS_DAILY_CAP: z.coerce.number().int().positive().default(2000),
  // the county administrators told by SMS when a bot account is logged out or throttled: user
  // name:mobile pairs, comma-separated (xc.admin:13800000000); an account's own alertPhone comes first
  ALERT_SMS_PHONES: alertPhones.default(''),
  // ISO-8601 instant to start the clock at (demo / tests); the clock then runs from there
  CLOCK_START: z.string().datetime({ offset: true }).optional(),
});

export type Config = Omit<z.infer<typeof envSchema>, 'SESSION_SECRET'> & {
  /** Comma-separated keys; the first signs. */
  SESSION_SECRET: string;
  /** No SESSION_SECRET was set: a random one was made for this process (not with NODE_ENV=production). */
  SESSION_SECRET_GENERATED: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema
    .superRefine((c, ctx) => {
      if (c.DATA_ENCRYPTION_KEYS !== undefined) {
        try {
          parseDataKeys(c.DATA_ENCRYPTION_KEYS);
        } catch (err) {
          ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEYS'], message: (err as Error).message });
        }
      }
      if (c.ID_HASH_KEY !== undefined && c.DATA_ENCRYPTION_KEYS === undefined) {
        ctx.addIssue({ code: 'custom', path: ['ID_HASH_KEY'], message: 'needs DATA_ENCRYPTION_KEYS too: the ID number is kept sealed beside its hash' });
      }
      if (c.SESSION_SECRET === undefined && c.NODE_ENV === 'production') {
        ctx.addIssue({
          code: 'custom',
          path: ['SESSION_SECRET'],
          message: 'required with NODE_ENV=production: the key signing staff console sessions (openssl rand -base64 32)',
        });
      }
      if (c.SMS_GATEWAY_URL !== undefined) {
        for (const k of ['SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME'] as const) {
          if (c[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'required with SMS_GATEWAY_URL' });
        }
      }
      if (c.SIMULATOR_ENABLED && c.NODE_ENV === 'production') {
        ctx.addIssue({ code: 'custom', path: ['SIMULATOR_ENABLED'], message: 'the simulator is a demo tool and cannot run with NODE_ENV=production' });
      }
    })
    .safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid settings in the environment:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  // (not production: a random key for this process; main.ts says sessions end at a restart)
  if (config.SESSION_SECRET === undefined) return { ...config, SESSION_SECRET: crypto.randomBytes(32).toString('base64'), SESSION_SECRET_GENERATED: true };
  return { ...config, SESSION_SECRET: config.SESSION_SECRET, SESSION_SECRET_GENERATED: false };
}

/**
 * A secret a data file names by its variable (a hospital laboratory system's token for the result
 * poll): the files never hold credentials. Unset or empty: undefined (that connector is off).
 */
export function secretFromEnv(variable: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = env[variable]?.trim();
  return value ? value : undefined;
}
