// The one interface every channel adapter implements: it receives messages into the engine and
// sends what the engine (and, later, the outbox dispatcher) hands it.
export type ChannelName = 'wechat' | 'simulator' | 'sms';

export interface InboundMessage {
  channel: ChannelName;
  /** The channel's stable id for this person (for WeChat: stable across logins, see the adapter). */
  externalId: string;
  text: string;
}

/** Handles one inbound message and returns the replies to send back to that person, in order. */
export type InboundHandler = (message: InboundMessage) => Promise<string[]>;

export type ChannelState = 'off' | 'starting' | 'waiting_for_scan' | 'online' | 'unavailable';

export interface ChannelStatus {
  name: ChannelName;
  state: ChannelState;
  /** Plain words for staff: why it is off or unavailable, who is logged in. No personal data. */
  detail?: string;
  /** While waiting for a scan: the QR payload to render. */
  qrCode?: string;
}

export interface Channel {
  readonly name: ChannelName;
  start(handler: InboundHandler): Promise<void>;
  /**
   * Sends a proactive message to a person. Rejects if it could not be handed to the network. `at` is
   * when the outbox sends it (after a clock jump, a simulated time the simulator shows it at).
   */
  send(externalId: string, text: string, at?: Date): Promise<void>;
  status(): ChannelStatus;
  stop(): Promise<void>;
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
