// A turn saved on a stale version is refused: two processes never interleave one contact's turns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type DbHandle } from '../../src/db/client.js';
import { ConversationStore, StaleTurnError, type TurnWrite } from '../../src/services/conversationStore.js';
import { createTestDatabase, dbUnavailable, type TestDatabase } from '../support/testDb.js';

describe.skipIf(dbUnavailable)('ConversationStore.saveTurn', () => {
  let database: TestDatabase;
  let h: DbHandle;
  let store: ConversationStore;
  const now = new Date('2026-03-02T01:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase();
    h = openDb(database.url);
    store = new ConversationStore(h.db);
  });
  afterAll(async () => {
    await h.close();
    await database.drop();
  });

  const write = (version: number | null, stepId: string, facts: TurnWrite['facts'] = []): TurnWrite => ({
    state: { flowId: 'menu', stepId, vars: {}, engine: { stack: [] }, failures: 0, lastActiveAt: now, idleResetAt: null, version },
    facts,
    checks: [],
    contact: {},
    clearFacts: false,
    now,
  });

  it('saves a turn, then refuses a second one read at the same version, leaving nothing of it', async () => {
    const c = await h.db.contact.create({ data: { channel: 'simulator', externalId: 'stale-1' } });
    await store.saveTurn(c.id, write(null, 'a'));
    const read1 = await store.load(c.id);
    const read2 = await store.load(c.id);
    expect(read1?.version).toBe(1);
    await store.saveTurn(c.id, write(read1!.version, 'b', [{ key: 'birthDate', value: '1980-01-01', sensitive: false }]));
    await expect(store.saveTurn(c.id, write(read2!.version, 'c', [{ key: 'group', value: 'rural', sensitive: false }]))).rejects.toBeInstanceOf(StaleTurnError);
    expect((await store.load(c.id))?.stepId).toBe('b');
    expect(await h.db.fact.findMany({ where: { contactId: c.id }, select: { key: true } })).toEqual([{ key: 'birthDate' }]);
  });

  it('refuses a first turn when another process created the conversation meanwhile', async () => {
    const c = await h.db.contact.create({ data: { channel: 'simulator', externalId: 'stale-2' } });
    await store.saveTurn(c.id, write(null, 'a'));
    await expect(store.saveTurn(c.id, write(null, 'b'))).rejects.toBeInstanceOf(StaleTurnError);
  });

  it('an idle reset makes a turn that read before it stale', async () => {
    const c = await h.db.contact.create({ data: { channel: 'simulator', externalId: 'stale-3' } });
    await store.saveTurn(c.id, write(null, 'choose'));
    await h.db.conversation.update({ where: { contactId: c.id }, data: { flowId: 'eligibility' } });
    const before = await store.load(c.id);
    expect(await store.resetIdle(new Date('2026-03-03T01:00:00Z'), 30 * 60_000)).toBe(1);
    await expect(store.saveTurn(c.id, write(before!.version, 'x'))).rejects.toBeInstanceOf(StaleTurnError);
  });

  it('the idle reset forgets her answers and the engine state (the flows to return to, the options shown)', async () => {
    const c = await h.db.contact.create({ data: { channel: 'simulator', externalId: 'idle-engine' } });
    const w = write(null, 'ask');
    w.state.flowId = 'health_consent';
    w.state.vars = { services: 'nt' };
    w.state.engine = {
      stack: [{ flowId: 'booking', target: 'after_check' }],
      options: [{ value: 'a', label: 'A', words: [] }],
      trigger: { text: '18周了', tried: [] },
    };
    await store.saveTurn(c.id, w);
    expect(await store.resetIdle(new Date('2026-03-03T01:00:00Z'), 30 * 60_000)).toBe(1);
    const row = await h.db.conversation.findUniqueOrThrow({ where: { contactId: c.id } });
    expect(row).toMatchObject({ flowId: '', stepId: '', varsJson: '{}', engineJson: '{}' });
    expect((await store.load(c.id))?.engine).toEqual({ stack: [] });
  });

  it('a conversation saved with the bookkeeping in her variables (before its own column) goes on', async () => {
    const c = await h.db.contact.create({ data: { channel: 'simulator', externalId: 'legacy' } });
    const varsJson = JSON.stringify({
      services: 'nt',
      __options: [{ value: 'xc-mch', label: '项城市妇幼保健院', words: [] }],
      __return: { flowId: 'eligibility', stepId: 'check' },
      __fact: 'pregnant',
      __answered: ['birthDate'],
    });
    await h.db.conversation.create({ data: { contactId: c.id, flowId: 'health_consent', stepId: 'ask', varsJson, lastActiveAt: now, version: 1 } });
    const state = await store.load(c.id);
    expect(state?.vars).toEqual({ services: 'nt' });
    expect(state?.engine).toEqual({
      stack: [{ flowId: 'eligibility', target: 'check' }],
      options: [{ value: 'xc-mch', label: '项城市妇幼保健院', words: [] }],
      interview: { asking: 'pregnant', answered: ['birthDate'] },
    });
  });
});
