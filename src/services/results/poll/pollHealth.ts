// How each result poll stands, for /readyz: ok; failing (failures in a row and the last error code,
// never a body); stale (no success for several intervals); waiting (not polled yet since start);
// off (its credentials variable is not set).
import type { Db } from '../../../db/client.js';
import type { PollConnector } from './pollConnectors.js';

/** No success for this many intervals: stale. */
export const STALE_INTERVALS = 3;

export interface PollHealth {
  hospitalId: string;
  state: 'ok' | 'failing' | 'stale' | 'waiting' | 'off';
  failures?: number;
  lastError?: string;
  lastOkAt?: string;
  /** off: the environment variable to set */
  variable?: string;
}

type StateRow = { hospitalId: string; failures: number; lastError: string | null; lastOkAt: Date | null };

/** Pure: the health of each connector from its state row (none before its first poll). */
export function pollHealth(connectors: readonly PollConnector[], rows: readonly StateRow[], now: Date, since: Date): PollHealth[] {
  const byId = new Map(rows.map((r) => [r.hospitalId, r]));
  return connectors.map((c): PollHealth => {
    const hospitalId = c.hospitalId;
    if (c.off) return { hospitalId, state: 'off', variable: c.off.variable };
    const row = byId.get(hospitalId);
    const lastOkAt = row?.lastOkAt ? { lastOkAt: row.lastOkAt.toISOString() } : {};
    if (row && row.failures > 0)
      return { hospitalId, state: 'failing', failures: row.failures, ...(row.lastError ? { lastError: row.lastError } : {}), ...lastOkAt };
    const staleAfter = STALE_INTERVALS * c.settings.intervalMinutes * 60_000;
    // (never a success: counted from the start of this process)
    const from = row?.lastOkAt ?? since;
    if (now.getTime() - from.getTime() > staleAfter) return { hospitalId, state: 'stale', ...lastOkAt };
    return { hospitalId, state: row?.lastOkAt ? 'ok' : 'waiting', ...lastOkAt };
  });
}

/** The health of every connector, read now. */
export async function readPollHealth(db: Db, connectors: readonly PollConnector[], now: Date, since: Date): Promise<PollHealth[]> {
  const rows = await db.resultPollState.findMany({
    where: { hospitalId: { in: connectors.map((c) => c.hospitalId) } },
    select: { hospitalId: true, failures: true, lastError: true, lastOkAt: true },
  });
  return pollHealth(connectors, rows, now, since);
}
