// The one loader of tests/conversations/cases for vitest: each tests/conversations/<group>.db.test.ts
// runs the case folders of its group, so that vitest can run the groups side by side; the folders
// of no group (a new area) run with the group `other`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dbUnavailable } from '../testDb.js';
import { ConversationHarness } from './conversationHarness.js';
import { loadCases } from './loadCases.js';

const CASES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'conversations', 'cases');

/** Case folders by test file (about the same time each); `other` takes every folder not named here. */
export const CASE_GROUPS = {
  booking: ['booking', 'prenatal-booking', 'waitlist'],
  reminders: ['reminders', 'pregnancy-timeline', 'resilience'],
  other: [] as string[],
};

function foldersOf(group: keyof typeof CASE_GROUPS): string[] {
  if (group !== 'other') return CASE_GROUPS[group];
  const named = new Set(Object.values(CASE_GROUPS).flat());
  return fs
    .readdirSync(CASES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !named.has(e.name))
    .map((e) => e.name);
}

/** Every case of the group's folders, run against the real engine, services and database. */
export function describeCases(group: keyof typeof CASE_GROUPS): void {
  const cases = foldersOf(group).flatMap((folder) => loadCases(path.join(CASES, folder)).map((c) => ({ ...c, name: `${folder}/${c.name}` })));
  describe.skipIf(dbUnavailable)(`conversation cases: ${group}`, () => {
    const harness = new ConversationHarness(createTestDatabase, { turnsToGoal: false });
    afterAll(() => harness.close());

    it.each(cases.map((c) => [c.name, c.conversation] as const))('%s', async (_name, conversation) => {
      const run = await harness.run(conversation);
      const transcript = run.turns
        .map((t) => `${t.woman ?? '她'}：${t.she || '(…)'}\n${[...t.received.map((r) => `收：${r}`), ...t.replies.map((r) => `答：${r}`)].join('\n')}`)
        .join('\n');
      expect(run.expectationFailures, transcript).toEqual([]);
      expect(run.goal.wrong, transcript).toEqual([]);
      expect(run.goal.missing, transcript).toEqual([]);
    });
  });
}
