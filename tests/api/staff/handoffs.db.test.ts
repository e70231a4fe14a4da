// The hand-off inbox on the real app, through the simulator and the staff API behind the admin token
// (a city-wide scope): 人工 before consent (the phone, nothing stored) and after (her request, her
// chat lines); her messages while it waits (one note, then silence; commands and warning signs still
// answered); claim (a second claimer 409), reply (the outbox, ahead of bulk), close (she is told, the
// bot answers again); out of office hours (when); escalation (once, office minutes); three answers
// not read ('stuck'); deletion and the sweep of her lines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbUnavailable } from '../../support/testDb.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { escalateUnclaimed, handoffCounts } from '../../../src/services/handoff/escalateHandoffs.js';
import { sweepChatLines } from '../../../src/services/handoff/chatLines.js';
import { loadWorkdays, WORKDAYS_FILE } from '../../../src/profiles/loadWorkdays.js';
import { handoffSchema } from '../../../src/domain/profile/handoffSchema.js';
import { readYamlFile } from '../../../src/support/readYaml.js';
import { z } from 'zod';

const TOKEN = 'handoff-staff-token-0123456789';
/** What the staff API answers (the fields these tests read). */
type Answer = { handoffs: { id: string; contactId: string }[]; handoff: Record<string, unknown>; lines: { from: string; text: string }[]; lineId: string };

describe.skipIf(dbUnavailable)('hand-off inbox: the chat and the staff API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { ADMIN_TOKEN: TOKEN } }); // Monday 2026-03-02 09:00 +08:00
  });
  afterAll(async () => {
    await t.stop();
    await t.database.drop();
  });
  const db = () => t.app.dbHandle.db;
  // (a second between her messages, as in life: her lines read back in order)
  const say = (w: string, text: string) => {
    t.clock.advanceTo(new Date(t.clock.now().getTime() + 1000));
    return t.say(w, text);
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`http://127.0.0.1:${t.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Answer };
  };
  const contactOf = async (externalId: string) =>
    (await db().contact.findUniqueOrThrow({ where: { channel_externalId: { channel: 'simulator', externalId } } })).id;
  const consented = async (w: string) => {
    await say(w, '你好');
    await say(w, '同意');
  };
  const lines = async (w: string) =>
    (await db().chatLine.findMany({ where: { contactId: await contactOf(w) }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })).map((l) => `${l.from}:${l.text}`);

  it('before consent, 人工 gives the phone and stores nothing', async () => {
    const replies = await say('a', '人工');
    expect(replies.join('\n')).toContain('请打电话');
    expect(await db().handoffRequest.count()).toBe(0);
    expect(await db().chatLine.count()).toBe(0);
  });

  let id = '';
  it('after consent, 人工 opens her request for the county (no township known) and keeps her lines', async () => {
    await consented('a');
    expect(await db().chatLine.count()).toBe(0); // (nothing of the turns before and of consent)
    const replies = await say('a', '人工');
    expect(replies[0]).toBe('好的，已经转给工作人员了，他们会在这个聊天里回复您。着急的话也可以打电话 0394-4326120。');
    const r = await db().handoffRequest.findFirstOrThrow();
    id = r.id;
    expect(r).toMatchObject({ status: 'open', reason: 'asked', regionId: 'xiangcheng', countyId: 'xiangcheng', activeKey: await contactOf('a'), version: 1 });
    expect((await lines('a'))[0]).toBe('woman:人工');
    expect((await lines('a'))[1]).toBe(`bot:${replies[0]}`);
  });

  it('while it waits: one note, then her words go to staff in silence; a command and a warning sign are still answered', async () => {
    expect(await say('a', '在吗')).toEqual([expect.stringMatching(/^工作人员还没回复，他们会在这个聊天里回复您，请稍等。着急的话可以打电话 [\d-]+。$/)]);
    expect(await say('a', '我想问问检查的事')).toEqual([]);
    expect((await say('a', '我的信息')).join('\n')).toContain('我们保存的关于您的全部信息');
    const sign = await say('a', '同房后出血了');
    expect(sign.length).toBeGreaterThan(0);
    expect(sign.join('\n')).not.toContain('工作人员还没回复');
    const kept = await lines('a');
    expect(kept).toContain('woman:在吗');
    expect(kept).toContain('woman:我想问问检查的事');
    expect(kept.filter((l) => l.startsWith('bot:工作人员还没回复'))).toEqual([]);
  });

  it('lists and shows it with her conversation (a view of her record, audited)', async () => {
    const list = await call('GET', '/api/staff/handoffs');
    expect(list.status).toBe(200);
    expect(list.body.handoffs.map((h: { id: string }) => h.id)).toEqual([id]);
    // (by name: her township, here the county as hers is unknown; nobody claimed it yet)
    expect(list.body.handoffs[0]).toMatchObject({ regionName: '项城市', claimedByName: null, closedByName: null });
    expect((await call('GET', '/api/staff/handoffs/counts')).body).toEqual({ waiting: 1, escalated: 0, mine: 0 });
    const one = await call('GET', `/api/staff/handoffs/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.lines.map((l: { from: string; text: string }) => `${l.from}:${l.text}`)).toContain('woman:我想问问检查的事');
    const viewed = await db().auditEntry.findFirstOrThrow({ where: { action: 'woman.view' } });
    expect(viewed).toMatchObject({ actor: 'staff:token', objectType: 'contact', objectId: await contactOf('a') });
    expect(JSON.parse(viewed.detail!)).toEqual({ handoffId: id });
    expect((await call('GET', '/api/staff/handoffs/nothing-like-it')).status).toBe(404);
    expect((await call('GET', '/api/staff/handoffs?status=nope')).status).toBe(400);
  });

  it('claim (a second claimer gets 409), reply through the outbox ahead of bulk, close', async () => {
    const claimed = await call('POST', `/api/staff/handoffs/${id}/claim`, { version: 1 });
    expect(claimed.status).toBe(200);
    expect(claimed.body.handoff).toMatchObject({ status: 'claimed', claimedBy: 'token', version: 2 });
    expect((await call('POST', `/api/staff/handoffs/${id}/claim`, { version: 1 })).status).toBe(409);
    t.clock.advanceTo(new Date(t.clock.now().getTime() + 60_000));
    const replied = await call('POST', `/api/staff/handoffs/${id}/reply`, { text: '您好，我是卫生院的小王，您想问什么？' });
    expect(replied.status).toBe(200);
    const sent = await db().outboxMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: `handoff:${id}:reply:` } } });
    expect(sent).toMatchObject({ text: '【工作人员】您好，我是卫生院的小王，您想问什么？', priority: 0, status: 'queued', contactId: await contactOf('a') });
    // her answer goes to the claimer, with no note
    expect(await say('a', '我上个月查的结果出来了吗')).toEqual([]);
    expect((await lines('a')).slice(-2)).toEqual(['staff:您好，我是卫生院的小王，您想问什么？', 'woman:我上个月查的结果出来了吗']);
    const closed = await call('POST', `/api/staff/handoffs/${id}/close`, { version: 2 });
    expect(closed.status).toBe(200);
    expect(closed.body.handoff).toMatchObject({ status: 'closed', closedBy: 'token', version: 3 });
    expect((await db().handoffRequest.findUniqueOrThrow({ where: { id } })).activeKey).toBeNull();
    const bye = await db().outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `handoff:${id}:closed` } });
    expect(bye.text).toContain('小助手继续为您服务');
    // the bot answers her again
    expect((await say('a', '在吗')).length).toBeGreaterThan(0);
    const actions = (await db().auditEntry.findMany({ where: { objectId: id }, orderBy: { at: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(['handoff.open', 'handoff.claim', 'handoff.reply', 'handoff.close']);
  });

  it('out of office hours she is told when; unclaimed, it is escalated once after 60 office minutes', async () => {
    t.clock.advanceTo(new Date('2026-03-02T20:00:00+08:00'));
    await consented('c');
    const replies = await say('c', '人工');
    expect(replies[0]).toBe(
      '好的，已经转给工作人员了，他们会在这个聊天里回复您。着急的话也可以打电话 0394-4326120。\n现在是下班时间，工作人员明天上午8点上班后回复您。',
    );
    const profile = readYamlFile('profiles/national.yaml', z.object({ handoff: handoffSchema }).passthrough()).handoff;
    const s = { hours: profile, calendar: loadWorkdays(`profiles/${WORKDAYS_FILE}`), escalateAfterMinutes: profile.escalateAfterMinutes };
    const before = await handoffCounts(db());
    expect(await escalateUnclaimed(db(), s, new Date('2026-03-03T08:59:00+08:00'))).toBe(0);
    expect(await escalateUnclaimed(db(), s, new Date('2026-03-03T09:00:00+08:00'))).toBe(before.open);
    expect(await escalateUnclaimed(db(), s, new Date('2026-03-03T09:30:00+08:00'))).toBe(0);
    const escalated = await call('GET', '/api/staff/handoffs?escalated=true');
    expect(escalated.body.handoffs.map((h: { contactId: string }) => h.contactId)).toContain(await contactOf('c'));
    const ready = await fetch(`http://127.0.0.1:${t.port}/readyz`).then((r) => r.json() as Promise<{ handoffs: unknown }>);
    expect(ready.handoffs).toEqual({ open: before.open, claimed: 0, escalated: before.open });
  });

  it('three answers not read in a row open a request (stuck)', async () => {
    await consented('d');
    await say('d', '两癌');
    await say('d', '啊啊啊');
    await say('d', '哦哦哦');
    const third = await say('d', '嗯嗯嗯');
    expect(third.join('\n')).toContain('抱歉，我没能帮上您。已经请工作人员来帮您');
    const r = await db().handoffRequest.findUniqueOrThrow({ where: { activeKey: await contactOf('d') } });
    expect(r.reason).toBe('stuck');
    // the newest first when asked (the inbox's other order)
    const oldest = (await call('GET', '/api/staff/handoffs')).body.handoffs.map((h) => h.id);
    const newest = (await call('GET', '/api/staff/handoffs?order=newest')).body.handoffs.map((h) => h.id);
    expect(newest[0]).toBe(r.id);
    expect(newest).toEqual([...oldest].reverse());
  });

  it('删除我的信息 deletes her lines and requests; the sweep deletes lines past the profile days', async () => {
    const d = await contactOf('d');
    expect(await db().chatLine.count({ where: { contactId: d } })).toBeGreaterThan(0);
    await say('d', '删除我的信息');
    await say('d', '是');
    expect(await db().chatLine.count({ where: { contactId: d } })).toBe(0);
    expect(await db().handoffRequest.count({ where: { contactId: d } })).toBe(0);
    const left = await db().chatLine.count();
    expect(left).toBeGreaterThan(0);
    expect(await sweepChatLines(db(), 30, new Date('2026-04-01T08:59:00+08:00'))).toBe(0);
    expect(await sweepChatLines(db(), 30, new Date('2026-04-02T00:00:00+08:00'))).toBe(left);
  });
});
