// The one clock. Everything that needs "now" gets a Clock; the simulator and tests move it.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that runs with real time from an offset, and can only be moved forward. The simulator's
 * POST /simulator/clock and the tests use it.
 */
export class AdjustableClock implements Clock {
  private offsetMs: number;

  constructor(
    start?: Date,
    private readonly real: () => number = Date.now,
  ) {
    this.offsetMs = start ? start.getTime() - real() : 0;
  }

  now(): Date {
    return new Date(this.real() + this.offsetMs);
  }

  /** Moves the clock to `to`. Returns false (and does nothing) if `to` is in the clock's past. */
  advanceTo(to: Date): boolean {
    const delta = to.getTime() - this.now().getTime();
    if (delta < 0) return false;
    this.offsetMs += delta;
    return true;
  }
}

/** A clock that only moves when told to: for tests. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date): void {
    this.current = to;
  }
  advanceTo(to: Date): boolean {
    if (to.getTime() < this.current.getTime()) return false;
    this.current = to;
    return true;
  }
}
