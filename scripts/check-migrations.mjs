#!/usr/bin/env node
// Checks that each provider's migrations produce exactly prisma/models.prisma (replayed on a
// shadow database). Fails naming the provider when a model changed without a migration.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { runPrisma } from './prisma.mjs';

const pgUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-check-'));
let failed = false;
for (const provider of ['sqlite', 'postgres']) {
  const url = provider === 'sqlite' ? `file:${path.join(tmp, 'check.db')}` : pgUrl;
  const r = runPrisma(
    provider,
    ['migrate', 'diff', '--from-migrations', `prisma/${provider}/migrations`, '--to-schema-datamodel', `prisma/${provider}`, '--exit-code'],
    { DATABASE_URL: url },
  );
  if (r.status === 0) {
    console.log(`migrations check: ${provider} migrations match prisma/models.prisma`);
  } else {
    failed = true;
    console.error(
      r.status === 2
        ? `migrations check: prisma/models.prisma differs from prisma/${provider}/migrations; run: npm run db:migration <name>`
        : `migrations check: could not compare ${provider} migrations (exit ${r.status})`,
    );
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
