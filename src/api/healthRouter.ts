// Liveness and readiness for operators and load balancers.
import { Router } from 'express';
import type { Channel } from '../channels/channel.js';
import type { Db } from '../db/client.js';
import type { PollHealth } from '../services/results/poll/pollHealth.js';

export interface ReadinessFacts {
  db: Db;
  provider: string;
  flows: number;
  profiles: number;
  county: string;
  channels: Channel[];
  /** Where start-up stands: catching up on what was missed while no process ran, or running. */
  startup?: () => 'catching_up' | 'running';
  /** Results waiting for a person, and those of them escalated to the county: counts only, no ids. */
  results?: () => Promise<{ held: number; escalated: number }>;
  /** Women's requests for staff open, claimed, and escalated to the county: counts only, no ids. */
  handoffs?: () => Promise<{ open: number; claimed: number; escalated: number }>;
  /** The years of the holiday calendar, and a warning when a year the deadlines reach has none. */
  workdays?: () => { years: number[]; warning?: string };
  /** The SMS channel: whether it is offered (a gateway is configured) and its state and words. */
  sms?: () => { state: string; detail?: string; offered: boolean };
  /** The hospitals' result polls, each with its state (none polled: unset). */
  resultPolls?: () => Promise<PollHealth[]>;
}

export function healthRouter(facts: ReadinessFacts): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/readyz', async (_req, res) => {
    let database: { ok: boolean; provider: string; error?: string };
    try {
      await facts.db.$queryRaw`SELECT 1`;
      database = { ok: true, provider: facts.provider };
    } catch (err) {
      database = { ok: false, provider: facts.provider, error: (err as Error).message.split('\n')[0] };
    }
    const configOk = facts.flows > 0 && facts.profiles > 0;
    const channels = facts.channels.map((c) => {
      const { qrCode: _qr, ...status } = c.status();
      return status;
    });
    // a channel that is unavailable (no WeChat account) does not make the service unready; catching up
    // on the days missed while no process ran does (its reminders are still being planned)
    const startup = facts.startup?.() ?? 'running';
    const ready = database.ok && configOk && startup === 'running';
    // (told, never a reason to be unready: a missing calendar year counts Monday to Friday)
    const results = database.ok && facts.results ? await facts.results().catch(() => undefined) : undefined;
    const workdays = facts.workdays?.();
    const handoffs = database.ok && facts.handoffs ? await facts.handoffs().catch(() => undefined) : undefined;
    // A result poll failing, stale or off is reported (degraded) but never makes the service unready:
    // a hospital's laboratory system being down is no reason to take the bot out of the load
    // balancer (women's messages, bookings and the other ways results come in still work), and every
    // process would fail together, leaving nothing to answer. Operators alert on `degraded`.
    const polls = facts.resultPolls && database.ok ? await readPolls(facts.resultPolls) : undefined;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not_ready',
      startup,
      database,
      config: { ok: configOk, flows: facts.flows, profiles: facts.profiles, county: facts.county },
      channels,
      ...(facts.sms ? { sms: facts.sms() } : {}),
      ...(results ? { results } : {}),
      ...(workdays ? { workdays } : {}),
      ...(handoffs ? { handoffs } : {}),
      ...(polls ? { resultPolls: polls } : {}),
    });
  });
  return r;
}

async function readPolls(read: () => Promise<PollHealth[]>): Promise<{ degraded: boolean; connectors: PollHealth[] } | { degraded: true; error: string }> {
  try {
    const connectors = await read();
    return { degraded: connectors.some((c) => c.state !== 'ok' && c.state !== 'waiting'), connectors };
  } catch {
    return { degraded: true, error: 'unreadable' };
  }
}
