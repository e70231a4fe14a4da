// The one interface every channel adapter implements: it receives messages into the engine and
// sends what the outbox dispatcher hands it (the outbox's sender port).
import type { ChannelName, MessageSender } from '../services/outbox/senderPort.js';

export type { ChannelName };

export interface InboundMessage {
  channel: ChannelName;
  /** The channel's stable id for this person (for WeChat: stable across logins, see the adapter). */
  externalId: string;
  text: string;
  /** Not text: a voice message or a picture (`text` is empty). The engine answers it without reading it. */
  kind?: 'voice' | 'image';
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

export interface Channel extends MessageSender {
  start(handler: InboundHandler): Promise<void>;
  status(): ChannelStatus;
  stop(): Promise<void>;
}
