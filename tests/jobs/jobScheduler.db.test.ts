// The job scheduler's catching up, on a real database (when each job last ran is kept there): after a
// stop, a job with catchUpAtStart 'latest' runs once, at its latest missed time, while a clock jump
// still runs it at every time passed; and the reminder jobs after a stop mark every day's missed
// windows and plan every missed evening.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../src/support/clock.js';
import { createLogger } from '../../src/support/logger.js';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { JobScheduler, type Job } from '../../src/jobs/JobScheduler.js';
import { reminderJobs } from '../../src/jobs/reminderJobs.js';
import type { ReminderPlanner } from '../../src/services/reminders/ReminderPlanner.js';
import { createTestDatabase, dbUnavailable, testProvider, type TestDatabase } from '../support/testDb.js';

const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const logger = createLogger('silent');

describe.skipIf(dbUnavailable)(`JobScheduler catching up (${testProvider})`, () => {
  let database: TestDatabase;
  let h: DbHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
  });
  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await h.db.jobRun.deleteMany();
  });

  /** A daily 20:00 job that records the instants it ran at (Asia/Shanghai 'YYYY-MM-DD HH:mm'). */
  function recorder(name: string, o: Partial<Job> = {}) {
    const ran: string[] = [];
    const job: Job = {
      name,
      schedule: { every: 'day', hour: 20, minute: 0 },
      catchUp: 'each',
      async run(now) {
        ran.push(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' '));
      },
      ...o,
    };
    return { job, ran };
  }
  const lastRun = async (name: string) => (await h.db.jobRun.findUnique({ where: { name } }))?.lastRunAt;
  const scheduler = (jobs: Job[], now: Date) => new JobScheduler(h.db, jobs, new FixedClock(now), logger);

  it("catchUpAtStart 'latest': after a stop it runs once, at the latest time missed", async () => {
    const latest = recorder('latest', { catchUpAtStart: 'latest' });
    const each = recorder('each');
    const never = recorder('never', { catchUpAtStart: 'latest' });
    await h.db.jobRun.createMany({
      data: [
        { name: 'latest', lastRunAt: sh('2026-03-01 20:00') },
        { name: 'each', lastRunAt: sh('2026-03-01 20:00') },
      ],
    });
    const now = sh('2026-03-05 15:00');
    await scheduler([latest.job, each.job, never.job], now).catchUpMissed(now);
    expect(latest.ran).toEqual(['2026-03-04 20:00']);
    expect(each.ran).toEqual(['2026-03-02 20:00', '2026-03-03 20:00', '2026-03-04 20:00']);
    // a job that never ran anywhere has nothing to catch up
    expect(never.ran).toEqual([]);
    expect(await lastRun('latest')).toEqual(sh('2026-03-04 20:00'));
    expect(await lastRun('each')).toEqual(sh('2026-03-04 20:00'));
    expect(await lastRun('never')).toBeUndefined();

    // started again the same day: nothing more is due
    await scheduler([latest.job, each.job], now).catchUpMissed(now);
    expect(latest.ran).toEqual(['2026-03-04 20:00']);
    expect(each.ran).toHaveLength(3);
  });

  it("a clock jump still runs a catchUpAtStart 'latest' job at every time passed, oldest first, with the other jobs", async () => {
    const latest = recorder('latest', { catchUpAtStart: 'latest' });
    const order: string[] = [];
    const early = recorder('early', { schedule: { every: 'day', hour: 19, minute: 55 } });
    const wrap = (r: ReturnType<typeof recorder>) => ({ ...r.job, run: async (now: Date) => (order.push(r.job.name), r.job.run(now)) });
    await scheduler([wrap(latest), wrap(early)], sh('2026-03-01 21:00')).catchUp(sh('2026-03-01 21:00'), sh('2026-03-04 10:00'));
    expect(latest.ran).toEqual(['2026-03-02 20:00', '2026-03-03 20:00']);
    expect(early.ran).toEqual(['2026-03-02 19:55', '2026-03-03 19:55']);
    expect(order).toEqual(['early', 'latest', 'early', 'latest']);
  });

  it('a clock jump calls beforeRun with each run time, just before that run (the simulator sends what fell due)', async () => {
    const order: string[] = [];
    const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    const job = recorder('daily').job;
    const logged: Job = { ...job, run: async (now) => void order.push(`run ${fmt(now)}`) };
    await scheduler([logged], sh('2026-03-01 21:00')).catchUp(
      sh('2026-03-01 21:00'),
      sh('2026-03-03 21:00'),
      async (at) => void order.push(`before ${fmt(at)}`),
    );
    expect(order).toEqual(['before 2026-03-02 20:00', 'run 2026-03-02 20:00', 'before 2026-03-03 20:00', 'run 2026-03-03 20:00']);
  });

  it('each, at start, is bounded by catchUpLimit (the most recent runs)', async () => {
    const limited = recorder('limited', { catchUpLimit: 2 });
    await h.db.jobRun.create({ data: { name: 'limited', lastRunAt: sh('2026-01-01 20:00') } });
    await scheduler([limited.job], sh('2026-03-05 21:00')).catchUpMissed(sh('2026-03-05 21:00'));
    expect(limited.ran).toEqual(['2026-03-04 20:00', '2026-03-05 20:00']);
  });

  it('a failing run is not recorded as run, so the next start tries it again', async () => {
    let fail = true;
    const flaky = recorder('flaky', { catchUpAtStart: 'latest' });
    const job: Job = {
      ...flaky.job,
      run: async (now) => {
        if (fail) throw new Error('database away');
        await flaky.job.run(now);
      },
    };
    await h.db.jobRun.create({ data: { name: 'flaky', lastRunAt: sh('2026-03-01 20:00') } });
    await scheduler([job], sh('2026-03-03 09:00')).catchUpMissed(sh('2026-03-03 09:00'));
    expect(await lastRun('flaky')).toEqual(sh('2026-03-01 20:00'));
    fail = false;
    await scheduler([job], sh('2026-03-03 09:30')).catchUpMissed(sh('2026-03-03 09:30'));
    expect(flaky.ran).toEqual(['2026-03-02 20:00']);
    expect(await lastRun('flaky')).toEqual(sh('2026-03-02 20:00'));
  });

  describe('the reminder jobs', () => {
    function fakePlanner() {
      const calls: string[] = [];
      const at = (now: Date) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
      const planner = {
        async markMissed(day: string, now: Date) {
          calls.push(`markMissed ${day} @${at(now)}`);
          return 0;
        },
        async planDay(day: string, now: Date) {
          calls.push(`planDay ${day} @${at(now)}`);
          return { planned: 0, queued: 0 };
        },
        // (work every day unless a test says otherwise)
        async daysWithWindowsClosing(days: string[]) {
          return new Set(days.filter((d) => !idleDays.has(`markMissed ${d}`)));
        },
        async daysWithPlansDue(days: string[]) {
          return new Set(days.filter((d) => !idleDays.has(`planDay ${d}`)));
        },
      } as unknown as ReminderPlanner;
      const idleDays = new Set<string>();
      const closeOverdue = {
        close: async (day: string) => (calls.push(`closeOverdue ${day}`), 0),
        daysWithAny: async (days: readonly string[]) => days.filter((d) => !idleDays.has(`closeOverdue ${d}`)),
      };
      return { planner, closeOverdue, calls, idleDays };
    }

    it('after a stop: every missed evening marks its closed windows and plans its next day, marks first', async () => {
      const { planner, closeOverdue, calls } = fakePlanner();
      const jobs = reminderJobs(planner, closeOverdue, logger);
      for (const j of jobs) await h.db.jobRun.create({ data: { name: j.name, lastRunAt: sh('2026-03-01 20:00') } });
      const now = sh('2026-03-05 09:00');
      await scheduler(jobs, now).catchUpMissed(now);
      const marked = calls.filter((c) => c.startsWith('markMissed'));
      // closing overdue pregnancies covers every day missed in one run
      expect(calls.filter((c) => c.startsWith('closeOverdue'))).toEqual(['closeOverdue 2026-03-04']);
      const planned = calls.filter((c) => c.startsWith('planDay'));
      // windows whose last day was the 2nd, 3rd and 4th: nothing could be booked for them any more
      expect(marked.map((c) => c.split(' @')[0])).toEqual(['markMissed 2026-03-03', 'markMissed 2026-03-04', 'markMissed 2026-03-05']);
      // every day missed is planned (each message is worded for the day it goes out, or dropped, when sent)
      expect(planned).toEqual(['planDay 2026-03-03 @2026-03-02 20:00', 'planDay 2026-03-04 @2026-03-03 20:00', 'planDay 2026-03-05 @2026-03-04 20:00']);
      // the marking of the 4th comes before the planning it feeds
      expect(calls.indexOf('planDay 2026-03-05 @2026-03-04 20:00')).toBeGreaterThan(calls.findIndex((c) => c.startsWith('markMissed 2026-03-05')));
    });

    it('on a clock jump: each evening closes overdue pregnancies, marks, then plans tomorrow', async () => {
      const { planner, closeOverdue, calls } = fakePlanner();
      await scheduler(reminderJobs(planner, closeOverdue, logger), sh('2026-03-01 21:00')).catchUp(sh('2026-03-01 21:00'), sh('2026-03-03 21:00'));
      expect(calls.map((c) => c.split(' @')[0])).toEqual([
        'closeOverdue 2026-03-02',
        'markMissed 2026-03-03',
        'planDay 2026-03-03',
        'closeOverdue 2026-03-03',
        'markMissed 2026-03-04',
        'planDay 2026-03-04',
      ]);
    });

    it('on a clock jump: an evening the planner says has nothing due is skipped, and recorded when it was the last', async () => {
      const { planner, closeOverdue, calls, idleDays } = fakePlanner();
      for (const c of ['closeOverdue 2026-03-02', 'planDay 2026-03-03', 'closeOverdue 2026-03-03', 'markMissed 2026-03-04', 'planDay 2026-03-04'])
        idleDays.add(c);
      const before: string[] = [];
      const fmt = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16);
      await scheduler(reminderJobs(planner, closeOverdue, logger), sh('2026-03-01 21:00')).catchUp(
        sh('2026-03-01 21:00'),
        sh('2026-03-03 21:00'),
        async (at) => void before.push(fmt(at)),
      );
      // only the runs with work; what falls due is sent before each of them only
      expect(calls.map((c) => c.split(' @')[0])).toEqual(['markMissed 2026-03-03']);
      expect(before).toEqual(['19:55']);
      // every job counts as having run at its last time passed, so a restart does not replay them
      for (const j of ['pregnancy.closeOverdue', 'reminders.markMissed'])
        expect(await lastRun(j)).toEqual(sh(j === 'pregnancy.closeOverdue' ? '2026-03-03 19:50' : '2026-03-03 19:55'));
      expect(await lastRun('reminders.daily')).toEqual(sh('2026-03-03 20:00'));
    });
  });

  it('a long jump asks the look-ahead a month at a time, again after a run that did work, and runs exactly the busy days', async () => {
    const asked: number[] = [];
    const busyDays = new Set(['2026-03-20 20:00', '2026-05-01 20:00']);
    const r = recorder('sparse', {
      busyAmong: async (times) => {
        asked.push(times.length);
        return times.filter((t) => busyDays.has(new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')));
      },
    });
    await scheduler([r.job], sh('2026-03-01 21:00')).catchUp(sh('2026-03-01 21:00'), sh('2026-06-01 21:00'));
    expect(r.ran).toEqual(['2026-03-20 20:00', '2026-05-01 20:00']);
    // 92 evenings: never more than 31 at once, and far fewer questions than evenings
    expect(Math.max(...asked)).toBe(31);
    expect(asked.length).toBeLessThan(8);
    expect(await lastRun('sparse')).toEqual(sh('2026-06-01 20:00'));
  });

  it('a look-ahead that fails runs the job (never skipped when unsure)', async () => {
    const r = recorder('unsure', {
      busyAmong: async () => {
        throw new Error('database away');
      },
    });
    await scheduler([r.job], sh('2026-03-01 21:00')).catchUp(sh('2026-03-01 21:00'), sh('2026-03-02 21:00'));
    expect(r.ran).toEqual(['2026-03-02 20:00']);
  });
});
