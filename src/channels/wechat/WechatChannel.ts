// The WeChat channel: a Wechaty bot receiving women's messages into the engine and sending its replies.
//
// - start() never throws: without configuration or network the channel is 'unavailable' and the app runs on.
// - One contact's messages are handled strictly in arrival order (handler AND sends), different contacts at once
//   (see inboundPipeline.ts).
// - Groups: only an @-mention is answered, with groupMentionReply; nothing personal ever goes into a group.
// - Every private text gets an answer, even when identifying her fails (see identifyOrFallBack in inbound.ts).
// - stop() takes nothing new in, lets the messages already taken in be answered (bounded), then stops the bot.
// - Privacy: message texts and contact names are never logged; ids only at debug level.
import type { Logger } from 'pino';
import qrcodeTerminal from 'qrcode-terminal';
import { ScanStatus, WechatyBuilder, type Contact, type Wechaty, type WechatyOptions } from 'wechaty';
import type { Channel, ChannelStatus, InboundHandler } from '../channel.js';
import { KeyedSerialQueue } from '../keyedSerialQueue.js';
import { AccountSender } from './accountSender.js';
import { ContactIdentity } from './identity.js';
import { IdleTracker } from './idleTracker.js';
import { contactKey, errorSummary, type InboundContext } from './inbound.js';
import { InboundPipeline } from './inboundPipeline.js';
import { resolveWechatOptions, type ResolvedWechatOptions, type WechatChannelOptions } from './options.js';
import { quiesceWechat4uBeforeStop } from './puppetQuirks.js';
import { StatusTracker } from './statusTracker.js';
import { STATUS_TEXT, scanText, unavailableText } from './statusText.js';

const STOP_TIMEOUT_MS = 20_000;

export class WechatChannel implements Channel {
  readonly name = 'wechat' as const;

  private readonly opts: ResolvedWechatOptions;
  private readonly logger: Logger;
  private readonly queue = new KeyedSerialQueue();
  private readonly idle = new IdleTracker();
  private readonly statusTracker = new StatusTracker();
  private readonly identity: ContactIdentity;
  private readonly sender: AccountSender;
  private readonly pipeline: InboundPipeline;

  private bot?: Wechaty;
  private handler?: InboundHandler;
  private puppetAttached = false;
  private lastPrintedQr?: string;
  private lastErrorText?: string;
  private startPromise?: Promise<void>;
  private stopPromise?: Promise<void>;
  private stopRequested = false;

  private readonly onPuppetMessage = ({ messageId }: { messageId: string }) => {
    if (this.bot && !this.stopped) this.pipeline.ingestMessage(this.bot, messageId);
  };

  private readonly onPuppetFriendship = ({ friendshipId }: { friendshipId: string }) => {
    if (this.bot && !this.stopped) this.pipeline.ingestFriendship(this.bot, friendshipId);
  };

  constructor(options: WechatChannelOptions) {
    this.opts = resolveWechatOptions(options);
    this.logger = this.opts.logger;
    this.identity = new ContactIdentity(this.opts.idStrategy, this.logger);
    this.sender = new AccountSender(this.opts.minSendIntervalMs);
    this.pipeline = new InboundPipeline(() => this.context(), this.queue, this.idle, this.logger);
  }

  status(): ChannelStatus {
    return this.statusTracker.get();
  }

  /** Starts the bot. Resolves (never rejects) once it waits for a scan, is online or unavailable, or after startTimeoutMs. */
  start(handler: InboundHandler): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (!this.startPromise) {
      this.handler = handler;
      this.startPromise = this.doStart().catch((err) => this.markUnavailable(err));
    }
    return this.startPromise;
  }

  /** Sends a proactive text to a woman. Rejects when not logged in or when she cannot be found. */
  async send(externalId: string, text: string): Promise<void> {
    const bot = this.bot;
    if (!bot || this.stopped || this.statusTracker.state !== 'online' || !bot.isLoggedIn) {
      throw new Error('WeChat is not logged in: cannot send now');
    }
    if (isRoomId(externalId)) throw new Error('WeChat: refusing to send to a group chat');
    await this.idle.track(async () => {
      const contact = await this.identity.findContact(bot, externalId);
      if (!contact) {
        throw new Error("WeChat: no contact with this externalId in the bot's address book (she may have deleted the bot)");
      }
      // Through her queue, so that it never lands between the replies to a message of hers being answered.
      await this.queue.run(contactKey(contact.id), () => this.sender.send(contact, text));
    });
  }

  /** Resolves when no inbound message, friend request or send is being processed. */
  async whenIdle(): Promise<void> {
    do {
      await this.idle.whenIdle();
      await new Promise<void>((resolve) => setImmediate(resolve));
    } while (this.idle.busy);
  }

  /**
   * Stops taking messages in, lets those already taken in be answered (bounded by stopDrainTimeoutMs, default
   * 15 s), then stops the bot. Safe to call twice or before start(); the channel cannot be started again afterwards.
   */
  stop(): Promise<void> {
    if (!this.stopPromise) {
      this.stopRequested = true; // before doStop() runs: from now on nothing new is taken in
      this.stopPromise = this.doStop();
    }
    return this.stopPromise;
  }

  private get stopped(): boolean {
    return this.stopRequested;
  }

  // ---- start / stop ------------------------------------------------------------------------------------------

  private buildOptions(): WechatyOptions {
    const { puppet, puppetName, puppetToken, sessionName } = this.opts;
    if (puppet) return { name: sessionName, puppet };
    return {
      name: sessionName,
      puppet: puppetName as never, // any npm name is tried at start; an unknown one makes the channel unavailable
      puppetOptions: puppetToken ? { token: puppetToken } : {},
    };
  }

  private async doStart(): Promise<void> {
    const { puppetName, startTimeoutMs } = this.opts;
    this.statusTracker.set('starting', STATUS_TEXT.starting(puppetName));
    const bot = WechatyBuilder.build(this.buildOptions());
    this.bot = bot;
    bot.on('error', (err) => this.onError(err)); // always: an unheard 'error' event kills the process
    bot.on('scan', (qrcode, status) => this.onScan(qrcode, status));
    bot.on('login', (user) => this.onLogin(user));
    bot.on('logout', () => this.onLogout());

    const sequence = (async () => {
      await bot.init(); // resolves the puppet: throws for an unknown puppet name
      if (this.stopped) return;
      bot.puppet.on('message', this.onPuppetMessage);
      bot.puppet.on('friendship', this.onPuppetFriendship);
      this.puppetAttached = true;
      await bot.start(); // Wechaty reports puppet start failures through 'error', not by throwing
      await this.statusTracker.waitWhile('starting');
    })();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), startTimeoutMs);
    });
    try {
      const outcome = await Promise.race([sequence.then(() => 'done' as const), timedOut]);
      if (outcome === 'timeout') {
        sequence.catch((err) => this.markUnavailable(err)); // a failure after the timeout
        if (this.statusTracker.state === 'starting') {
          this.statusTracker.set('starting', STATUS_TEXT.stillStarting(puppetName));
          this.logger.warn({ puppet: puppetName, timeoutMs: startTimeoutMs }, 'wechat: still starting; continuing in the background');
        }
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Shutdown without losing replies, in three steps:
   * 1. take nothing new in: `stopped` is already true (send() refuses, puppet events are ignored) and the puppet
   *    listeners are detached;
   * 2. wait, up to stopDrainTimeoutMs, until what was already taken in is finished: messages being handled and
   *    their replies, friend greetings, proactive sends under way (the bot is still running, so they get out);
   * 3. stop the bot.
   */
  private async doStop(): Promise<void> {
    const bot = this.bot;
    const attached = bot !== undefined && this.puppetAttached;
    if (attached) {
      try {
        bot.puppet.off('message', this.onPuppetMessage);
        bot.puppet.off('friendship', this.onPuppetFriendship);
      } catch {
        // no puppet: nothing to detach
      }
    }
    await this.drain();
    if (attached) {
      try {
        quiesceWechat4uBeforeStop(bot.puppet);
      } catch {
        // no puppet: nothing to quiesce
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([bot.stop(), new Promise((resolve) => (timer = setTimeout(resolve, STOP_TIMEOUT_MS)))]);
      } catch (err) {
        this.logger.warn({ error: errorSummary(err) }, 'wechat: error while stopping');
      } finally {
        clearTimeout(timer);
      }
    }
    // The 'error' listener stays: a puppet's late timers may still emit.
    this.statusTracker.freeze('off', bot ? STATUS_TEXT.stopped : STATUS_TEXT.off);
    if (bot) this.logger.info('wechat: channel stopped');
  }

  /** Waits (bounded by stopDrainTimeoutMs) for the work in flight to finish; never throws. */
  private async drain(): Promise<void> {
    if (!this.idle.busy) return;
    const timeoutMs = this.opts.stopDrainTimeoutMs;
    this.logger.info('wechat: stopping; finishing the messages already received');
    let timer: NodeJS.Timeout | undefined;
    try {
      const outcome = await Promise.race([
        this.whenIdle().then(() => 'idle' as const),
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
      ]);
      if (outcome === 'timeout') {
        this.logger.warn({ timeoutMs }, 'wechat: stopping with messages still being handled; their replies may be lost');
      }
    } finally {
      clearTimeout(timer);
    }
  }

  // ---- Wechaty events ----------------------------------------------------------------------------------------

  private onError(err: unknown): void {
    const summary = errorSummary(err);
    if (this.stopped) {
      this.logger.debug({ error: summary }, 'wechat: error after stop');
    } else if (this.statusTracker.state === 'starting') {
      this.markUnavailable(err);
    } else {
      // Wechaty also emits 'error' for ordinary misses (e.g. Contact.find on an unknown id): keep those quiet.
      const repeated = summary.message === this.lastErrorText;
      this.lastErrorText = summary.message;
      if (this.statusTracker.state === 'unavailable' && !repeated) {
        this.logger.warn({ error: summary }, 'wechat: still unavailable');
      } else {
        this.logger.debug({ error: summary }, 'wechat: Wechaty reported an error');
      }
    }
  }

  private markUnavailable(err: unknown): void {
    if (this.stopped) return;
    this.lastErrorText = errorSummary(err).message;
    this.statusTracker.set('unavailable', unavailableText(this.opts.puppetName, err));
    this.logger.warn({ puppet: this.opts.puppetName, error: errorSummary(err) }, 'wechat: channel unavailable');
  }

  private onScan(qrcode: string, status: ScanStatus): void {
    if (this.stopped) return;
    this.statusTracker.set('waiting_for_scan', scanText(status), qrcode || this.statusTracker.qrCode);
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) return;
    this.logger.info('wechat: waiting for the bot account to scan the QR code (see /wechat/login)');
    if (qrcode && this.opts.printQrInTerminal && qrcode !== this.lastPrintedQr) {
      this.lastPrintedQr = qrcode;
      qrcodeTerminal.generate(qrcode, { small: true }, (output) => process.stdout.write(`${output}\n`));
    }
  }

  private onLogin(user: Contact): void {
    if (this.stopped) return;
    this.identity.reset();
    this.pipeline.newSession();
    const accountName = user.name();
    this.statusTracker.set('online', STATUS_TEXT.online(accountName));
    this.logger.info({ account: accountName }, 'wechat: logged in');
  }

  private onLogout(): void {
    if (this.stopped) return;
    this.identity.reset();
    this.statusTracker.set('waiting_for_scan', STATUS_TEXT.loggedOut);
    this.logger.warn('wechat: logged out; waiting for a new scan');
  }

  private context(): InboundContext {
    const { bot, handler } = this;
    if (!bot || !handler) throw new Error('WeChat channel not started');
    return {
      bot,
      handler,
      identity: this.identity,
      sender: this.sender,
      logger: this.logger,
      groupMentionReply: this.opts.groupMentionReply,
      textOnlyReply: this.opts.textOnlyReply,
      errorReply: this.opts.errorReply,
    };
  }
}

/** wechat4u group ids start with '@@'; the iPad/mock protocols' end with '@chatroom'. */
function isRoomId(id: string): boolean {
  return id.startsWith('@@') || id.endsWith('@chatroom');
}
