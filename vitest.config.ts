import { defineConfig } from 'vitest/config';

// Tests are sorted by what they need, by their name: `*.db.test.ts` use a database and run twice,
// on SQLite ("sqlite") and on PostgreSQL ("postgres"); every other `*.test.ts` touches no database
// and runs once ("unit"). `*.browser.db.test.ts` drive Chromium on SQLite only (the browser is what
// they test; the databases are tested by the API tests), so the whole run stays short.
const dbTests = ['tests/**/*.db.test.ts'];
const browserTests = ['tests/**/*.browser.db.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    reporters: ['default', './tests/support/summaryReporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // One worker process per project runs its files one after another and keeps the modules it
    // loaded: a fresh process per file spent more time loading the app than testing it. A file
    // that mocks a module restores it (tests/flows/engineGuess.db.test.ts); stubbed variables are
    // restored after each test.
    poolOptions: { forks: { isolate: false } },
    unstubEnvs: true,
    setupFiles: ['tests/support/yieldBetweenTests.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: dbTests } },
      ...(['sqlite', 'postgres'] as const).map((db) => ({
        extends: true as const,
        test: {
          name: db,
          include: dbTests,
          exclude: db === 'postgres' ? browserTests : [],
          env: { TEST_DB: db },
          globalSetup: ['tests/support/globalSetupDb.ts'],
        },
      })),
    ],
  },
});
