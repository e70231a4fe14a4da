// Held results past their deadline, on the real app: the hourly job escalates them to the county as
// the clock moves (not before the end of the deadline's last day, once), staff list them with when
// they were held, their deadline and when escalated (filters escalated and overdue), /readyz counts
// them (no ids) and names a year without a holiday calendar.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { resultRecordSchema } from '../../../src/services/results/resultRecord.js';
import { bookingRow, sh, woman } from '../../services/reminders/reminderFixtures.js';

const TOKEN = 'results-staff-token-0123456789';

describe.skipIf(dbUnavailable)('staff API: held results escalated to the county', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Thursday 12 February 2026, before the Spring Festival
    t = await startTestApp({ start: '2026-02-12T10:00:00+08:00', env: { ADMIN_TOKEN: TOKEN } });
    await woman(t.app.dbHandle.db, 'w1');
    await bookingRow(t.app.dbHandle.db, 'w1', { serviceId: 'cervical', day: '2026-02-10', status: 'attended', code: 'K7Q2M9' });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });

  const call = async (method: string, path: string) => {
    const r = await fetch(`http://127.0.0.1:${t.port}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}` } });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  const ids = async (query: string) => ((await call('GET', `/api/staff/results?${query}`)).body.results as { id: string }[]).map((r) => r.id);
  const readyz = async () => (await (await fetch(`http://127.0.0.1:${t.port}/readyz`)).json()) as Record<string, unknown>;
  /** Moves the clock, as the simulator's jump does: the jobs run meanwhile. */
  const jump = async (to: Date) => {
    const from = t.clock.now();
    t.clock.advanceTo(to);
    await t.app.catchUp(from, to);
  };

  it('escalated by the hourly job after the deadline, once; listed, counted, then released', async () => {
    const held = await t.app.results!.ingest(
      resultRecordSchema.parse({
        hospitalId: 'xc-mch',
        hospitalResultId: 'LIS-1',
        visitCode: 'K7Q2M9',
        date: '2026-02-10',
        result: { category: 'hpv', hpv16: true, hpv18: false, otherHighRisk: false },
      }),
      t.clock.now(),
      'hospital:xc-mch',
    );
    const id = held.resultId!;
    expect(held.status).toBe('held');
    expect(await readyz()).toMatchObject({ status: 'ready', results: { held: 1, escalated: 0 }, workdays: { years: [2026] } });
    expect((await readyz()).workdays).not.toHaveProperty('warning');

    // Friday 13th, the 调休 Saturday 14th, the Spring Festival 15th–23rd, Tuesday 24th: its last day
    await jump(sh('2026-02-24 23:59'));
    expect(await ids('escalated=true')).toEqual([]);
    expect(await ids('overdue=true')).toEqual([]);
    await jump(sh('2026-02-25 00:30'));
    const rows = (await call('GET', '/api/staff/results?escalated=true')).body.results as Record<string, unknown>[];
    expect(rows.map((r) => [r.id, r.status, r.heldAt, r.deadline, r.escalatedAt])).toEqual([
      [id, 'held', sh('2026-02-12 10:00').toISOString(), '2026-02-24', sh('2026-02-25 00:00').toISOString()],
    ]);
    expect(await ids('overdue=true')).toEqual([id]);
    expect(await ids('escalated=false')).toEqual([]);
    expect(await ids('overdue=false')).toEqual([]);
    expect(await readyz()).toMatchObject({ results: { held: 1, escalated: 1 } });
    expect(JSON.stringify(await readyz())).not.toContain(id);
    // the job runs again: nothing new
    await jump(sh('2026-02-25 02:30'));
    const escalations = await t.app.dbHandle.db.resultEvent.findMany({ where: { resultId: id, kind: 'escalated' }, select: { actor: true, at: true } });
    expect(escalations).toEqual([{ actor: 'system', at: sh('2026-02-25 00:00') }]);
    // nothing went to her
    expect(await t.app.dbHandle.db.outboxMessage.count()).toBe(0);

    expect(await call('POST', `/api/staff/results/${id}/release`)).toEqual({ status: 200, body: { id } });
    expect(await ids('overdue=true')).toEqual([]);
    expect(await ids('escalated=true')).toEqual([id]);
    expect(await ids('escalated=true&status=held')).toEqual([]);
    expect(await readyz()).toMatchObject({ results: { held: 0, escalated: 0 } });
    expect((await t.app.dbHandle.db.outboxMessage.findMany({ select: { dedupeKey: true } })).map((m) => m.dedupeKey)).toEqual([`result:${id}:v1`]);
  });

  it('the escalated and overdue lists reach back a year by default; a bad filter is a 400 naming it', async () => {
    // (a sample taken 2 months before today is outside the usual 30 days)
    expect(await call('GET', '/api/staff/results?escalated=true')).toMatchObject({ status: 200, body: { from: '2025-02-25', to: '2026-02-25' } });
    expect(await call('GET', '/api/staff/results')).toMatchObject({ status: 200, body: { from: '2026-01-26' } });
    expect(await call('GET', '/api/staff/results?escalated=yes')).toMatchObject({ status: 400, body: { field: 'escalated' } });
    expect(await call('GET', '/api/staff/results?overdue=1')).toMatchObject({ status: 400, body: { field: 'overdue' } });
    expect(await call('GET', '/api/staff/results?overdue=true&to=someday')).toMatchObject({ status: 400, body: { field: 'to' } });
  });
});

describe.skipIf(dbUnavailable)('a year without a holiday calendar', () => {
  it('counts Monday to Friday, and says so at start-up and in /readyz', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const t = await startTestApp({ start: '2027-03-01T09:00:00+08:00', logger: pino({ level: 'warn' }, sink) });
    try {
      const body = (await (await fetch(`http://127.0.0.1:${t.port}/readyz`)).json()) as Record<string, unknown>;
      expect(body).toMatchObject({ status: 'ready', workdays: { years: [2026], warning: 'no calendar for 2027: counting Monday to Friday' } });
      expect(lines.filter((l) => l.workdays).map((l) => [l.workdays, l.msg])).toEqual([
        ['no calendar for 2027: counting Monday to Friday', 'add the State Council holiday notice to profiles/calendar/workdays.yaml'],
      ]);
    } finally {
      await t.stop();
      await t.database.drop();
    }
  });
});
