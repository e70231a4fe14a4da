// Contacts: who wrote to the bot on which channel, and her consent state. Creating a contact
// stores only the channel identity (allowed before consent, PIPL).
import type { Db } from '../db/client.js';
import type { ChannelName } from './outbox/senderPort.js';

export interface ContactRecord {
  id: string;
  channel: string;
  externalId: string;
  regionId: string | null;
  consent: string;
  consentAt: Date | null;
  healthConsentAt: Date | null;
  subscribed: boolean;
}

export class ContactService {
  constructor(
    private readonly db: Db,
    /** The bot account this process runs: a new contact talks to it. */
    private readonly account: string = 'default',
  ) {}

  /** `now`: when she first wrote (the clock's time: the purge of silent contacts compares it). */
  async findOrCreate(channel: ChannelName, externalId: string, now: Date): Promise<ContactRecord> {
    const found = await this.db.contact.findUnique({ where: { channel_externalId: { channel, externalId } } });
    if (found) return found;
    try {
      return await this.db.contact.create({ data: { channel, externalId, account: this.account, createdAt: now } });
    } catch {
      // another process created her at the same moment (unique channel+externalId)
      return this.db.contact.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
    }
  }

  get(id: string): Promise<ContactRecord | null> {
    return this.db.contact.findUnique({ where: { id } });
  }

  /**
   * Deletes the contacts that never consented and have been silent since `before` (her last message,
   * or her first when she never had a conversation), with their conversation state, `batch` at a
   * time; returns who was deleted and how many this call deleted (another process may purge too).
   * Checked again in the delete itself: one who writes meanwhile stays.
   */
  async purgeSilentUnconsented(before: Date, batch = 500): Promise<{ purged: { channel: string; externalId: string }[]; deleted: number }> {
    const where = {
      consent: { not: 'given' },
      OR: [{ conversation: { is: { lastActiveAt: { lt: before } } } }, { conversation: { is: null }, createdAt: { lt: before } }],
    };
    const purged: { channel: string; externalId: string }[] = [];
    let deleted = 0;
    for (;;) {
      const rows = await this.db.contact.findMany({ where, select: { id: true, channel: true, externalId: true }, orderBy: { id: 'asc' }, take: batch });
      if (rows.length === 0) break;
      deleted += (await this.db.contact.deleteMany({ where: { ...where, id: { in: rows.map((r) => r.id) } } })).count;
      const left = new Set((await this.db.contact.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true } })).map((r) => r.id));
      purged.push(...rows.filter((r) => !left.has(r.id)).map(({ channel, externalId }) => ({ channel, externalId })));
      if (rows.length < batch || left.size === rows.length) break;
    }
    return { purged, deleted };
  }
}
