// Engine tests without Wechaty: the real app on a test database, messages through the simulator
// channel, and what the database then holds about her.
import { startTestApp, type TestApp } from './testApp.js';

export interface EngineChat {
  t: TestApp;
  /** Sends her message; resolves with the replies. */
  say(contactId: string, text: string): Promise<string[]>;
  /** Her conversation row, with the engine state and variables parsed. */
  conversation(contactId: string): Promise<{ flowId: string; stepId: string; vars: Record<string, unknown>; engine: Record<string, unknown> } | null>;
  /** Her contact row. */
  contact(contactId: string): Promise<{ id: string; consent: string; healthConsentAt: Date | null } | null>;
  /** Her stored facts, by key. */
  facts(contactId: string): Promise<Record<string, unknown>>;
  /** Sends several messages; resolves with the replies to the last. */
  walk(contactId: string, texts: string[]): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startEngineChat(start?: string): Promise<EngineChat> {
  const t = await startTestApp({ start });
  const db = t.app.dbHandle.db;
  const contact = (externalId: string) => db.contact.findUnique({ where: { channel_externalId: { channel: 'simulator', externalId } } });
  const chat: EngineChat = {
    t,
    say: (id, text) => t.say(id, text),
    async conversation(id) {
      const c = await contact(id);
      const row = c && (await db.conversation.findUnique({ where: { contactId: c.id } }));
      if (!row) return null;
      return {
        flowId: row.flowId,
        stepId: row.stepId,
        vars: JSON.parse(row.varsJson) as Record<string, unknown>,
        engine: JSON.parse(row.engineJson) as Record<string, unknown>,
      };
    },
    contact,
    async facts(id) {
      const c = await contact(id);
      const rows = c ? await db.fact.findMany({ where: { contactId: c.id } }) : [];
      return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.valueJson) as unknown]));
    },
    async walk(id, texts) {
      let last: string[] = [];
      for (const text of texts) last = await t.say(id, text);
      return last;
    },
    async stop() {
      await t.stop();
      await t.database.drop();
    },
  };
  return chat;
}
