// One serialized sender per WeChat account: WeChat throttles and bans accounts that send fast, so every send of
// the account (replies and proactive messages, all chats together) goes through this single line, with an
// optional minimum pause plus jitter between two sends.
//
// Pacing (when minIntervalMs > 0): a send starts no earlier than minIntervalMs + jitter after the previous send
// ended, where jitter is drawn uniformly from [0, MAX_JITTER_FRACTION × minIntervalMs). So two sends are always at
// least minIntervalMs apart and the pause is never longer than 1.5 × minIntervalMs (the wait is clamped to that
// bound even if the clock misbehaves). Time comes from a monotonic clock, so wall-clock changes do not matter.

/** Anything Wechaty can say a text to: a Contact or a Room. */
export interface SayTarget {
  say(text: string): Promise<unknown>;
}

/** The jitter is at most this fraction of the minimum interval. */
export const MAX_JITTER_FRACTION = 0.5;

/** Time and randomness the sender uses; tests inject fakes. */
export interface SenderClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

const systemClock: SenderClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export class AccountSender {
  private tail: Promise<void> = Promise.resolve();
  private lastSentAt?: number;
  private readonly minIntervalMs: number;
  private readonly clock: SenderClock;

  constructor(minIntervalMs: number, clock: Partial<SenderClock> = {}) {
    this.minIntervalMs = Number.isFinite(minIntervalMs) && minIntervalMs > 0 ? minIntervalMs : 0;
    this.clock = { ...systemClock, ...clock };
  }

  /** The longest pause ever put between two sends. */
  get maxIntervalMs(): number {
    return this.minIntervalMs * (1 + MAX_JITTER_FRACTION);
  }

  send(target: SayTarget, text: string): Promise<void> {
    const run = async (): Promise<void> => {
      const notBefore = this.notBefore();
      // A loop, not one sleep: a timer may fire a fraction of a millisecond early.
      for (let left = notBefore - this.clock.now(); left > 0; left = notBefore - this.clock.now()) {
        await this.clock.sleep(Math.ceil(left));
      }
      try {
        await target.say(text);
      } finally {
        this.lastSentAt = this.clock.now();
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** The earliest time the next send may start: at most maxIntervalMs from now. */
  private notBefore(): number {
    const now = this.clock.now();
    if (this.minIntervalMs === 0 || this.lastSentAt === undefined) return now;
    const drawn = this.clock.random();
    const random = Number.isFinite(drawn) ? Math.min(Math.max(drawn, 0), 1) : 0;
    const jitter = random * this.minIntervalMs * MAX_JITTER_FRACTION;
    return Math.min(this.lastSentAt + this.minIntervalMs + jitter, now + this.maxIntervalMs);
  }
}
