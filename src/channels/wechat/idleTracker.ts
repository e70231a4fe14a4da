// Counts the inbound work in flight (messages being fetched, handled or answered, friend requests, sends) so that
// tests and shutdown can wait for quiet instead of sleeping.
export class IdleTracker {
  private pending = 0;
  private waiters: Array<() => void> = [];

  /** Marks one unit of work as started; call the returned function exactly once when it ends. */
  begin(): () => void {
    this.pending += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.pending -= 1;
      if (this.pending === 0) this.flush();
    };
  }

  /** Runs `work` as one tracked unit. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const end = this.begin();
    try {
      return await work();
    } finally {
      end();
    }
  }

  get busy(): boolean {
    return this.pending > 0;
  }

  /** Resolves once nothing is in flight (at once if nothing is). */
  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private flush(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
