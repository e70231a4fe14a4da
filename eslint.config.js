import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers of shared/design.md, checked on every import (ESLint's own no-restricted-imports, with
// regular expressions on the import path: every import here is relative, so no resolver is needed;
// with or without an extension). `app` is the composition root: only main.ts imports it. Ports
// (`*Port.ts`) are the one part of services a channel may import.
const LAYERS = ['domain', 'support', 'db', 'profiles', 'config', 'services', 'flows', 'channels', 'api', 'jobs', 'app', 'generated'];
/** An import path that enters one of these top-level folders (`../../services/x.js`, `../db/client`). */
const into = (folders) => `(^|/)(${folders.join('|')})(/|$)`;
const others = (...allowed) => LAYERS.filter((l) => !allowed.includes(l));
const NODE_IO = '^(node:)?(fs|fs/promises|http|https|http2|net|tls|dgram|dns|os|child_process|cluster|worker_threads|crypto|process)$';
const LAYER_RULES = [
  {
    files: ['src/domain/**'],
    message: 'domain is pure: it imports only domain (and pure libraries), never another layer, I/O or randomness',
    forbid: [into(others('domain')), NODE_IO, '^(@prisma/|pg$|better-sqlite3$|express$|wechaty|node-cron$|pino$)'],
  },
  {
    files: ['src/support/**'],
    message: 'support (clock, logger, data-file reading) is below every layer but domain',
    forbid: [into(others('support', 'domain'))],
  },
  {
    files: ['src/db/**'],
    message: 'the database layer imports no layer above it',
    forbid: [into(others('db', 'domain', 'support', 'generated'))],
  },
  {
    files: ['src/profiles/**'],
    message: 'loading the profiles uses domain, support and the flow loader; never services, channels, HTTP, jobs or the database',
    forbid: [into(['db', 'services', 'channels', 'api', 'jobs', 'app', 'generated'])],
  },
  {
    files: ['src/config/**'],
    message: 'settings and data files are read before anything is built: never services, channels, HTTP, jobs or the composition root',
    forbid: [into(['services', 'channels', 'api', 'jobs', 'app', 'generated'])],
  },
  {
    files: ['src/services/**'],
    message:
      'services use domain, db, profiles and support; flows, channels, api, jobs and app use them (never the other way); the database is reached through src/db',
    forbid: [into(['flows', 'channels', 'api', 'app', 'jobs', 'generated', 'config'])],
  },
  {
    files: ['src/channels/**'],
    message: 'channels are thin adapters: of services they may import only ports (*Port.ts); never the database',
    forbid: [into(['flows', 'api', 'app', 'jobs', 'db', 'generated', 'profiles', 'config']), '(^|/)services/(?!(.*/)?[A-Za-z]+Port(\\.js)?$)'],
  },
  {
    files: ['src/flows/**'],
    message: 'the conversation engine talks to services through ports; it never imports HTTP, jobs, the database or the composition root',
    forbid: [into(['api', 'app', 'jobs', 'db', 'generated'])],
  },
  {
    files: ['src/api/**', 'src/jobs/**'],
    message: 'only main.ts imports the composition root (src/app); the generated clients are reached through src/db',
    forbid: [into(['app', 'generated'])],
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'generated/', 'tmp/', 'data/', 'coverage/', 'console/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...LAYER_RULES.map(({ files, message, forbid }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: forbid.map((regex) => ({ regex, message })) }] },
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
