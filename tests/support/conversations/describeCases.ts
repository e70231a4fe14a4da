// The one loader of tests/conversations/cases for vitest: every case under it (or under the folders
// named), run against the real engine, services and database. One test file runs them all: on this
// project's 2-core machines vitest runs one file at a time, and a file per group of folders was
// slower (each file imports the app and opens its own databases); a machine with more cores may
// split them again by calling describeCases with a few folders from several files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dbUnavailable } from '../testDb.js';
import { ConversationHarness } from './conversationHarness.js';
import { loadCases } from './loadCases.js';

const CASES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'conversations', 'cases');

export function describeCases(folders?: string[]): void {
  const names = folders ?? fs.readdirSync(CASES, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [e.name] : []));
  const cases = names.flatMap((folder) => loadCases(path.join(CASES, folder)).map((c) => ({ ...c, name: `${folder}/${c.name}` })));
  describe.skipIf(dbUnavailable)('conversation cases', () => {
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
