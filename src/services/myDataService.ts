// 我的信息 and 删除我的信息: everything stored about her, and deleting all of it.
import { eraseFreedData, type Db, type Tx } from '../db/client.js';
import { runTransaction } from '../db/transaction.js';
import { RESCREEN_CHECK_PREFIX } from './results/rescreenAfterResult.js';

export interface StoredData {
  consent: string;
  consentAt: Date | null;
  healthConsentAt: Date | null;
  subscribed: boolean;
  regionId: string | null;
  facts: { key: string; value: unknown; sensitive: boolean }[];
  /** Her ID number is kept (hashed and sealed) to match her results. */
  idNumberKept: boolean;
  /** fromResult: written by a normal result told to her, not answered by her (src/services/results/rescreenAfterResult.ts). */
  checks: { programme: string; eligible: boolean; reasonCode: string | null; nextEligibleOn: string | null; checkedAt: Date; fromResult: boolean }[];
}

/** Work that must happen in the deletion's transaction first (e.g. releasing her booked seats). */
export type BeforeDelete = (tx: Tx, contactId: string, now: Date) => Promise<void>;

export class MyDataService {
  constructor(
    private readonly db: Db,
    private readonly beforeDelete: BeforeDelete = async () => undefined,
  ) {}

  async collect(contactId: string): Promise<StoredData | null> {
    const contact = await this.db.contact.findUnique({
      where: { id: contactId },
      include: { facts: { orderBy: { key: 'asc' } }, checks: { orderBy: { checkedAt: 'asc' } }, identity: { select: { contactId: true } } },
    });
    if (!contact) return null;
    return {
      consent: contact.consent,
      consentAt: contact.consentAt,
      healthConsentAt: contact.healthConsentAt,
      subscribed: contact.subscribed,
      regionId: contact.regionId,
      facts: contact.facts.map((f) => ({ key: f.key, value: JSON.parse(f.valueJson) as unknown, sensitive: f.sensitive })),
      idNumberKept: !!contact.identity,
      checks: contact.checks.map((c) => ({
        programme: c.programme,
        eligible: c.eligible,
        reasonCode: c.reasonCode,
        nextEligibleOn: c.nextEligibleOn,
        checkedAt: c.checkedAt,
        fromResult: c.id.startsWith(RESCREEN_CHECK_PREFIX),
      })),
    };
  }

  /**
   * Deletes every row about her in one transaction: her booked seats are released first, then the
   * contact row and everything that cascades from it (facts, outcomes, bookings, waitlist, outbox).
   */
  async deleteAll(contactId: string, now: Date): Promise<void> {
    await runTransaction(this.db, async (tx) => {
      await this.beforeDelete(tx, contactId, now);
      await tx.eligibilityCheck.deleteMany({ where: { contactId } });
      await tx.fact.deleteMany({ where: { contactId } });
      await tx.contactIdentity.deleteMany({ where: { contactId } });
      await tx.conversation.deleteMany({ where: { contactId } });
      await tx.outboxMessage.deleteMany({ where: { contactId } });
      await tx.waitlistEntry.deleteMany({ where: { contactId } });
      await tx.booking.deleteMany({ where: { contactId } });
      // her chat lines and her requests for staff (the audit keeps ids only)
      await tx.chatLine.deleteMany({ where: { contactId } });
      await tx.handoffRequest.deleteMany({ where: { contactId } });
      // her screening results are the programme's records (design.md invariant 4): kept, unlinked from
      // her for good (no chat, no visit code to match her by again)
      await tx.screeningResult.updateMany({
        where: { contactId },
        data: { contactId: null, visitCode: null, matchState: 'unlinked', unmatchedReason: null, updatedAt: now },
      });
      await tx.contact.deleteMany({ where: { id: contactId } });
    });
    // (and from the database file: freed pages zeroed, a write-ahead log truncated)
    await eraseFreedData(this.db);
  }
}
