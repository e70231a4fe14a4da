// From the puppet's raw events to the per-contact queues.
//
// Messages are taken from the puppet's own 'message' events: Wechaty's 'message' event can reorder them (it loads
// each payload asynchronously; a group message whose room is not loaded yet overtakes an earlier one). Here
// payloads load concurrently but are dispatched in arrival order, and each unit of work is counted in the
// IdleTracker from the instant the puppet reports it.
import type { Logger } from 'pino';
import type { Wechaty } from 'wechaty';
import type { KeyedSerialQueue } from '../keyedSerialQueue.js';
import type { IdleTracker } from './idleTracker.js';
import { FRIEND_GREETING_TEXT, acceptFriendRequest, contactKey, converse, errorSummary, handleMessage, queueKeyOf, type InboundContext } from './inbound.js';

export class InboundPipeline {
  private ingestTail: Promise<void> = Promise.resolve();
  private readonly handledFriendships = new Set<string>();

  constructor(
    private readonly context: () => InboundContext,
    private readonly queue: KeyedSerialQueue,
    private readonly idle: IdleTracker,
    private readonly logger: Logger,
  ) {}

  /** A new login: friend-request ids of the previous session no longer matter. */
  newSession(): void {
    this.handledFriendships.clear();
  }

  ingestMessage(bot: Wechaty, messageId: string): void {
    const end = this.idle.begin();
    const found = bot.Message.find({ id: messageId }).catch((err: unknown) => {
      this.logger.debug({ error: errorSummary(err), messageId }, 'wechat: could not load a message');
      return undefined;
    });
    this.ingestTail = this.ingestTail.then(async () => {
      const message = await found;
      let key: string | undefined;
      try {
        key = message ? queueKeyOf(message) : undefined;
      } catch (err) {
        this.logger.debug({ error: errorSummary(err), messageId }, 'wechat: message without a talker');
      }
      if (!message || !key) {
        end();
        return;
      }
      // Enqueued synchronously here, so queue order = arrival order; the handling itself is not awaited.
      this.queue
        .run(key, () => handleMessage(this.context(), message))
        .catch((err: unknown) => this.logger.error({ err }, 'wechat: failed to handle a message'))
        .finally(end);
    });
  }

  ingestFriendship(bot: Wechaty, friendshipId: string): void {
    if (this.handledFriendships.has(friendshipId)) return;
    this.handledFriendships.add(friendshipId);
    void this.idle.track(async () => {
      try {
        const friendship = bot.Friendship.load(friendshipId);
        await friendship.ready();
        const ctx = this.context();
        const contact = await acceptFriendRequest(ctx, friendship);
        if (!contact) return;
        this.logger.info('wechat: friend request accepted');
        // Greeted through her queue: her first message, if any, is answered after the greeting.
        await this.queue.run(contactKey(contact.id), () => converse(ctx, contact, FRIEND_GREETING_TEXT));
      } catch (err) {
        this.logger.warn({ error: errorSummary(err) }, 'wechat: could not accept a friend request');
      }
    });
  }
}
