// How the dispatcher paces sends. The lead wires these from the environment (config.ts) and the
// profile (quiet hours); the defaults are conservative for a personal WeChat account.

export interface OutboxSettings {
  /** At least this long between two sends of one bot account (all processes together). */
  minIntervalMs: number;
  /** Plus a random pause in [0, maxJitterMs] after each send, so sends do not look machine-timed. */
  maxJitterMs: number;
  /** At most this many sends per bot account per Asia/Shanghai calendar day. */
  dailyCap: number;
  /** Quiet hours, Asia/Shanghai: nothing is sent from quietStartHour:00 to quietEndHour:00 (may wrap midnight; equal = none). */
  quietStartHour: number;
  quietEndHour: number;
  /** A claimed message not marked within this time (the process died) is claimed again. Keep it well above a send's duration. */
  claimTtlMs: number;
  /** A failed send is retried after backoffBaseMs · 2^(attempts-1), at most maxBackoffMs. */
  backoffBaseMs: number;
  maxBackoffMs: number;
  /** When WeChat says the account sends too often, the whole account pauses this long. */
  throttleBackoffMs: number;
  /** Real-time loop: the longest wait between two passes (new messages are picked up within it). Default 5000. */
  pollMs?: number;
  /** catchUp: at most this many passes (simulated send times) per call. Default 10000. */
  catchUpLimit?: number;
}

export const DEFAULT_OUTBOX_SETTINGS: Readonly<Required<OutboxSettings>> = Object.freeze({
  minIntervalMs: 8_000,
  maxJitterMs: 7_000,
  dailyCap: 500,
  quietStartHour: 21,
  quietEndHour: 8,
  claimTtlMs: 5 * 60_000,
  backoffBaseMs: 60_000,
  maxBackoffMs: 60 * 60_000,
  throttleBackoffMs: 6 * 60 * 60_000,
  pollMs: 5_000,
  catchUpLimit: 10_000,
});

/** Fills the optional settings and rejects nonsense (a bad value would silently stop or flood sends). */
export function resolveOutboxSettings(s: OutboxSettings): Required<OutboxSettings> {
  const r: Required<OutboxSettings> = {
    ...s,
    pollMs: s.pollMs ?? DEFAULT_OUTBOX_SETTINGS.pollMs,
    catchUpLimit: s.catchUpLimit ?? DEFAULT_OUTBOX_SETTINGS.catchUpLimit,
  };
  const nonNegative: (keyof OutboxSettings)[] = ['minIntervalMs', 'maxJitterMs', 'backoffBaseMs', 'maxBackoffMs', 'throttleBackoffMs'];
  for (const k of nonNegative) {
    if (!Number.isFinite(r[k]) || r[k] < 0) throw new Error(`outbox settings: ${k} must be a number >= 0`);
  }
  const positive: (keyof OutboxSettings)[] = ['dailyCap', 'claimTtlMs', 'pollMs', 'catchUpLimit'];
  for (const k of positive) {
    if (!Number.isFinite(r[k]) || r[k] <= 0) throw new Error(`outbox settings: ${k} must be a number > 0`);
  }
  for (const k of ['quietStartHour', 'quietEndHour'] as const) {
    if (!Number.isInteger(r[k]) || r[k] < 0 || r[k] > 23) throw new Error(`outbox settings: ${k} must be an hour 0-23`);
  }
  return r;
}
