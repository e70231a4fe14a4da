// 我的信息 and 删除我的信息: everything stored about her, and deleting all of it.
import type { Db } from '../db/client.js';

export interface StoredData {
  consent: string;
  consentAt: Date | null;
  healthConsentAt: Date | null;
  subscribed: boolean;
  regionId: string | null;
  facts: { key: string; value: unknown; sensitive: boolean }[];
  checks: { programme: string; eligible: boolean; reasonCode: string | null; nextEligibleOn: string | null; checkedAt: Date }[];
}

export class MyDataService {
  constructor(private readonly db: Db) {}

  async collect(contactId: string): Promise<StoredData | null> {
    const contact = await this.db.contact.findUnique({
      where: { id: contactId },
      include: { facts: { orderBy: { key: 'asc' } }, checks: { orderBy: { checkedAt: 'asc' } } },
    });
    if (!contact) return null;
    return {
      consent: contact.consent,
      consentAt: contact.consentAt,
      healthConsentAt: contact.healthConsentAt,
      subscribed: contact.subscribed,
      regionId: contact.regionId,
      facts: contact.facts.map((f) => ({ key: f.key, value: JSON.parse(f.valueJson) as unknown, sensitive: f.sensitive })),
      checks: contact.checks.map((c) => ({
        programme: c.programme,
        eligible: c.eligible,
        reasonCode: c.reasonCode,
        nextEligibleOn: c.nextEligibleOn,
        checkedAt: c.checkedAt,
      })),
    };
  }

  /** Deletes every row about her in one transaction (the contact row cascades to the rest). */
  async deleteAll(contactId: string): Promise<void> {
    await this.db.$transaction([
      this.db.eligibilityCheck.deleteMany({ where: { contactId } }),
      this.db.fact.deleteMany({ where: { contactId } }),
      this.db.conversation.deleteMany({ where: { contactId } }),
      this.db.contact.deleteMany({ where: { id: contactId } }),
    ]);
  }
}
