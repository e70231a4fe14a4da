// The channel's current status, with a way to wait for it to change.
import type { ChannelState, ChannelStatus } from '../channel.js';
import { STATUS_TEXT } from './statusText.js';

export class StatusTracker {
  private current: ChannelStatus = { name: 'wechat', state: 'off', detail: STATUS_TEXT.off };
  private waiters: Array<() => void> = [];
  private frozen = false;

  get(): ChannelStatus {
    return { ...this.current };
  }

  get state(): ChannelState {
    return this.current.state;
  }

  get qrCode(): string | undefined {
    return this.current.qrCode;
  }

  /** Sets the status; ignored once frozen (after stop), unless forced. */
  set(state: ChannelState, detail: string, qrCode?: string, force = false): void {
    if (this.frozen && !force) return;
    this.current = { name: 'wechat', state, detail, ...(qrCode ? { qrCode } : {}) };
    this.wake();
  }

  /** Final status: later events (a puppet's late timers) no longer change it. */
  freeze(state: ChannelState, detail: string): void {
    this.set(state, detail, undefined, true);
    this.frozen = true;
    this.wake();
  }

  get isFrozen(): boolean {
    return this.frozen;
  }

  /** Resolves once the state is no longer `state` (or the tracker is frozen). */
  waitWhile(state: ChannelState): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.current.state !== state || this.frozen) resolve();
        else this.waiters.push(check);
      };
      check();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}
