#!/usr/bin/env node
// Runs the Prisma CLI without its engine download (no network here): the engine variables point
// at an existing file that is never executed, because prisma.config.ts sets engine: "js".
//   node scripts/prisma.mjs generate-all        generate both clients (sqlite and postgres)
//   node scripts/prisma.mjs <provider> <args…>  any prisma command for one provider
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
const placeholder = fileURLToPath(import.meta.url);

export function runPrisma(provider, args, extraEnv = {}) {
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    PRISMA_PROVIDER: provider,
    ...extraEnv,
  };
  return spawnSync(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'inherit' });
}

if (process.argv[1] === placeholder) {
  const [first, ...rest] = process.argv.slice(2);
  if (first === 'generate-all') {
    for (const p of ['sqlite', 'postgres']) {
      const r = runPrisma(p, ['generate', ...rest]);
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  } else if (first === 'sqlite' || first === 'postgres') {
    const r = runPrisma(first, rest);
    process.exit(r.status ?? 1);
  } else {
    console.error('usage: node scripts/prisma.mjs generate-all | <sqlite|postgres> <prisma args…>');
    process.exit(2);
  }
}
