// Every conversation case under tests/conversations/cases/ (see README.md there), run against the
// real engine, services and database: each turn's expected replies, then the goal, with no action
// she did not mean.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dbUnavailable } from '../support/testDb.js';
import { ConversationHarness } from '../support/conversations/conversationHarness.js';
import { loadCases } from '../support/conversations/loadCases.js';

const cases = loadCases(path.join(__dirname, 'cases'));

describe.skipIf(dbUnavailable)('conversation cases', () => {
  const harness = new ConversationHarness(createTestDatabase, { turnsToGoal: false });
  afterAll(() => harness.close());

  it.each(cases.map((c) => [c.name, c.conversation] as const))('%s', async (_name, conversation) => {
    const run = await harness.run(conversation);
    const transcript = run.turns.map((t) => `她：${t.she}\n${t.replies.map((r) => `答：${r}`).join('\n')}`).join('\n');
    expect(run.expectationFailures, transcript).toEqual([]);
    expect(run.goal.wrong, transcript).toEqual([]);
    expect(run.goal.missing, transcript).toEqual([]);
  });
});
