import { describe, expect, it } from 'vitest';
import { cronExpression, runTimesBetween } from '../../src/jobs/schedule.js';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('job schedules', () => {
  it('gives node-cron expressions', () => {
    expect(cronExpression({ every: 'minutes', minutes: 5 })).toBe('*/5 * * * *');
    expect(cronExpression({ every: 'day', hour: 8, minute: 30 })).toBe('30 8 * * *');
  });

  it('lists the minute ticks strictly after from, up to and including to', () => {
    expect(iso(runTimesBetween({ every: 'minutes', minutes: 10 }, new Date('2026-03-02T01:00:00Z'), new Date('2026-03-02T01:30:00Z')))).toEqual([
      '2026-03-02T01:10:00.000Z',
      '2026-03-02T01:20:00.000Z',
      '2026-03-02T01:30:00.000Z',
    ]);
  });

  it('lists daily runs at the Asia/Shanghai hour across days', () => {
    // 08:00 Shanghai = 00:00 UTC
    const times = runTimesBetween({ every: 'day', hour: 8, minute: 0 }, new Date('2026-03-01T23:00:00Z'), new Date('2026-03-04T00:00:00Z'));
    expect(iso(times)).toEqual(['2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z']);
  });

  it('lists nothing when the clock does not move forward', () => {
    const t = new Date('2026-03-02T00:00:00Z');
    expect(runTimesBetween({ every: 'minutes', minutes: 1 }, t, t)).toEqual([]);
  });
});

describe('lastRunTimeBetween', () => {
  it('finds the last run directly, however far the jump', async () => {
    const { lastRunTimeBetween } = await import('../../src/jobs/schedule.js');
    const from = new Date('2026-03-02T01:00:30Z');
    expect(lastRunTimeBetween({ every: 'minutes', minutes: 1 }, from, new Date('2096-01-01T01:00:30Z'))?.toISOString()).toBe('2096-01-01T01:00:00.000Z');
    expect(lastRunTimeBetween({ every: 'day', hour: 8, minute: 0 }, from, new Date('2026-03-05T23:00:00Z'))?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(lastRunTimeBetween({ every: 'day', hour: 8, minute: 0 }, from, new Date('2026-03-02T10:00:00Z'))).toBeUndefined();
  });
  it('lists at most `limit` minute runs, the most recent', () => {
    const times = runTimesBetween({ every: 'minutes', minutes: 1 }, new Date('2026-03-02T00:00:00Z'), new Date('2096-01-01T00:00:00Z'), 3);
    expect(iso(times)).toEqual(['2095-12-31T23:58:00.000Z', '2095-12-31T23:59:00.000Z', '2096-01-01T00:00:00.000Z']);
  });
});
