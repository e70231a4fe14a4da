// Every inbound message, from any channel, passes here: one contact's messages strictly in order,
// different contacts concurrently, and an answer for every message even when something fails.
import type { Logger } from '../support/logger.js';
import type { InboundHandler, InboundMessage } from './channel.js';
import { KeyedSerialQueue } from './keyedSerialQueue.js';

/**
 * The longest message the bot reads (characters). A woman's answer is a few words; a longer message (a
 * pasted article, a chain letter) gets a kind answer asking for a line or two, and is never read: the
 * parsers behind it need not be fast on 100,000 characters, and a flood of long texts cannot stall the bot.
 */
export const MAX_MESSAGE_CHARS = 500;

export class InboundRouter {
  private readonly queue = new KeyedSerialQueue();

  constructor(
    private readonly handler: InboundHandler,
    private readonly logger: Logger,
    private readonly fallbackReply: () => string,
    private readonly tooLongReply: () => string,
  ) {}

  readonly handle: InboundHandler = (message: InboundMessage) =>
    this.queue.run(`${message.channel}:${message.externalId}`, async () => {
      // (its length only is logged, never its words)
      if (message.text !== undefined && message.text.length > MAX_MESSAGE_CHARS) {
        this.logger.info({ channel: message.channel, length: message.text.length }, 'inbound message too long; not read');
        return [this.tooLongReply()];
      }
      try {
        return await this.handler(message);
      } catch (err) {
        this.logger.error({ err, channel: message.channel }, 'inbound message failed; sent the fallback reply');
        return [this.fallbackReply()];
      }
    });

  /** Resolves when every message received so far has been handled. */
  drain(): Promise<void> {
    return this.queue.drain();
  }
}
