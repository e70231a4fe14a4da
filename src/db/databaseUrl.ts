// One place that reads DATABASE_URL: which provider it names, the SQLite file path, and the
// discrete PostgreSQL settings (the pg adapter needs them apart, see shared/env-notes.md).
import path from 'node:path';

export type Provider = 'sqlite' | 'postgres';

export const DEFAULT_DATABASE_URL = 'file:./data/screening.db';

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(':')[0]}:…"`);
}

/** Absolute path of the SQLite file named by a `file:` URL (relative paths are from the working directory). */
export function sqliteFilePath(url: string): string {
  const raw = url.slice('file:'.length).split('?')[0];
  return path.resolve(raw);
}

export interface PgSettings {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

export function pgSettings(url: string): PgSettings {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || '127.0.0.1',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
}
