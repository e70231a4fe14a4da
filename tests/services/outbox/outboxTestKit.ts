// Shared pieces of the outbox tests: a fake channel that records sends and can be told to fail or
// throttle, settings, and helpers to queue messages for consenting women.
import { pino } from 'pino';
import type { Channel, ChannelName, ChannelState, ChannelStatus } from '../../../src/channels/channel.js';
import { ChannelThrottledError } from '../../../src/services/outbox/senderPort.js';
import type { Db } from '../../../src/db/client.js';
import { enqueueMessage } from '../../../src/services/outbox/enqueueMessage.js';
import type { OutboxSettings } from '../../../src/services/outbox/outboxSettings.js';
import type { OutboxItem, OutboxPriority } from '../../../src/services/outbox/outboxTypes.js';

export const silentLogger = pino({ level: 'silent' });

export interface SentRecord {
  externalId: string;
  text: string;
}

type Behaviour = 'ok' | 'fail' | 'throttle' | 'throttle-text';

export class FakeChannel implements Channel {
  readonly sent: SentRecord[] = [];
  state: ChannelState = 'online';
  /** What the next sends do (one entry per send, then `always`). */
  next: Behaviour[] = [];
  always: Behaviour = 'ok';
  /** Awaited inside every send (to hold a send in flight or add latency). */
  delay?: () => Promise<void>;

  constructor(readonly name: ChannelName = 'simulator') {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  status(): ChannelStatus {
    return { name: this.name, state: this.state };
  }

  async send(externalId: string, text: string): Promise<void> {
    if (this.delay) await this.delay();
    const b = this.next.shift() ?? this.always;
    if (b === 'fail') throw new Error(`network down while sending to ${externalId}: ${text}`);
    if (b === 'throttle') throw new ChannelThrottledError();
    if (b === 'throttle-text') throw new Error('发送失败：操作过于频繁，请稍后再试');
    this.sent.push({ externalId, text });
  }

  countsByExternalId(): Map<string, number> {
    const m = new Map<string, number>();
    for (const s of this.sent) m.set(s.externalId, (m.get(s.externalId) ?? 0) + 1);
    return m;
  }
}

export const MIN = 60_000;

export const testSettings = (over: Partial<OutboxSettings> = {}): OutboxSettings => ({
  minIntervalMs: 30_000,
  maxJitterMs: 0,
  dailyCap: 1000,
  quietStartHour: 21,
  quietEndHour: 8,
  claimTtlMs: 5 * MIN,
  backoffBaseMs: MIN,
  maxBackoffMs: 60 * MIN,
  throttleBackoffMs: 6 * 60 * MIN,
  ...over,
});

/** An instant given as Asia/Shanghai wall time, e.g. sh('2026-03-02 10:00'). */
export const sh = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);

let seq = 0;

/** A consenting, subscribed woman. */
export async function woman(db: Db, over: { subscribed?: boolean; consent?: string } = {}): Promise<{ id: string; externalId: string }> {
  const externalId = `w-${Date.now().toString(36)}-${seq++}`;
  const c = await db.contact.create({ data: { channel: 'simulator', externalId, consent: over.consent ?? 'given', subscribed: over.subscribed ?? true } });
  return { id: c.id, externalId };
}

export interface QueueOptions {
  account?: string;
  priority?: OutboxPriority;
  notBefore: Date;
  createdAt?: Date;
  maxAttempts?: number;
  text?: string;
  channel?: string;
}

/** Queues one message to her; the externalId doubles as the fake channel's record of who got what. */
export async function queue(db: Db, to: { id: string; externalId: string }, key: string, o: QueueOptions): Promise<string> {
  const item: OutboxItem = {
    contactId: to.id,
    channel: o.channel ?? 'simulator',
    externalId: to.externalId,
    text: o.text ?? `message ${key}`,
    priority: o.priority ?? 1,
    dedupeKey: key,
    notBefore: o.notBefore,
    account: o.account,
    maxAttempts: o.maxAttempts,
  };
  const ok = await enqueueMessage(db, item, o.createdAt ?? o.notBefore);
  if (!ok) throw new Error(`duplicate key ${key}`);
  return (await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key }, select: { id: true } })).id;
}
