import { defineConfig } from 'vitest/config';

// Tests that touch no database run once ("unit"); every test that uses the database runs twice,
// on SQLite ("sqlite") and on PostgreSQL ("postgres").
const dbFree = ['tests/domain/**/*.test.ts', 'tests/profiles/**/*.test.ts', 'tests/channels/wechat/**/*.test.ts', 'tests/flows/**/*.test.ts', 'tests/jobs/schedule.test.ts', 'tests/channels/keyedSerialQueue.test.ts', 'tests/channels/inboundRouter.test.ts', 'tests/app/startupFailure.test.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    reporters: ['default', './tests/support/summaryReporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: dbFree } },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['tests/**/*.test.ts'],
          exclude: dbFree,
          env: { TEST_DB: 'sqlite' },
          globalSetup: ['tests/support/globalSetupDb.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['tests/**/*.test.ts'],
          exclude: dbFree,
          env: { TEST_DB: 'postgres' },
          globalSetup: ['tests/support/globalSetupDb.ts'],
        },
      },
    ],
  },
});
