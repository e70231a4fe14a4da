// The gateway's per-message status reports: a message it accepted (outbox 'sent') becomes
// 'delivered' when the phone got it, or 'failed' (lastError "undelivered: <code>") when it never
// arrived; a failed delivery is not sent again by itself (the number may be switched off or closed).
// A report for a message not (yet) marked sent, or unknown, changes nothing.
import type { Db } from '../../db/client.js';

export interface SmsReport {
  /** The outbox message's id (sent to the gateway as outId). */
  outId: string;
  success: boolean;
  /** The gateway's code (DELIVERED, MK:0001, …). */
  errCode?: string;
}

/** A gateway's code as stored: letters, digits and : . _ - only, short. */
const safeCode = (code: string | undefined) => (code ?? 'unknown').replace(/[^\w:.-]/g, '').slice(0, 40) || 'unknown';

export async function applySmsReports(db: Db, reports: readonly SmsReport[]): Promise<{ updated: number; ignored: number }> {
  let updated = 0;
  for (const r of reports) {
    const { count } = await db.outboxMessage.updateMany({
      where: { id: r.outId, channel: 'sms', status: 'sent' },
      data: r.success ? { status: 'delivered' } : { status: 'failed', lastError: `undelivered: ${safeCode(r.errCode)}` },
    });
    updated += count;
  }
  return { updated, ignored: reports.length - updated };
}
