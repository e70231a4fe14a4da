// What the outbox needs of a channel to send through it: the port channels implement (the
// dispatcher never knows WeChat or the simulator), and how a channel says it is sending too often.
export type ChannelName = 'wechat' | 'simulator' | 'sms';

export interface MessageSender {
  readonly name: ChannelName;
  /** Only a sender whose state is 'online' is handed messages; the others wait (logging in, or down). */
  status(): { readonly state: string };
  /**
   * Sends a proactive message to a person. Rejects if it could not be handed to the network. `at` is
   * when the outbox sends it (after a clock jump, a simulated time the simulator shows it at).
   */
  send(externalId: string, text: string, at?: Date, ref?: SendRef): Promise<void>;
}

/** What the outbox tells a channel of the message it sends (an SMS gateway echoes the id in its status report). */
export interface SendRef {
  messageId: string;
}

/**
 * Thrown by a channel's send when the network says the account sends too often (WeChat: "操作过于频繁").
 * The outbox dispatcher backs the whole account off and retries the message later without counting it as
 * a failed attempt.
 */
export class ChannelThrottledError extends Error {
  /** `retryAfterMs`: how long the network asked to wait (an HTTP Retry-After); default: the outbox's throttle back-off. */
  constructor(
    message = 'the account is sending too often',
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ChannelThrottledError';
  }
}

/**
 * Thrown by a channel's send when the network refused this message for good (an SMS gateway: the number
 * is not a valid mobile number, the template is not approved): it is marked failed at once, never retried.
 */
export class ChannelRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelRejectedError';
  }
}
