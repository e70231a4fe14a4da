// The WeChat channel: a Wechaty bot receiving women's messages into the engine and sending its replies.
//
// - start() never throws: without configuration or network the channel is 'unavailable' and the app runs on.
// - One contact's messages are handled strictly in arrival order (handler AND sends), different contacts at once.
//   Messages are taken from the puppet's own 'message' events, in arrival order (Wechaty's 'message' event can
//   reorder them, because it loads each payload asynchronously), and dispatched into a queue per contact.
// - Groups: only an @-mention is answered, with groupMentionReply; nothing personal ever goes into a group.
// - Privacy: message texts and contact names are never logged; ids only at debug level.
import type { Logger } from 'pino';
import qrcodeTerminal from 'qrcode-terminal';
import { ScanStatus, WechatyBuilder, type Contact, type Wechaty, type WechatyOptions } from 'wechaty';
import type { Channel, ChannelState, ChannelStatus, InboundHandler } from '../channel.js';
import { KeyedSerialQueue } from '../keyedSerialQueue.js';
import { AccountSender } from './accountSender.js';
import { ContactIdentity } from './identity.js';
import { IdleTracker } from './idleTracker.js';
import {
  FRIEND_GREETING_TEXT,
  acceptFriendRequest,
  contactKey,
  converse,
  errorSummary,
  handleMessage,
  queueKeyOf,
  type InboundContext,
} from './inbound.js';
import { resolveWechatOptions, type ResolvedWechatOptions, type WechatChannelOptions } from './options.js';
import { quiesceWechat4uBeforeStop } from './puppetQuirks.js';
import { STATUS_TEXT, scanText, unavailableText } from './statusText.js';

const STOP_TIMEOUT_MS = 20_000;

type PuppetListeners = {
  message: (payload: { messageId: string }) => void;
  friendship: (payload: { friendshipId: string }) => void;
};

export class WechatChannel implements Channel {
  readonly name = 'wechat' as const;

  private readonly opts: ResolvedWechatOptions;
  private readonly logger: Logger;
  private readonly queue = new KeyedSerialQueue();
  private readonly idle = new IdleTracker();
  private readonly identity: ContactIdentity;
  private readonly sender: AccountSender;
  private readonly handledFriendships = new Set<string>();

  private bot?: Wechaty;
  private handler?: InboundHandler;
  private puppetAttached = false;
  private current: ChannelStatus = { name: 'wechat', state: 'off', detail: STATUS_TEXT.off };
  private statusWaiters: Array<() => void> = [];
  private ingestTail: Promise<void> = Promise.resolve();
  private lastPrintedQr?: string;
  private lastErrorText?: string;
  private startPromise?: Promise<void>;
  private stopPromise?: Promise<void>;
  private stopped = false;

  constructor(options: WechatChannelOptions) {
    this.opts = resolveWechatOptions(options);
    this.logger = this.opts.logger;
    this.identity = new ContactIdentity(this.opts.idStrategy, this.logger);
    this.sender = new AccountSender(this.opts.minSendIntervalMs);
  }

  status(): ChannelStatus {
    return { ...this.current };
  }

  /** Starts the bot. Resolves (never rejects) once it waits for a scan, is online, is unavailable, or after startTimeoutMs. */
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
    if (!bot || this.stopped || this.current.state !== 'online' || !bot.isLoggedIn) {
      throw new Error('WeChat is not logged in: cannot send (the message stays to be sent later)');
    }
    if (isRoomId(externalId)) throw new Error('WeChat: refusing to send to a group chat');
    await this.idle.track(async () => {
      const contact = await this.identity.findContact(bot, externalId);
      if (!contact) {
        throw new Error('WeChat: no contact with this externalId in the bot\'s address book (she may have deleted the bot)');
      }
      // Through her queue, so that it never lands between the replies to a message she is being answered on.
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

  /** Stops the bot. Safe to call twice or before start(). */
  stop(): Promise<void> {
    if (!this.stopPromise) this.stopPromise = this.doStop();
    return this.stopPromise;
  }

  // ---- start / stop ------------------------------------------------------------------------------------------

  private buildOptions(): WechatyOptions {
    const { puppet, puppetName, puppetToken, sessionName } = this.opts;
    if (puppet) return { name: sessionName, puppet };
    return {
      name: sessionName,
      puppet: puppetName as never, // any npm name is resolved at start; unknown ones make the channel unavailable
      puppetOptions: puppetToken ? { token: puppetToken } : {},
    };
  }

  private async doStart(): Promise<void> {
    const { puppetName, startTimeoutMs } = this.opts;
    this.setStatus('starting', STATUS_TEXT.starting(puppetName));
    const bot = WechatyBuilder.build(this.buildOptions());
    this.bot = bot;
    bot.on('error', (err) => this.onError(err));
    bot.on('scan', (qrcode, status) => this.onScan(qrcode, status));
    bot.on('login', (user) => this.onLogin(user));
    bot.on('logout', () => this.onLogout());

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), startTimeoutMs);
      timer.unref?.();
    });
    const sequence = (async () => {
      await bot.init(); // resolves the puppet: throws for an unknown puppet name
      if (this.stopped) return;
      this.attachPuppet(bot);
      await bot.start(); // Wechaty reports puppet start failures through 'error', not by throwing
      await this.waitWhileStarting();
    })();
    try {
      const outcome = await Promise.race([sequence.then(() => 'done' as const), timedOut]);
      if (outcome === 'timeout' && this.current.state === 'starting') {
        this.setStatus('starting', STATUS_TEXT.stillStarting(puppetName));
        this.logger.warn({ puppet: puppetName, timeoutMs: startTimeoutMs }, 'wechat: still starting; continuing in the background');
      }
    } finally {
      clearTimeout(timer);
    }
    sequence.catch((err) => this.markUnavailable(err)); // a late failure after the timeout
  }

  private waitWhileStarting(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.current.state !== 'starting' || this.stopped) resolve();
        else this.statusWaiters.push(check);
      };
      check();
    });
  }

  private attachPuppet(bot: Wechaty): void {
    const puppet = bot.puppet;
    puppet.on('message', this.puppetListeners.message);
    puppet.on('friendship', this.puppetListeners.friendship);
    this.puppetAttached = true;
  }

  private async doStop(): Promise<void> {
    this.stopped = true;
    this.flushStatusWaiters();
    const bot = this.bot;
    if (!bot) {
      this.setStatus('off', STATUS_TEXT.off, undefined, true);
      return;
    }
    if (this.puppetAttached) {
      try {
        const puppet = bot.puppet;
        puppet.off('message', this.puppetListeners.message);
        puppet.off('friendship', this.puppetListeners.friendship);
        quiesceWechat4uBeforeStop(puppet);
      } catch {
        // no puppet: nothing to detach
      }
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          bot.stop(),
          new Promise((resolve) => {
            timer = setTimeout(resolve, STOP_TIMEOUT_MS);
          }),
        ]);
      } catch (err) {
        this.logger.warn({ err: errorSummary(err) }, 'wechat: error while stopping');
      } finally {
        clearTimeout(timer);
      }
    }
    // The 'error' listener stays: a puppet's late timers may still emit, and an unheard 'error' kills the process.
    this.setStatus('off', STATUS_TEXT.stopped, undefined, true);
    this.logger.info('wechat: channel stopped');
  }

  // ---- Wechaty events ----------------------------------------------------------------------------------------

  private onError(err: unknown): void {
    const summary = errorSummary(err);
    if (this.stopped) {
      this.logger.debug({ err: summary }, 'wechat: error after stop');
      return;
    }
    if (this.current.state === 'starting') {
      this.markUnavailable(err);
      return;
    }
    // Wechaty also emits 'error' for ordinary misses (e.g. Contact.find on an unknown id): keep those quiet.
    const repeated = summary.message === this.lastErrorText;
    this.lastErrorText = summary.message;
    if (this.current.state === 'unavailable' && !repeated) {
      this.logger.warn({ err: summary }, 'wechat: still unavailable');
    } else {
      this.logger.debug({ err: summary }, 'wechat: Wechaty reported an error');
    }
  }

  private markUnavailable(err: unknown): void {
    if (this.stopped) return;
    const detail = unavailableText(this.opts.puppetName, err);
    this.lastErrorText = errorSummary(err).message;
    this.setStatus('unavailable', detail);
    this.logger.warn({ puppet: this.opts.puppetName, err: errorSummary(err) }, 'wechat: channel unavailable');
  }

  private onScan(qrcode: string, status: ScanStatus): void {
    if (this.stopped) return;
    const qr = qrcode || this.current.qrCode;
    this.setStatus('waiting_for_scan', scanText(status), qr);
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      this.logger.info('wechat: waiting for the bot account to scan the QR code (see /wechat/login)');
      if (qrcode && this.opts.printQrInTerminal && qrcode !== this.lastPrintedQr) {
        this.lastPrintedQr = qrcode;
        qrcodeTerminal.generate(qrcode, { small: true }, (output) => process.stdout.write(`${output}\n`));
      }
    }
  }

  private onLogin(user: Contact): void {
    if (this.stopped) return;
    this.identity.reset();
    this.handledFriendships.clear();
    const accountName = user.name();
    this.setStatus('online', STATUS_TEXT.online(accountName));
    this.logger.info({ account: accountName }, 'wechat: logged in');
  }

  private onLogout(): void {
    if (this.stopped) return;
    this.identity.reset();
    this.setStatus('waiting_for_scan', STATUS_TEXT.loggedOut);
    this.logger.warn('wechat: logged out; waiting for a new scan');
  }

  // ---- inbound -----------------------------------------------------------------------------------------------

  private readonly puppetListeners: PuppetListeners = {
    message: ({ messageId }) => this.ingestMessage(messageId),
    friendship: ({ friendshipId }) => this.ingestFriendship(friendshipId),
  };

  private context(): InboundContext {
    const bot = this.bot;
    const handler = this.handler;
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

  /** Loads messages concurrently but dispatches them to the per-contact queues in arrival order. */
  private ingestMessage(messageId: string): void {
    const bot = this.bot;
    if (!bot || this.stopped) return;
    const end = this.idle.begin();
    const found = bot.Message.find({ id: messageId }).catch((err: unknown) => {
      this.logger.debug({ err: errorSummary(err), messageId }, 'wechat: could not load a message');
      return undefined;
    });
    this.ingestTail = this.ingestTail.then(async () => {
      let key: string | undefined;
      const message = await found;
      try {
        key = message ? queueKeyOf(message) : undefined;
      } catch (err) {
        this.logger.debug({ err: errorSummary(err), messageId }, 'wechat: message without a talker');
      }
      if (!message || !key) {
        end();
        return;
      }
      // Enqueued synchronously here, so the queue order is the arrival order; the handling itself is not awaited.
      this.queue
        .run(key, () => handleMessage(this.context(), message))
        .catch((err: unknown) => this.logger.error({ err }, 'wechat: failed to handle a message'))
        .finally(end);
    });
  }

  private ingestFriendship(friendshipId: string): void {
    const bot = this.bot;
    if (!bot || this.stopped || this.handledFriendships.has(friendshipId)) return;
    this.handledFriendships.add(friendshipId);
    void this.idle.track(async () => {
      try {
        const friendship = bot.Friendship.load(friendshipId);
        await friendship.ready();
        const ctx = this.context();
        const contact = await acceptFriendRequest(ctx, friendship);
        if (!contact) return;
        this.logger.info('wechat: friend request accepted');
        await this.queue.run(contactKey(contact.id), () => converse(ctx, contact, FRIEND_GREETING_TEXT));
      } catch (err) {
        this.logger.warn({ err: errorSummary(err) }, 'wechat: could not accept a friend request');
      }
    });
  }

  // ---- status ------------------------------------------------------------------------------------------------

  private setStatus(state: ChannelState, detail: string, qrCode?: string, force = false): void {
    if (this.stopped && !force) return;
    this.current = { name: 'wechat', state, detail, ...(qrCode ? { qrCode } : {}) };
    this.flushStatusWaiters();
  }

  private flushStatusWaiters(): void {
    const waiters = this.statusWaiters;
    this.statusWaiters = [];
    for (const waiter of waiters) waiter();
  }
}

/** wechat4u group ids start with '@@'; the iPad/mock protocols' end with '@chatroom'. */
function isRoomId(id: string): boolean {
  return id.startsWith('@@') || id.endsWith('@chatroom');
}
