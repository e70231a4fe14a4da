// Options of the WeChat channel and their defaults.
import type { Logger } from 'pino';
import type { WechatyOptions } from 'wechaty';

/** A Wechaty puppet instance (tests inject a PuppetMock). */
type WechatyPuppet = Exclude<WechatyOptions['puppet'], string | undefined>;

/**
 * How a woman is identified towards the engine:
 * - 'alias': a stable code (`SA` + 8 characters) kept as her remark in the bot's address book, so she can be
 *   found again after a re-login (wechat4u gives every contact a new id at each login);
 * - 'id': the puppet's contact id (stable only on paid protocols such as wechaty-puppet-service).
 */
export type IdStrategy = 'alias' | 'id';

const DEFAULT_PUPPET = 'wechaty-puppet-wechat4u';
const DEFAULT_STOP_DRAIN_TIMEOUT_MS = 15_000;

export interface WechatChannelOptions {
  /** A puppet instance; when given, puppetName/puppetToken are ignored. */
  puppet?: WechatyPuppet;
  /** npm name of the puppet (WECHATY_PUPPET); default wechaty-puppet-wechat4u. */
  puppetName?: string;
  /** Token of wechaty-puppet-service (WECHATY_PUPPET_SERVICE_TOKEN). */
  puppetToken?: string;
  /** Name of the Wechaty instance (shown in logs). */
  botName: string;
  /**
   * Where Wechaty keeps the login session (`<sessionName>.memory-card.json`, relative to the working directory or
   * absolute). Default: botName. wechat4u writes it; it lets a restart skip the QR scan.
   */
  sessionName?: string;
  /** Default: 'alias' for wechaty-puppet-wechat4u, 'id' otherwise. */
  idStrategy?: IdStrategy;
  logger: Logger;
  /** Replied in a group when the bot is @-mentioned (e.g. inviting her to chat privately). */
  groupMentionReply: string;
  /** Replied to images, voice, stickers, files...: asks her to type words. */
  textOnlyReply: string;
  /**
   * Sent to her when the handler throws (nothing is sent if unset), and when she cannot be identified (if unset,
   * the handler is then called with her contact id instead; see identifyOrFallBack in inbound.ts). Set it.
   */
  errorReply?: string;
  /** How long start() waits for the scan/login/failure outcome before resolving anyway. Default 10 s. */
  startTimeoutMs?: number;
  /**
   * Print the login QR code in the terminal. Default: only when the output is a terminal (a log file or a
   * collector must not hold it: whoever scans it becomes the bot; staff use /wechat/login).
   */
  printQrInTerminal?: boolean;
  /**
   * Minimum pause between two sends of this account (all chats together). A random jitter of up to half of it is
   * added, so each pause lies in [minSendIntervalMs, 1.5 × minSendIntervalMs] (see accountSender.ts). Default 0
   * (no pause, no jitter).
   */
  minSendIntervalMs?: number;
  /**
   * How long stop() waits for the messages already taken in (handlers and their replies) and sends under way to
   * finish before stopping the bot anyway. Default 15 s.
   */
  stopDrainTimeoutMs?: number;
}

export interface ResolvedWechatOptions {
  puppet?: WechatyPuppet;
  puppetName: string;
  puppetToken?: string;
  botName: string;
  sessionName: string;
  idStrategy: IdStrategy;
  logger: Logger;
  groupMentionReply: string;
  textOnlyReply: string;
  errorReply?: string;
  startTimeoutMs: number;
  printQrInTerminal: boolean;
  minSendIntervalMs: number;
  stopDrainTimeoutMs: number;
}

export function resolveWechatOptions(options: WechatChannelOptions, outputIsTerminal = process.stdout.isTTY === true): ResolvedWechatOptions {
  // settings come from src/config (the one config loader); nothing is read from the environment here
  const puppetName = options.puppet ? options.puppet.name() : options.puppetName?.trim() || DEFAULT_PUPPET;
  const isWechat4u = !options.puppet && puppetName === DEFAULT_PUPPET;
  return {
    puppet: options.puppet,
    puppetName,
    puppetToken: options.puppet ? undefined : options.puppetToken?.trim() || undefined,
    botName: options.botName,
    sessionName: options.sessionName ?? options.botName,
    idStrategy: options.idStrategy ?? (isWechat4u ? 'alias' : 'id'),
    logger: options.logger,
    groupMentionReply: options.groupMentionReply,
    textOnlyReply: options.textOnlyReply,
    errorReply: options.errorReply,
    startTimeoutMs: options.startTimeoutMs ?? 10_000,
    printQrInTerminal: options.printQrInTerminal ?? outputIsTerminal,
    minSendIntervalMs: options.minSendIntervalMs ?? 0,
    stopDrainTimeoutMs: options.stopDrainTimeoutMs ?? DEFAULT_STOP_DRAIN_TIMEOUT_MS,
  };
}
