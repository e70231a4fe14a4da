// One line of a follow-up case's history (append-only; codes and ids only, never what she said).
import type { Tx } from '../../db/client.js';

export async function followUpEvent(tx: Tx, caseId: string, kind: string, actor: string, at: Date, detail?: string): Promise<void> {
  await tx.followUpEvent.create({ data: { caseId, kind, actor, at, detail: detail ?? null } });
}
