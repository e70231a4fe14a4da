// The staff side of the hand-off with real scopes: a township account sees and works only its
// township's requests (another township's request is not found, as the API's 404), a county account
// its county's (with the requests of women whose township is unknown), a hospital account none; one
// open request per woman; two claims at once, one wins; reply only by the claimer; an SMS contact is
// never sent a staff reply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../../src/db/client.js';
import type { StaffScope } from '../../../src/domain/staff/staffScope.js';
import { openRequest } from '../../../src/services/handoff/openRequest.js';
import { StaffHandoffs } from '../../../src/services/handoff/staffHandoffs.js';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../../support/testDb.js';

const now = new Date('2026-03-02T02:00:00Z');
const township = (accountId: string, townshipId: string): { scope: StaffScope } => ({
  scope: { accountId, role: 'township', countyId: 'xiangcheng', townshipId },
});
const county: { scope: StaffScope } = { scope: { accountId: 'county-1', role: 'county', countyId: 'xiangcheng' } };

describe.skipIf(dbUnavailable)('StaffHandoffs: scopes and claims', () => {
  let database: TestDatabase;
  let h: DbHandle;
  let s: StaffHandoffs;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
    s = new StaffHandoffs(h.db, () => ({ staffReply: '【工作人员】{text}', closed: '结束了' }));
    for (const [w, region, channel] of [
      ['w1', 'xc-a', 'wechat'],
      ['w2', 'xc-b', 'wechat'],
      ['w3', 'xiangcheng', 'sms'],
    ] as const) {
      const c = await h.db.contact.create({ data: { id: w, channel, externalId: `ext-${w}`, consent: 'given' } });
      ids[w] = (await openRequest(h.db, { contactId: c.id, countyId: 'xiangcheng', regionId: region, reason: 'asked' }, now)).request.id;
    }
  });
  afterAll(async () => {
    await h.close();
    await database.drop();
  });

  it('one open request per woman: opening again finds hers', async () => {
    const again = await openRequest(h.db, { contactId: 'w1', countyId: 'xiangcheng', regionId: 'xc-a', reason: 'stuck' }, now);
    expect(again).toMatchObject({ created: false, request: { id: ids.w1, reason: 'asked' } });
  });

  it('a township account sees its own township only; another township is not found', async () => {
    const a = township('t-a', 'xc-a');
    expect((await s.list(a.scope, { limit: 10 })).rows.map((r) => r.id)).toEqual([ids.w1]);
    expect((await s.list(a.scope, { limit: 10, region: 'xc-b' })).rows).toEqual([]);
    expect(await s.show(a, ids.w2, now)).toBeUndefined();
    expect(await s.claim(a, ids.w2, 1, now)).toEqual({ ok: false, error: 'not_found' });
    expect(await s.reply(a, ids.w2, '你好', now)).toEqual({ ok: false, error: 'not_found' });
    expect(await h.db.auditEntry.count({ where: { action: 'woman.view' } })).toBe(0);
    expect((await s.list({ accountId: 'h', role: 'hospital', countyId: 'xiangcheng', hospitalId: 'xc-mch' }, { limit: 10 })).rows).toEqual([]);
    expect((await s.list(county.scope, { limit: 10 })).rows.map((r) => r.id).sort()).toEqual([ids.w1, ids.w2, ids.w3].sort());
    expect((await s.list({ accountId: 'o', role: 'county', countyId: 'elsewhere' }, { limit: 10 })).rows).toEqual([]);
  });

  it('two claims at once: one wins, the other changed_meanwhile; only the claimer replies', async () => {
    const [x, y] = await Promise.all([s.claim(township('t-a', 'xc-a'), ids.w1, 1, now), s.claim(county, ids.w1, 1, now)]);
    expect([x.ok, y.ok].sort()).toEqual([false, true]);
    const loser = x.ok ? y : x;
    expect(loser).toEqual({ ok: false, error: 'changed_meanwhile' });
    const winner = x.ok ? township('t-a', 'xc-a') : county;
    const other = x.ok ? township('t-a2', 'xc-a') : township('t-a', 'xc-a');
    expect(await s.reply(other, ids.w1, '你好', now)).toEqual({ ok: false, error: 'not_claimer' });
    const sent = await s.reply(winner, ids.w1, '你好，我来帮您', now);
    expect(sent.ok).toBe(true);
    expect((await h.db.outboxMessage.findMany({ where: { contactId: 'w1' } })).map((m) => [m.text, m.priority])).toEqual([['【工作人员】你好，我来帮您', 0]]);
  });

  it('an SMS contact is never sent a staff reply (nothing of it kept)', async () => {
    expect((await s.claim(county, ids.w3, 1, now)).ok).toBe(true);
    expect(await s.reply(county, ids.w3, '你好', now)).toEqual({ ok: false, error: 'no_private_chat' });
    expect(await h.db.chatLine.count({ where: { contactId: 'w3' } })).toBe(0);
    expect(await h.db.outboxMessage.count({ where: { contactId: 'w3' } })).toBe(0);
  });
});
