// Consent (PIPL): the privacy notice, the separate health-data consent, and opting out of
// proactive messages.
import type { Db } from '../db/client.js';

export class ConsentService {
  constructor(
    private readonly db: Db,
    private readonly countyId: string,
  ) {}

  async give(contactId: string, now: Date): Promise<void> {
    await this.db.contact.update({ where: { id: contactId }, data: { consent: 'given', consentAt: now, regionId: this.countyId } });
  }

  /** She declined: keep only the channel id and the fact that she declined; nothing else exists yet. */
  async decline(contactId: string): Promise<void> {
    await this.db.$transaction([
      this.db.fact.deleteMany({ where: { contactId } }),
      this.db.contact.update({ where: { id: contactId }, data: { consent: 'declined', consentAt: null, healthConsentAt: null, regionId: null } }),
    ]);
  }

  async giveHealth(contactId: string, now: Date): Promise<void> {
    await this.db.contact.update({ where: { id: contactId }, data: { healthConsentAt: now } });
  }

  async setSubscribed(contactId: string, subscribed: boolean): Promise<void> {
    await this.db.contact.update({ where: { id: contactId }, data: { subscribed } });
  }
}
