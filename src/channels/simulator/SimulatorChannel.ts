// The web simulator: anyone can chat with the bot as a chosen contact, without WeChat. It keeps
// each contact's transcript (like the chat history on her phone) in this process's memory.
import type { Clock } from '../../support/clock.js';
import type { Channel, ChannelStatus, InboundHandler } from '../channel.js';

export interface TranscriptEntry {
  at: string;
  from: 'bot' | 'contact';
  text: string;
}

const MAX_ENTRIES_PER_CONTACT = 2000;

export class SimulatorChannel implements Channel {
  readonly name = 'simulator' as const;
  private handler?: InboundHandler;
  private readonly transcripts = new Map<string, TranscriptEntry[]>();

  constructor(private readonly clock: Clock) {}

  async start(handler: InboundHandler): Promise<void> {
    this.handler = handler;
  }

  /** She writes `text`; resolves with the bot's replies to this message. */
  async receive(contactId: string, text: string): Promise<string[]> {
    if (!this.handler) throw new Error('the simulator channel is not started');
    this.record(contactId, 'contact', text);
    const replies = await this.handler({ channel: 'simulator', externalId: contactId, text });
    for (const r of replies) this.record(contactId, 'bot', r);
    return replies;
  }

  async send(externalId: string, text: string, at?: Date): Promise<void> {
    this.record(externalId, 'bot', text, at);
  }

  transcript(contactId: string): TranscriptEntry[] {
    return [...(this.transcripts.get(contactId) ?? [])];
  }

  /** Forgets a transcript (after she deleted her data). */
  forget(contactId: string): void {
    this.transcripts.delete(contactId);
  }

  status(): ChannelStatus {
    return { name: 'simulator', state: this.handler ? 'online' : 'off' };
  }

  async stop(): Promise<void> {
    this.handler = undefined;
  }

  private record(contactId: string, from: 'bot' | 'contact', text: string, at = this.clock.now()): void {
    let list = this.transcripts.get(contactId);
    if (!list) this.transcripts.set(contactId, (list = []));
    list.push({ at: at.toISOString(), from, text });
    if (list.length > MAX_ENTRIES_PER_CONTACT) list.splice(0, list.length - MAX_ENTRIES_PER_CONTACT);
  }
}
