// Every inbound message, from any channel, passes here: one contact's messages strictly in order,
// different contacts concurrently, and an answer for every message even when something fails.
import type { Logger } from '../support/logger.js';
import type { InboundHandler, InboundMessage } from './channel.js';
import { KeyedSerialQueue } from './keyedSerialQueue.js';

export class InboundRouter {
  private readonly queue = new KeyedSerialQueue();

  constructor(
    private readonly handler: InboundHandler,
    private readonly logger: Logger,
    private readonly fallbackReply: () => string,
  ) {}

  readonly handle: InboundHandler = (message: InboundMessage) =>
    this.queue.run(`${message.channel}:${message.externalId}`, async () => {
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
