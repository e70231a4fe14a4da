// Where each woman is in a flow, and the facts and eligibility outcomes a turn produced: saved
// together in one transaction at the end of the turn, so nothing is half-written.
import type { IdentityKeys } from '../support/identityKeys.js';
import type { Db, Tx } from '../db/client.js';
import { isUniqueViolation, runTransaction } from '../db/transaction.js';
import { readEngineState, writeEngineState, type ConversationState } from './conversationState.js';

export type { ConversationState, EngineState, Frame, ShownOption } from './conversationState.js';

/** Waiting on these never times out: the privacy notice, and the menu (an answer to it is always welcome). */
export const IDLE_EXEMPT_FLOWS: ReadonlySet<string> = new Set(['consent', 'menu']);

/** Changes to her contact row a turn made (consent, health consent, subscription). */
export interface ContactPatch {
  consent?: string;
  consentAt?: Date | null;
  healthConsentAt?: Date | null;
  subscribed?: boolean;
  regionId?: string | null;
}

export interface TurnWrite {
  state: ConversationState;
  facts: FactWrite[];
  checks: CheckWrite[];
  contact: ContactPatch;
  /** Forget her answers (she wants to answer again, or declined the notice). */
  clearFacts: boolean;
  /** Forget these of her answers (she answers that question again); `facts` written after. */
  forgetFacts?: string[];
  /** Her own resident ID number, given as her birth date: kept as a keyed hash and a sealed copy. */
  ownIdNumber?: string;
  now: Date;
}

/** Another process saved a turn for the same contact first: run the turn again on fresh state. */
export class StaleTurnError extends Error {
  constructor() {
    super('the conversation changed while this turn ran');
  }
}

export interface FactWrite {
  key: string;
  value: unknown;
  sensitive: boolean;
}

export interface CheckWrite {
  programme: string;
  eligible: boolean;
  reasonCode?: string;
  nextEligibleOn?: string;
  checkedAt: Date;
}

export interface StoredFact {
  value: unknown;
  updatedAt: Date;
}

/**
 * Called inside the transaction that saves a turn which changed her contact row or recorded an
 * eligibility answer (e.g. 退订 cancels her queued messages with it).
 */
export type TurnSaved = (tx: Tx, contactId: string, w: TurnWrite) => Promise<void>;

export class ConversationStore {
  constructor(
    private readonly db: Db,
    private readonly onSaved: TurnSaved = async () => undefined,
    /** Hashes and seals her ID number; without it (ID_HASH_KEY unset) the number is not kept at all. */
    private readonly identity?: IdentityKeys,
  ) {}

  async load(contactId: string): Promise<ConversationState | null> {
    const row = await this.db.conversation.findUnique({ where: { contactId } });
    if (!row) return null;
    const vars = JSON.parse(row.varsJson) as Record<string, unknown>;
    return {
      flowId: row.flowId,
      stepId: row.stepId,
      vars,
      engine: readEngineState(row.engineJson, vars),
      failures: row.failures,
      lastActiveAt: row.lastActiveAt,
      idleResetAt: row.idleResetAt,
      version: row.version,
    };
  }

  async facts(contactId: string): Promise<Map<string, StoredFact>> {
    const rows = await this.db.fact.findMany({ where: { contactId } });
    return new Map(rows.map((r) => [r.key, { value: JSON.parse(r.valueJson) as unknown, updatedAt: r.updatedAt }]));
  }

  /** Saves everything a turn changed in one transaction, refusing it if another turn came first. */
  async saveTurn(contactId: string, w: TurnWrite): Promise<void> {
    const { state, now } = w;
    const data = {
      flowId: state.flowId,
      stepId: state.stepId,
      varsJson: JSON.stringify(state.vars),
      engineJson: writeEngineState(state.engine),
      failures: state.failures,
      lastActiveAt: state.lastActiveAt,
      idleResetAt: state.idleResetAt,
    };
    try {
      await runTransaction(this.db, async (tx) => {
        if (state.version === null) {
          await tx.conversation.create({ data: { contactId, ...data, version: 1 } });
        } else {
          const updated = await tx.conversation.updateMany({
            where: { contactId, version: state.version },
            data: { ...data, version: { increment: 1 } },
          });
          if (updated.count === 0) throw new StaleTurnError();
        }
        if (Object.keys(w.contact).length > 0) await tx.contact.update({ where: { id: contactId }, data: w.contact });
        if (w.clearFacts) {
          await tx.fact.deleteMany({ where: { contactId } });
          await tx.contactIdentity.deleteMany({ where: { contactId } });
        }
        // (her birth date answered again: the ID number it was read from goes with it, unless given again)
        if (w.forgetFacts?.includes('birthDate')) await tx.contactIdentity.deleteMany({ where: { contactId } });
        if (w.ownIdNumber && this.identity) {
          const kept = { idHash: this.identity.hash(w.ownIdNumber), idSealed: this.identity.seal(w.ownIdNumber), updatedAt: now };
          await tx.contactIdentity.upsert({ where: { contactId }, create: { contactId, ...kept, createdAt: now }, update: kept });
        }
        if (w.forgetFacts?.length) await tx.fact.deleteMany({ where: { contactId, key: { in: w.forgetFacts } } });
        for (const f of w.facts) {
          const valueJson = JSON.stringify(f.value);
          await tx.fact.upsert({
            where: { contactId_key: { contactId, key: f.key } },
            create: { contactId, key: f.key, valueJson, sensitive: f.sensitive, updatedAt: now },
            update: { valueJson, sensitive: f.sensitive, updatedAt: now },
          });
        }
        if (w.checks.length > 0) await tx.eligibilityCheck.createMany({ data: w.checks.map((c) => ({ contactId, ...c })) });
        if (Object.keys(w.contact).length > 0 || w.checks.length > 0) await this.onSaved(tx, contactId, w);
      });
    } catch (err) {
      if (err instanceof StaleTurnError) throw err;
      // a conversation row created meanwhile by another process (unique contactId)
      if (state.version === null && isUniqueViolation(err)) throw new StaleTurnError();
      throw err;
    }
  }

  /**
   * Resets conversations left in the middle of a question for longer than `idleMs`: they go back to
   * the start, and the next reply begins with a short note. One waiting at the privacy notice or the
   * menu keeps its place, but the engine state is dropped (what her first message asked for, kept
   * while she read the notice, is not kept while she is silent). Idempotent; returns how many
   * conversations were reset or dropped their engine state.
   */
  async resetIdle(now: Date, idleMs: number): Promise<number> {
    const cutoff = new Date(now.getTime() - idleMs);
    const reset = await this.db.conversation.updateMany({
      where: { lastActiveAt: { lt: cutoff }, stepId: { not: '' }, flowId: { notIn: [...IDLE_EXEMPT_FLOWS] } },
      data: { flowId: '', stepId: '', varsJson: '{}', engineJson: '{}', failures: 0, idleResetAt: now, version: { increment: 1 } },
    });
    const purged = await this.db.conversation.updateMany({
      where: { lastActiveAt: { lt: cutoff }, flowId: { in: [...IDLE_EXEMPT_FLOWS] }, engineJson: { not: '{}' } },
      data: { engineJson: '{}', version: { increment: 1 } },
    });
    return reset.count + purged.count;
  }
}
