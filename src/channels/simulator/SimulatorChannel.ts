// The web simulator: anyone can chat with the bot as a chosen contact, without WeChat. It keeps
// each contact's transcript (like the chat history on her phone) in this process's memory, for a
// bounded number of contacts (the least recently active are forgotten first: a flood of new ids
// cannot fill the memory).
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../support/clock.js';
import type { Channel, ChannelStatus, InboundHandler } from '../channel.js';

export interface TranscriptEntry {
  at: string;
  from: 'bot' | 'contact';
  text: string;
}

const MAX_ENTRIES_PER_CONTACT = 2000;
const MEDIA_LABELS = { voice: '[语音]', image: '[图片]' } as const;

export class SimulatorChannel implements Channel {
  readonly name = 'simulator' as const;
  private handler?: InboundHandler;
  private readonly transcripts: LRUCache<string, TranscriptEntry[]>;

  /** `maxContacts`: how many contacts' transcripts are kept. */
  constructor(
    private readonly clock: Clock,
    maxContacts = 500,
  ) {
    this.transcripts = new LRUCache({ max: maxContacts });
  }

  async start(handler: InboundHandler): Promise<void> {
    this.handler = handler;
  }

  /** She writes `text` (or sends a voice message or a picture); resolves with the bot's replies to this message. */
  async receive(contactId: string, text: string | { kind: 'voice' | 'image' }): Promise<string[]> {
    if (!this.handler) throw new Error('the simulator channel is not started');
    const kind = typeof text === 'string' ? undefined : text.kind;
    // (the transcript shows what she sent, as WeChat does: [语音], [图片])
    this.record(contactId, 'contact', typeof text === 'string' ? text : MEDIA_LABELS[text.kind]);
    const replies = await this.handler({ channel: 'simulator', externalId: contactId, text: typeof text === 'string' ? text : '', ...(kind ? { kind } : {}) });
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
