// Periodic jobs: ticked by node-cron in real time, and replayed when the simulator moves the clock.
// Each job is idempotent and safe in several processes; when each last ran is kept in the database.
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../support/clock.js';
import type { Logger } from '../support/logger.js';
import type { Db } from '../db/client.js';
import { cronExpression, lastRunTimeBetween, runTimesBetween, type Schedule } from './schedule.js';

export interface Job {
  name: string;
  schedule: Schedule;
  /**
   * After a clock jump: 'each' runs at every missed run time (daily planners), 'latest' only once at
   * the last one (sweeps that catch up by themselves).
   */
  catchUp: 'each' | 'latest';
  /** At start, after no process ran (default: as `catchUp`): 'latest' skips days long past. */
  catchUpAtStart?: 'each' | 'latest';
  /** 'each': at most this many of the most recent missed runs (default 1000). */
  catchUpLimit?: number;
  /**
   * Catching up only (a clock jump, or a start after a stop): of these run times, those at which the
   * data say a run may have work (the planner: days someone is due), read at once for all of them.
   * The others are skipped, so a long jump costs the days that have work. Asked of the data, never
   * decided on timing alone; asked again after any run that did work (it may have changed the data).
   */
  busyAmong?(times: readonly Date[]): Promise<Date[]>;
  run(now: Date): Promise<void>;
}

/** How many of a job's missed runs one look-ahead covers (a month of evenings). */
const LOOK_AHEAD_RUNS = 31;

export class JobScheduler {
  private tasks: ScheduledTask[] = [];
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly jobs: Job[],
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  start(): void {
    for (const job of this.jobs) {
      const task = cron.schedule(cronExpression(job.schedule), () => this.serial(() => this.runJob(job, this.clock.now())), {
        name: job.name,
        timezone: 'Asia/Shanghai',
        noOverlap: true,
      });
      this.tasks.push(task);
    }
  }

  async stop(): Promise<void> {
    // a catch-up under way stops after the run in hand (each run is recorded: the next start goes on)
    this.stopped = true;
    for (const t of this.tasks) await t.destroy();
    this.tasks = [];
    await this.running;
  }

  /**
   * Runs every job that would have run between `from` and `to` (a clock jump), oldest first;
   * `beforeRun` is awaited before each run with its time (the simulator sends what fell due until
   * then, so each job sees the world as it would have been).
   */
  catchUp(from: Date, to: Date, beforeRun?: (at: Date) => Promise<void>): Promise<void> {
    return this.serial(async () => {
      const due: { at: Date; job: Job }[] = [];
      for (const job of this.jobs) {
        if (job.catchUp === 'each') {
          for (const at of runTimesBetween(job.schedule, from, to, job.catchUpLimit)) due.push({ at, job });
        } else {
          const at = lastRunTimeBetween(job.schedule, from, to);
          if (at) due.push({ at, job });
        }
      }
      due.sort((a, b) => a.at.getTime() - b.at.getTime());
      await this.runDue(due, beforeRun);
    });
  }

  /**
   * At start: runs what was missed while no process was running (from each job's last run), all
   * jobs' runs in time order as a clock jump does (each evening's marking, planning and no-shows see
   * the world as it was then: a visit is reminded before it is marked missed).
   */
  async catchUpMissed(now: Date): Promise<void> {
    const runs = await this.db.jobRun.findMany();
    const last = new Map(runs.map((r) => [r.name, r.lastRunAt]));
    await this.serial(async () => {
      const due: { at: Date; job: Job }[] = [];
      for (const job of this.jobs) {
        const from = last.get(job.name);
        if (!from) continue;
        const times =
          (job.catchUpAtStart ?? job.catchUp) === 'each'
            ? runTimesBetween(job.schedule, from, now, job.catchUpLimit)
            : [lastRunTimeBetween(job.schedule, from, now)];
        for (const at of times) if (at) due.push({ at, job });
      }
      due.sort((a, b) => a.at.getTime() - b.at.getTime());
      await this.runDue(due);
    });
  }

  /**
   * Runs the missed runs in order, skipping those at which the job's data say it has no work (and
   * what would have been sent before them: it goes before the next run that does, or after the
   * jump). A job whose last missed run was skipped is still recorded as having run then.
   */
  private async runDue(due: { at: Date; job: Job }[], beforeRun?: (at: Date) => Promise<void>): Promise<void> {
    const skipped = new Map<Job, Date>();
    // per job, which of its next runs (at most LOOK_AHEAD_RUNS, up to `until`) may have work;
    // forgotten whenever a run did work (it may have changed the data)
    const busy = new Map<Job, { times: Set<number>; until: number }>();
    for (const [i, d] of due.entries()) {
      if (this.stopped) return;
      if (d.job.busyAmong) {
        let ahead = busy.get(d.job);
        if (!ahead || d.at.getTime() > ahead.until) {
          const next = due
            .slice(i)
            .filter((x) => x.job === d.job)
            .slice(0, LOOK_AHEAD_RUNS)
            .map((x) => x.at);
          ahead = { times: await this.busyTimes(d.job, next), until: next[next.length - 1].getTime() };
          busy.set(d.job, ahead);
        }
        if (!ahead.times.has(d.at.getTime())) {
          skipped.set(d.job, d.at);
          continue;
        }
      }
      skipped.delete(d.job);
      await beforeRun?.(d.at);
      await this.runJob(d.job, d.at);
      busy.clear();
    }
    for (const [job, at] of skipped) await this.recordRun(job, at).catch((err) => this.logger.error({ err, job: job.name }, 'job run not recorded'));
  }

  private async busyTimes(job: Job, times: Date[]): Promise<Set<number>> {
    try {
      return new Set((await job.busyAmong!(times)).map((t) => t.getTime()));
    } catch (err) {
      // unsure: every run goes ahead
      this.logger.error({ err, job: job.name }, 'job look-ahead failed');
      return new Set(times.map((t) => t.getTime()));
    }
  }

  names(): string[] {
    return this.jobs.map((j) => j.name);
  }

  private serial(task: () => Promise<void>): Promise<void> {
    const next = this.running.then(task, task);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async runJob(job: Job, at: Date): Promise<void> {
    try {
      await job.run(at);
      await this.recordRun(job, at);
    } catch (err) {
      this.logger.error({ err, job: job.name }, 'job failed');
    }
  }

  private async recordRun(job: Job, at: Date): Promise<void> {
    await this.db.jobRun.upsert({ where: { name: job.name }, create: { name: job.name, lastRunAt: at }, update: { lastRunAt: at } });
  }
}
