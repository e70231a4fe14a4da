// Staff and follow-up cases, on the real app behind the admin token: the worklist and its filters
// (status and overdue computed when read), one case with its history, the actions over the version
// read (one of two at once wins, the other gets 409), closing with an outcome that fits (a stage
// for a cancer), the aid referral's states, and bad bodies answered 4xx naming the field.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { resultRecordSchema } from '../../../src/services/results/resultRecord.js';
import { bookingRow, woman } from '../../services/reminders/reminderFixtures.js';

const TOKEN = 'follow-up-staff-token-0123456789';

describe.skipIf(dbUnavailable)('staff API: follow-up cases', () => {
  // (one app, one clock that only moves forward: the tests run in this order)
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_TOKEN: TOKEN } }); // Monday 2026-03-02 09:00 +08:00
    const db = t.app.dbHandle.db;
    await woman(db, 'w1');
    await bookingRow(db, 'w1', { serviceId: 'cervical', day: '2026-02-27', status: 'attended', code: 'K7Q2M9' });
    // she said she is 低保 (her `group` answer)
    await db.fact.create({ data: { contactId: 'w1', key: 'group', valueJson: JSON.stringify('urbanLowIncome') } });
    // the owners: staff accounts of the county (a case's owner is a staff account that sees it)
    for (const id of ['li', 'wang'])
      await db.staffAccount.create({
        data: {
          id,
          username: id,
          displayName: id,
          role: 'county',
          countyId: 'xiangcheng',
          passwordHash: 'x',
          createdAt: t.clock.now(),
          updatedAt: t.clock.now(),
        },
      });
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });
  beforeEach(async () => {
    await t.app.dbHandle.db.followUpEvent.deleteMany();
    await t.app.dbHandle.db.screeningResult.deleteMany();
    await t.app.dbHandle.db.outboxMessage.deleteMany();
  });

  const ingest = (id: string, result: object, o: object = {}) =>
    t.app.results!.ingest(
      resultRecordSchema.parse({ hospitalId: 'xc-mch', hospitalResultId: id, visitCode: 'K7Q2M9', date: '2026-02-27', result, ...o }),
      t.clock.now(),
      'h',
    );
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`http://127.0.0.1:${t.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  type Row = {
    id: string;
    category: string;
    grade: string;
    status: string;
    overdue: boolean;
    dueOn: string;
    owner: string | null;
    version: number;
    aidState: string | null;
  };
  const list = async (q = '') => (await call('GET', `/api/staff/follow-ups${q}`)).body as { total: number; cases: Row[] };
  const caseOf = async (resultId: string) => await t.app.dbHandle.db.followUpCase.findUniqueOrThrow({ where: { resultId } });
  const post = async (id: string, action: string, body: object = {}) => {
    const v = (await t.app.dbHandle.db.followUpCase.findUniqueOrThrow({ where: { id } })).version;
    return call('POST', `/api/staff/follow-ups/${id}/${action}`, { version: v, ...body });
  };

  it('two staff members acting on the version they read: one wins, the other gets 409; bad bodies name the field', async () => {
    const r = await ingest('LIS-2', { category: 'cytology', tbs: 'LSIL' });
    const { id } = await caseOf(r.resultId!);
    const both = await Promise.all([
      call('POST', `/api/staff/follow-ups/${id}/owner`, { version: 1, owner: 'li' }),
      call('POST', `/api/staff/follow-ups/${id}/owner`, { version: 1, owner: 'wang' }),
    ]);
    expect(both.map((b) => b.status).sort()).toEqual([200, 409]);
    expect(both.find((b) => b.status === 409)!.body).toMatchObject({ error: 'changed_meanwhile' });
    expect(await call('POST', `/api/staff/follow-ups/${id}/owner`, { owner: 'li' })).toMatchObject({ status: 400, body: { field: 'version' } });
    expect(await call('POST', `/api/staff/follow-ups/${id}/owner`, { version: 2 })).toMatchObject({ status: 400, body: { field: 'owner' } });
    expect(await call('POST', `/api/staff/follow-ups/${id}/aid`, { version: 2, state: 'paid' })).toMatchObject({ status: 400, body: { field: 'state' } });
    expect(await call('POST', `/api/staff/follow-ups/nope/done`, { version: 1 })).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await call('GET', '/api/staff/follow-ups?overdue=maybe')).toMatchObject({ status: 400, body: { field: 'overdue' } });
    expect(await call('GET', '/api/staff/follow-ups?pageSize=1000')).toMatchObject({ status: 400, body: { field: 'pageSize' } });
  });

  it('the worklist: filters by region, category, status, overdue, owner and escalation; paged by due day; no names or codes', async () => {
    const a = await ingest('LIS-3', { category: 'cytology', tbs: 'LSIL' }); // due 03-30
    const b = await ingest('LIS-4', { category: 'breast', birads: '4A' }); // held; due 03-16
    const c = await ingest('LIS-5', { category: 'hpv', hpv16: false, hpv18: false, otherHighRisk: true }, { visitCode: undefined }); // unmatched; due 03-30
    const [ca, cb, cc] = await Promise.all([caseOf(a.resultId!), caseOf(b.resultId!), caseOf(c.resultId!)]);
    await post(ca.id, 'owner', { owner: 'li' });
    await post(cb.id, 'booked');
    const ids = async (q: string) => (await list(q)).cases.map((r) => r.id);
    expect(await ids('')).toEqual([cb.id, ...[ca.id, cc.id].sort()]);
    expect(await ids('?region=xiangcheng&category=breast')).toEqual([cb.id]);
    expect(await ids('?region=elsewhere')).toEqual([]);
    expect((await ids('?status=open')).sort()).toEqual([ca.id, cc.id].sort());
    expect(await ids('?status=booked')).toEqual([cb.id]);
    expect(await ids('?owner=li')).toEqual([ca.id]);
    expect(await ids('?overdue=true')).toEqual([]);
    expect(await ids('?escalated=true')).toEqual([]);
    const page2 = await list('?pageSize=2&page=2');
    expect([page2.total, page2.cases.length]).toEqual([3, 1]);
    // past the breast case's due day: overdue, and escalated by the daily job (run by the clock jump)
    const from = t.clock.now();
    const to = new Date('2026-03-24T10:00:00+08:00');
    t.clock.advanceTo(to);
    await t.app.catchUp(from, to);
    // (booked is no excuse: overdue until done, as caseStatus says; escalated a week past its due day)
    expect(await ids('?overdue=true')).toEqual([cb.id]);
    expect(await ids('?escalated=true&status=booked')).toEqual([cb.id]);
    expect(await ids('?overdue=false&category=breast')).toEqual([]);
    const body = JSON.stringify(await list(''));
    expect(body).not.toContain('K7Q2M9');
    expect(Object.keys((await list('')).cases[0]).sort()).toEqual(
      [
        'aidAmountFen',
        'aidState',
        'category',
        'contactId',
        'dueOn',
        'escalatedAt',
        'grade',
        'hospitalId',
        'id',
        'nextStep',
        'openedOn',
        'outcome',
        'outcomeStage',
        'overdue',
        'owner',
        'regionId',
        'resultId',
        'status',
        'version',
      ].sort(),
    );
  });

  // (the clock only moves forward: this runs on 2026-03-24, after the worklist's jump)
  it('status moves open → contacted → booked → done → closed, computed when read; overdue after the due day', async () => {
    const r = await ingest('LIS-1', { category: 'cytology', tbs: 'LSIL' });
    const { id } = await caseOf(r.resultId!);
    const status = async () => (await call('GET', `/api/staff/follow-ups/${id}`)).body as { status: string; overdue: boolean };
    expect(await status()).toMatchObject({ status: 'open', overdue: false, dueOn: '2026-04-21' });
    expect(await post(id, 'contacted')).toEqual({ status: 200, body: { id, version: 2 } });
    expect(await post(id, 'contacted')).toMatchObject({ status: 409, body: { error: 'already_marked' } });
    expect(await status()).toMatchObject({ status: 'contacted' });
    // a day past the due day: overdue, as read
    t.clock.advanceTo(new Date('2026-04-22T09:00:00+08:00'));
    expect(await status()).toMatchObject({ status: 'contacted', overdue: true });
    await post(id, 'booked');
    await post(id, 'done');
    expect(await status()).toMatchObject({ status: 'done', overdue: false });
    expect(await post(id, 'close', { outcome: 'hearingLossConfirmed' })).toMatchObject({
      status: 422,
      body: { error: 'outcome_not_for_category', field: 'outcome' },
    });
    expect(await post(id, 'close', { outcome: 'cervicalCancer' })).toMatchObject({ status: 422, body: { error: 'stage_required', field: 'stage' } });
    expect(await post(id, 'close', { outcome: 'cin1', stage: 'I' })).toMatchObject({ status: 422, body: { error: 'stage_not_taken', field: 'stage' } });
    expect(await post(id, 'close', { outcome: 'cancer' })).toMatchObject({ status: 400, body: { field: 'outcome' } });
    expect(await post(id, 'close', { outcome: 'cin1' })).toMatchObject({ status: 200, body: { version: 5 } });
    expect(await post(id, 'close', { outcome: 'cin1' })).toMatchObject({ status: 409, body: { error: 'closed' } });
    const one = (await call('GET', `/api/staff/follow-ups/${id}`)).body as {
      status: string;
      outcome: string;
      aidState: null;
      events: { kind: string; detail: string | null; actor: string }[];
    };
    expect([one.status, one.outcome, one.aidState]).toEqual(['closed', 'cin1', null]);
    expect(one.events.map((e) => [e.kind, e.detail, e.actor])).toEqual([
      ['opened', 'lsil', 'h'],
      ['contacted', null, 'staff:token'],
      ['booked', null, 'staff:token'],
      ['done', null, 'staff:token'],
      ['closed', 'cin1', 'staff:token'],
    ]);
  });

  it('the daily job escalates an overdue case once (run by the scheduler on a clock jump)', async () => {
    expect(t.app.scheduler.names()).toContain('followUp.daily');
    const r = await ingest('LIS-6', { category: 'cytology', tbs: 'LSIL' }); // on 04-22: due 05-20
    const from = t.clock.now();
    const to = new Date('2026-05-28T10:00:00+08:00');
    t.clock.advanceTo(to);
    await t.app.catchUp(from, to);
    expect((await caseOf(r.resultId!)).escalatedAt).toEqual(new Date('2026-05-28T09:30:00+08:00'));
    expect((await list('?escalated=true')).cases.map((x) => x.id)).toEqual([(await caseOf(r.resultId!)).id]);
  });

  it('aid: a 低保 woman closed with a precancer is offered a referral; staff move it; wrong moves are refused', async () => {
    const r = await ingest('LIS-7', { category: 'histology', finding: 'CIN3' });
    const { id } = await caseOf(r.resultId!);
    expect(await post(id, 'aid', { state: 'submitted' })).toMatchObject({ status: 409, body: { error: 'invalid_aid_transition' } });
    await post(id, 'close', { outcome: 'cin2plus' });
    expect((await list('')).cases.find((x) => x.id === id)!.aidState).toBe('toPrepare');
    expect(await post(id, 'aid', { state: 'granted', amountFen: 1000000 })).toMatchObject({ status: 409, body: { error: 'invalid_aid_transition' } });
    expect(await post(id, 'aid', { state: 'submitted', amountFen: 5 })).toMatchObject({ status: 422, body: { error: 'amount_not_taken', field: 'amountFen' } });
    expect(await post(id, 'aid', { state: 'submitted' })).toMatchObject({ status: 200 });
    expect(await post(id, 'aid', { state: 'granted' })).toMatchObject({ status: 422, body: { error: 'amount_required', field: 'amountFen' } });
    expect(await post(id, 'aid', { state: 'granted', amountFen: 1000000 })).toMatchObject({ status: 200 });
    expect(await post(id, 'aid', { state: 'refused' })).toMatchObject({ status: 409, body: { error: 'invalid_aid_transition' } });
    const one = (await call('GET', `/api/staff/follow-ups/${id}`)).body as {
      aidState: string;
      aidAmountFen: number;
      aidScheme: string;
      events: { kind: string; detail: string }[];
    };
    expect([one.aidState, one.aidAmountFen, one.aidScheme]).toEqual(['granted', 1000000, '贫困妇女两癌救助']);
    expect(one.events.filter((e) => e.kind === 'aid').map((e) => e.detail)).toEqual(['toPrepare', 'submitted', 'granted:1000000']);
  });

  it("aid for a woman not of the bot's: staff mark her group on the case, and a closed case that qualifies offers it then", async () => {
    const r = await ingest('LIS-8', { category: 'histology', finding: 'cancer' }, { visitCode: undefined });
    const { id } = await caseOf(r.resultId!);
    await post(id, 'close', { outcome: 'cervicalCancer', stage: 'I' });
    expect((await caseOf(r.resultId!)).aidState).toBeNull();
    expect(await post(id, 'group', { group: 'urbanLowIncome' })).toMatchObject({ status: 200 });
    const c = await caseOf(r.resultId!);
    expect([c.outcome, c.outcomeStage, c.aidState]).toEqual(['cervicalCancer', 'I', 'toPrepare']);
  });
});
