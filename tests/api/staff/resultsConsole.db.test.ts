// What the console's results and follow-up pages need of the server, with console sessions: an upload
// recorded under the staff account and audited, refused (403) for a hospital the account does not
// run; the notice she will read, shown before a release (audited as a view; another hospital's
// account: 404); the follow-up worklist still-to-work first with what a case may be closed with; and
// its CSV export, scoped to the account and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../src/services/staff/passwords.js';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { bookingRow, woman } from '../../services/reminders/reminderFixtures.js';
import { resultRecordSchema } from '../../../src/services/results/resultRecord.js';

const PASSWORD = 'Correct-Horse-42';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;
interface Client {
  cookie?: string;
  csrf?: string;
}

const HEADER = '姓名,就诊码,报告编号,检查日期,检查项目,HPV16,HPV18,其他高危型,TBS分级,BI-RADS分级,更正';
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'utf8');

describe.skipIf(dbUnavailable)('staff API: the results and follow-up pages', () => {
  let t: TestApp;
  let base: string;
  const db = () => t.app.dbHandle.db;
  const ids: Record<string, string> = {};

  async function account(username: string, o: { role: string; countyId?: string; hospitalId?: string; townshipId?: string }) {
    const now = t.clock.now();
    const a = await db().staffAccount.create({
      data: {
        username,
        displayName: username,
        role: o.role,
        countyId: o.countyId ?? null,
        hospitalId: o.hospitalId ?? null,
        townshipId: o.townshipId ?? null,
        passwordHash: await hashPassword(PASSWORD),
        mustChangePassword: false,
        createdAt: now,
        updatedAt: now,
      },
    });
    ids[username] = a.id;
  }

  async function call(c: Client, method: string, path: string, body?: unknown, raw?: Buffer) {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = 'text/csv';
    if (c.cookie) headers.cookie = c.cookie;
    if (c.csrf && method !== 'GET') headers['x-csrf-token'] = c.csrf;
    const r = await fetch(`${base}/api/staff${path}`, {
      method,
      headers,
      body: raw ? new Uint8Array(raw) : body === undefined ? undefined : JSON.stringify(body),
    });
    const set = r.headers.get('set-cookie');
    if (set?.startsWith('sa.sid=')) c.cookie = set.split(';')[0];
    const type = r.headers.get('content-type') ?? '';
    const buf = Buffer.from(await r.arrayBuffer());
    return { status: r.status, type, text: buf.toString('utf8'), body: (type.includes('json') ? JSON.parse(buf.toString('utf8')) : {}) as Body };
  }
  async function login(username: string): Promise<Client> {
    const c: Client = {};
    const r = await call(c, 'POST', '/session', { username, password: PASSWORD });
    expect(r.status).toBe(200);
    c.csrf = r.body.csrfToken;
    return c;
  }
  const audits = async (action: string) =>
    (await db().auditEntry.findMany({ where: { action }, orderBy: { id: 'asc' } })).map((a) => ({
      accountId: a.accountId,
      objectId: a.objectId,
      detail: a.detail ? (JSON.parse(a.detail) as Body) : null,
    }));

  beforeAll(async () => {
    t = await startTestApp({ env: { SESSION_SECRET: 'results-console-session-secret-0123456789' } }); // Monday 2026-03-02 09:00 +08:00
    base = `http://127.0.0.1:${t.port}`;
    await woman(db(), 'w1');
    await bookingRow(db(), 'w1', { serviceId: 'breast', day: '2026-02-27', status: 'attended', code: 'K7Q2M9' });
    await account('mch.staff', { role: 'hospital', countyId: 'xiangcheng', hospitalId: 'xc-mch' });
    await account('first.staff', { role: 'hospital', countyId: 'xiangcheng', hospitalId: 'xc-first' });
    await account('xc.admin', { role: 'county', countyId: 'xiangcheng' });
  });
  afterAll(async () => {
    await t?.stop();
    await t?.database.drop();
  });

  let held = '';
  it("a hospital account uploads its own hospital's file: recorded under its account and audited; another hospital's: 403, nothing stored", async () => {
    const mch = await login('mch.staff');
    const file = csv('王芳,K7Q2M9,LIS-1,2026/2/27,乳腺彩超,,,,,4a,');
    const other = await call(await login('first.staff'), 'POST', '/results/upload?hospitalId=xc-mch', undefined, file);
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('forbidden');
    expect(await db().screeningResult.count()).toBe(0);
    expect(await audits('results.upload')).toEqual([]);

    const up = await call(mch, 'POST', '/results/upload?hospitalId=xc-mch', undefined, file);
    expect(up.status).toBe(200);
    expect(up.body.totals).toMatchObject({ rows: 1, stored: 1, matched: 1, held: 1 });
    held = up.body.rows[0].resultId;
    const events = await db().resultEvent.findMany({ where: { resultId: held }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.kind, e.actor])).toEqual([
      ['stored', `staff:${ids['mch.staff']}`],
      ['held', `staff:${ids['mch.staff']}`],
    ]);
    expect(await audits('results.upload')).toEqual([
      {
        accountId: ids['mch.staff'],
        objectId: 'xc-mch',
        detail: { rows: 1, kept: true, stored: 1, corrected: 0, duplicate: 0, refused: 0 },
      },
    ]);
    // a file of bad rows only: nothing kept, still recorded as the account's upload
    const bad = await call(mch, 'POST', '/results/upload?hospitalId=xc-mch', undefined, csv('王芳,K7Q2M9,LIS-2,2026/2/27,乳腺彩超,,,,,9z,'));
    expect(bad.body).toMatchObject({ taken: 'none', totals: { refused: 1 } });
    expect((await audits('results.upload'))[1]).toMatchObject({ accountId: ids['mch.staff'], detail: { rows: 0, kept: false } });
  });

  it('the notice she will read, before the release: to the hospital and the county (audited as a view), 404 to another hospital', async () => {
    const seen = await call(await login('mch.staff'), 'GET', `/results/${held}/notice`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id: held, sentOn: '2026-03-02' });
    expect(seen.body.notice).toContain('项城市妇幼保健院');
    expect(seen.body.notice).toContain('2026年2月27日');
    expect((await call(await login('xc.admin'), 'GET', `/results/${held}/notice`)).status).toBe(200);
    const other = await call(await login('first.staff'), 'GET', `/results/${held}/notice`);
    expect(other.status).toBe(404);
    expect(await audits('result.noticeView')).toEqual([
      { accountId: ids['mch.staff'], objectId: held, detail: { contactId: 'w1' } },
      { accountId: ids['xc.admin'], objectId: held, detail: { contactId: 'w1' } },
    ]);
    // (nothing was sent by looking)
    expect(await db().outboxMessage.count({ where: { dedupeKey: { startsWith: 'result' } } })).toBe(0);
  });

  it('releases and matches by hand record the account', async () => {
    const mch = await login('mch.staff');
    expect((await call(mch, 'POST', `/results/${held}/release`, {})).status).toBe(200);
    expect((await db().resultEvent.findFirstOrThrow({ where: { resultId: held, kind: 'released' } })).actor).toBe(`staff:${ids['mch.staff']}`);
    const up = await call(mch, 'POST', '/results/upload?hospitalId=xc-mch', undefined, csv('王芳,,LIS-3,2026/2/27,乳腺彩超,,,,,2,'));
    const unmatched = up.body.rows[0].resultId as string;
    expect(up.body.rows[0].match).toBe('unmatched');
    expect((await call(mch, 'POST', `/results/${unmatched}/match`, { visitCode: 'k7q2m9' })).body).toEqual({ id: unmatched, status: 'sent' });
    expect((await db().resultEvent.findFirstOrThrow({ where: { resultId: unmatched, kind: 'matched' } })).actor).toBe(`staff:${ids['mch.staff']}`);
    expect((await audits('result.match')).map((a) => a.accountId)).toEqual([ids['mch.staff']]);
  });

  it('the worklist: still to work first, overdue at the top; what a case of each category is closed with; the CSV export, scoped and audited', async () => {
    // a second case of the other hospital, due long ago (overdue), and one of this hospital closed
    const other = await t.app.results!.ingest(
      resultRecordSchema.parse({
        hospitalId: 'xc-first',
        hospitalResultId: 'F-1',
        date: '2026-01-05',
        result: { category: 'breast', birads: '4A' },
      }),
      new Date('2026-01-06T02:00:00Z'),
      'h',
    );
    const mine = await db().followUpCase.findUniqueOrThrow({ where: { resultId: held } });
    expect(other.resultId).toBeTruthy();
    const admin = await login('xc.admin');
    // (held and unmatched results still wait for staff: listed from the year, not the usual 30 days)
    const waiting = await call(admin, 'GET', '/results?match=unmatched');
    expect(waiting.body.results.map((r: Body) => [r.id, r.testDate, r.status])).toEqual([[other.resultId, '2026-01-05', 'held']]);
    const list = await call(admin, 'GET', '/follow-ups');
    expect(list.status).toBe(200);
    expect(list.body.cases.map((c: Body) => [c.hospitalId, c.overdue])).toEqual([
      ['xc-first', true],
      ['xc-mch', false],
    ]);
    expect(list.body.choices.outcomes.breast).toEqual(['normal', 'benignBreast', 'breastCancer', 'refused', 'movedAway', 'lostToFollowUp']);
    expect(list.body.choices.staged).toEqual(['cervicalCancer', 'breastCancer']);
    expect(list.body.choices.steps).toHaveProperty(mine.nextStep);

    const closed = await call(admin, 'POST', `/follow-ups/${mine.id}/close`, { version: mine.version, outcome: 'benignBreast' });
    expect(closed.status).toBe(200);
    const after = await call(admin, 'GET', '/follow-ups');
    expect(after.body.cases.map((c: Body) => [c.hospitalId, c.status])).toEqual([
      ['xc-first', 'open'],
      ['xc-mch', 'closed'],
    ]);

    const file = await call(await login('mch.staff'), 'GET', '/follow-ups/export');
    expect(file.status).toBe(200);
    expect(file.type).toContain('text/csv');
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'caseId,resultId,contactId,hospitalId,regionId,category,grade,nextStep,openedOn,dueOn,status,overdue,owner,escalatedAt,outcome,outcomeStage,aidState',
    );
    // (the hospital's account: its own hospital's case only)
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual([[mine.id, held, 'w1', 'xc-mch']]);
    expect(lines[1]).toContain(',closed,false,');
    const gbk = await call(admin, 'GET', '/follow-ups/export?overdue=true&encoding=gbk');
    expect(gbk.type).toContain('GBK');
    expect(gbk.text.trim().split('\r\n')).toHaveLength(2);
    expect((await call(admin, 'GET', '/follow-ups/export?status=nope')).status).toBe(400);
    expect(await audits('export')).toEqual([
      { accountId: ids['mch.staff'], objectId: null, detail: { list: 'followUpWorklist', rows: 1 } },
      { accountId: ids['xc.admin'], objectId: null, detail: { list: 'followUpWorklist', overdue: 'true', rows: 1 } },
    ]);
  });
});
