// Where each woman is in a flow, and the facts and eligibility outcomes a turn produced: saved
// together in one transaction at the end of the turn, so nothing is half-written.
import type { Db } from '../db/client.js';

export interface ConversationState {
  flowId: string;
  stepId: string;
  vars: Record<string, unknown>;
  failures: number;
  lastActiveAt: Date;
  idleResetAt: Date | null;
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

export class ConversationStore {
  constructor(private readonly db: Db) {}

  async load(contactId: string): Promise<ConversationState | null> {
    const row = await this.db.conversation.findUnique({ where: { contactId } });
    if (!row) return null;
    return {
      flowId: row.flowId,
      stepId: row.stepId,
      vars: JSON.parse(row.varsJson) as Record<string, unknown>,
      failures: row.failures,
      lastActiveAt: row.lastActiveAt,
      idleResetAt: row.idleResetAt,
    };
  }

  async facts(contactId: string): Promise<Map<string, StoredFact>> {
    const rows = await this.db.fact.findMany({ where: { contactId } });
    return new Map(rows.map((r) => [r.key, { value: JSON.parse(r.valueJson) as unknown, updatedAt: r.updatedAt }]));
  }

  async saveTurn(contactId: string, state: ConversationState, facts: FactWrite[], checks: CheckWrite[], now: Date): Promise<void> {
    const data = {
      flowId: state.flowId,
      stepId: state.stepId,
      varsJson: JSON.stringify(state.vars),
      failures: state.failures,
      lastActiveAt: state.lastActiveAt,
      idleResetAt: state.idleResetAt,
    };
    await this.db.$transaction([
      ...facts.map((f) =>
        this.db.fact.upsert({
          where: { contactId_key: { contactId, key: f.key } },
          create: { contactId, key: f.key, valueJson: JSON.stringify(f.value), sensitive: f.sensitive, updatedAt: now },
          update: { valueJson: JSON.stringify(f.value), sensitive: f.sensitive, updatedAt: now },
        }),
      ),
      ...checks.map((c) => this.db.eligibilityCheck.create({ data: { contactId, ...c } })),
      this.db.conversation.upsert({ where: { contactId }, create: { contactId, ...data }, update: data }),
    ]);
  }

  /**
   * Resets conversations left in the middle of a question for longer than `idleMs`: they go back to
   * the start, and the next reply begins with a short note. Idempotent; returns how many were reset.
   */
  async resetIdle(now: Date, idleMs: number): Promise<number> {
    const cutoff = new Date(now.getTime() - idleMs);
    const result = await this.db.conversation.updateMany({
      // the privacy notice waits for her answer however long she takes
      where: { lastActiveAt: { lt: cutoff }, NOT: [{ stepId: '' }, { flowId: 'consent' }] },
      data: { flowId: '', stepId: '', varsJson: '{}', failures: 0, idleResetAt: now },
    });
    return result.count;
  }
}
