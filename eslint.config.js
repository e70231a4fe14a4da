import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers of shared/design.md, checked on every import (ESLint's own no-restricted-imports, matched
// on the folder names in the import path: every import here is relative, so no resolver is needed).
// `app` is the composition root: only main.ts imports it. Ports (`*Port.ts`) are the one part of
// services a channel may import.
const layer = (folder) => [`**/${folder}`, `**/${folder}/**`];
const LAYER_RULES = [
  {
    files: ['src/domain/**'],
    message: 'domain is pure: it imports only domain (and pure libraries), never another layer or I/O',
    forbid: [
      ...['db', 'services', 'flows', 'channels', 'api', 'app', 'jobs', 'profiles', 'config', 'support', 'generated'].flatMap(layer),
      '@prisma/*',
      'pg',
      'better-sqlite3',
      'express',
      'wechaty',
      'wechaty-*',
      'node-cron',
      'pino',
      'node:fs',
      'node:http',
      'fs',
      'http',
    ],
  },
  {
    files: ['src/services/**'],
    message:
      'services use domain, db, profiles and support; flows, channels, api, jobs and app use them (never the other way); the database is reached through src/db',
    forbid: ['flows', 'channels', 'api', 'app', 'jobs', 'generated'].flatMap(layer),
  },
  {
    files: ['src/channels/**'],
    message: 'channels are thin adapters: of services they may import only ports (*Port.ts)',
    // (gitignore rules: a file can be let back in only when its folder itself is not excluded)
    forbid: [...['flows', 'api', 'app', 'jobs', 'db', 'generated'].flatMap(layer), '**/services/**/*.js', '!**/services/**/*Port.js'],
  },
  {
    files: ['src/flows/**'],
    message: 'the conversation engine talks to services through ports; it never imports HTTP, jobs, the database client or the composition root',
    forbid: ['api', 'app', 'jobs', 'generated'].flatMap(layer),
  },
  {
    files: ['src/api/**', 'src/jobs/**', 'src/profiles/**', 'src/config/**', 'src/support/**'],
    message: 'only main.ts imports the composition root (src/app); the generated clients are reached through src/db',
    forbid: ['app', 'generated'].flatMap(layer),
  },
  {
    files: ['src/db/**'],
    message: 'the database layer imports no layer above it',
    forbid: ['services', 'flows', 'channels', 'api', 'app', 'jobs'].flatMap(layer),
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', 'tmp/', 'data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...LAYER_RULES.map(({ files, message, forbid }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbid, message }] }] },
  })),
  {
    // one way to run a transaction: src/db/transaction.ts (its retry and time-out policy)
    files: ['src/**'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='$transaction']", message: 'run transactions through runTransaction (src/db/transaction.ts)' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
