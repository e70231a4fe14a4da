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
  send(externalId: string, text: string, at?: Date): Promise<void>;
}

/**
 * Thrown by a channel's send when the network says the account sends too often (WeChat: "操作过于频繁").
 * The outbox dispatcher backs the whole account off and retries the message later without counting it as
 * a failed attempt.
 */
export class ChannelThrottledError extends Error {
  constructor(message = 'the account is sending too often') {
    super(message);
    this.name = 'ChannelThrottledError';
  }
}
