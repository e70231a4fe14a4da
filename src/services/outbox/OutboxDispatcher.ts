// Sends what the outbox holds, through the channels, paced per bot account and never at night.
// All state is in the database: any number of dispatchers (processes) share the work. Within one
// dispatcher, passes run one at a time (runOnce, catchUp and the real-time loop are serialized).
import type { MessageSender } from './senderPort.js';
import type { Clock } from '../../support/clock.js';
import type { Logger } from '../../support/logger.js';
import type { Db, Provider } from '../../db/client.js';
import { dispatchAccount, type Counts, type DispatchContext } from './dispatchAccount.js';
import { earliestDuePerAccount } from './outboxRows.js';
import { resolveOutboxSettings, type OutboxSettings } from './outboxSettings.js';
import type { DispatchReport } from './outboxTypes.js';
import { isQuiet } from './quietHours.js';
import { accountReadyAt, ensureSendAccount, readSendAccounts } from './sendAccounts.js';

export interface OutboxDispatcherDeps {
  db: Db;
  provider: Provider;
  /** By channel name ('wechat', 'simulator', 'sms'): the row's `channel` picks one. */
  channels: ReadonlyMap<string, MessageSender>;
  logger: Logger;
  /** Unique per dispatcher (process): recorded as claimedBy. */
  processId: string;
  settings: OutboxSettings;
  /** In [0, 1): draws the jitter. Default Math.random. */
  random?: () => number;
  /**
   * The bot accounts this process sends for (one WeChat login per process): messages of other accounts
   * are left to their processes. Default: every account.
   */
  accounts?: readonly string[];
  /**
   * Pacing of particular accounts instead of `settings` (the SMS gateway's account 'sms' is not a
   * personal WeChat account: shorter pauses, its own daily cap and throttle back-off).
   */
  accountSettings?: ReadonlyMap<string, AccountPacing>;
  /** How many accounts one pass serves at once. Default 4. */
  accountConcurrency?: number;
  /** For tests: runs after a send and before it is marked sent; throwing there acts like a crash. */
  beforeMarkSent?: (messageId: string) => void | Promise<void>;
  /** Asked just before a send: cancels a message, or gives it other words (see DispatchContext.review). */
  review?: DispatchContext['review'];
  /** Told of a message that failed for good (see DispatchContext.failedForGood). */
  failedForGood?: DispatchContext['failedForGood'];
}

export type AccountPacing = Partial<Pick<OutboxSettings, 'minIntervalMs' | 'maxJitterMs' | 'dailyCap' | 'throttleBackoffMs'>>;

const MIN_LOOP_DELAY_MS = 50;

const zero = (): Counts => ({ sent: 0, failed: 0, cancelled: 0, retried: 0, throttled: 0 });
const progress = (c: Counts) => c.sent + c.failed + c.cancelled + c.retried + c.throttled;
function add(into: Counts, c: Counts): void {
  into.sent += c.sent;
  into.failed += c.failed;
  into.cancelled += c.cancelled;
  into.retried += c.retried;
  into.throttled += c.throttled;
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      try {
        await fn(item);
      } catch (err) {
        errors.push(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}

export class OutboxDispatcher {
  private readonly ctx: DispatchContext;
  private readonly settings: Required<OutboxSettings>;
  /** The context of an account with its own pacing (accountSettings). */
  private readonly accountCtx = new Map<string, DispatchContext>();
  private readonly accounts?: readonly string[];
  /** While above 0, the real-time loop sends nothing (see whileHeld). */
  private holds = 0;
  private readonly concurrency: number;
  private tail: Promise<unknown> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(private readonly deps: OutboxDispatcherDeps) {
    this.settings = resolveOutboxSettings(deps.settings);
    this.accounts = deps.accounts;
    this.concurrency = Math.max(1, deps.accountConcurrency ?? 4);
    this.ctx = {
      db: deps.db,
      provider: deps.provider,
      channels: deps.channels,
      logger: deps.logger,
      processId: deps.processId,
      settings: this.settings,
      random: deps.random ?? Math.random,
      beforeMarkSent: deps.beforeMarkSent,
      review: deps.review,
      failedForGood: deps.failedForGood,
    };
    for (const [account, pacing] of deps.accountSettings ?? []) {
      this.accountCtx.set(account, { ...this.ctx, settings: resolveOutboxSettings({ ...this.settings, ...pacing }) });
    }
  }

  private ctxOf(account: string): DispatchContext {
    return this.accountCtx.get(account) ?? this.ctx;
  }

  /** One pass at `now`: sends what pacing allows at that instant (typically one message per account). */
  runOnce(now: Date): Promise<DispatchReport> {
    return this.serial(() => this.pass(now));
  }

  /**
   * Runs `fn` (a clock jump: the clock already shows where the jump ends) with the real-time loop
   * held, so that it does not send what falls due during the jump at the jump's end (too late, and
   * expired): the jump's catchUp sends it at its own simulated time.
   */
  async whileHeld<T>(fn: () => Promise<T>): Promise<T> {
    this.holds++;
    try {
      return await fn();
    } finally {
      this.holds--;
    }
  }

  /**
   * For a clock jump (the simulator): sends everything that would have gone out between `from` and
   * `to`, each at its paced simulated time (sentAt = that time), skipping quiet hours, respecting the
   * daily cap; at most settings.catchUpLimit passes. Returns the totals and the next due time after.
   */
  catchUp(from: Date, to: Date): Promise<DispatchReport> {
    return this.serial(async () => {
      const total = zero();
      // most stretches of a jump have nothing to send: one indexed read says so
      if (!(await this.anythingDueBy(to))) return total;
      let t = from;
      let last: DispatchReport = { ...zero() };
      for (let i = 0; i < this.settings.catchUpLimit && t.getTime() <= to.getTime(); i++) {
        last = await this.pass(t);
        add(total, last);
        const next = last.nextDueAt;
        if (!next || next.getTime() > to.getTime()) break;
        if (next.getTime() <= t.getTime()) {
          if (progress(last) === 0) break; // nothing can move at t (e.g. a channel is offline)
          continue;
        }
        t = next;
      }
      return { ...total, ...(last.nextDueAt ? { nextDueAt: last.nextDueAt } : {}) };
    });
  }

  /** Whether any of this process's accounts has a message that can be claimed by `to`. */
  private async anythingDueBy(to: Date): Promise<boolean> {
    const row = await this.deps.db.outboxMessage.findFirst({
      where: {
        ...(this.accounts ? { account: { in: [...this.accounts] } } : {}),
        OR: [
          { status: 'queued', notBefore: { lte: to } },
          { status: 'sending', claimedUntil: { lt: to } },
        ],
      },
      select: { id: true },
    });
    return row !== null;
  }

  /** One pass of the real-time loop at the clock's time; none while held (a clock jump is delivering). */
  realTimePass(clock: Clock): Promise<DispatchReport | undefined> {
    return this.serial(async () => (this.holds > 0 ? undefined : this.pass(clock.now())));
  }

  /** Starts the real-time loop: a pass now, then at the next possible send time, at most every pollMs. */
  start(clock: Clock): void {
    if (this.running) return;
    this.running = true;
    const tick = async () => {
      this.timer = undefined;
      if (!this.running) return;
      let delay = this.settings.pollMs;
      try {
        const report = await this.realTimePass(clock);
        if (report?.nextDueAt) {
          const wait = report.nextDueAt.getTime() - clock.now().getTime();
          // due now but nothing moved (offline channel, lost race): do not spin, poll
          delay = wait <= 0 && progress(report) === 0 ? this.settings.pollMs : Math.min(Math.max(wait, MIN_LOOP_DELAY_MS), this.settings.pollMs);
        }
      } catch (err) {
        this.deps.logger.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'outbox dispatch pass failed');
      }
      if (this.running) this.timer = setTimeout(() => void tick(), delay);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  /** Stops the loop; resolves once an in-flight pass (and its send) has finished. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.tail.catch(() => undefined);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async pass(now: Date): Promise<DispatchReport> {
    const counts = zero();
    if (!isQuiet(now, this.settings)) {
      const due = await earliestDuePerAccount(this.deps.db, this.accounts);
      const dueAccounts = [...due].filter(([, at]) => at.getTime() <= now.getTime()).map(([account]) => account);
      const states = await readSendAccounts(this.deps.db, dueAccounts);
      for (const account of dueAccounts) if (!states.has(account)) await ensureSendAccount(this.deps.db, account);
      await forEachLimited(dueAccounts, this.concurrency, (account) => dispatchAccount(this.ctxOf(account), account, states.get(account), now, counts));
    }
    const nextDueAt = await this.nextDueAt(now);
    return { ...counts, ...(nextDueAt ? { nextDueAt } : {}) };
  }

  /** The earliest instant >= now at which some account may send one of its queued messages. */
  private async nextDueAt(now: Date): Promise<Date | undefined> {
    const due = await earliestDuePerAccount(this.deps.db, this.accounts);
    if (due.size === 0) return undefined;
    const states = await readSendAccounts(this.deps.db, [...due.keys()]);
    let best: number | undefined;
    for (const [account, at] of due) {
      const from = new Date(Math.max(at.getTime(), now.getTime()));
      const ready = accountReadyAt(states.get(account), from, this.ctxOf(account).settings).getTime();
      if (best === undefined || ready < best) best = ready;
    }
    return best === undefined ? undefined : new Date(best);
  }
}
