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

  async findOrCreate(channel: ChannelName, externalId: string): Promise<ContactRecord> {
    const found = await this.db.contact.findUnique({ where: { channel_externalId: { channel, externalId } } });
    if (found) return found;
    try {
      return await this.db.contact.create({ data: { channel, externalId, account: this.account } });
    } catch {
      // another process created her at the same moment (unique channel+externalId)
      return this.db.contact.findUniqueOrThrow({ where: { channel_externalId: { channel, externalId } } });
    }
  }

  get(id: string): Promise<ContactRecord | null> {
    return this.db.contact.findUnique({ where: { id } });
  }
}
