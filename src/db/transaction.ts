// The one way the services run a transaction, with one retry policy and one time-out policy.
//
// Retried (the database rolled the whole transaction back, so running it again from the start is
// safe and usually succeeds):
// - PostgreSQL 40001 serialization failure (Prisma's P2034 "write conflict") and 40P01 deadlock
//   (one of two transactions locking rows in opposite orders is chosen as the victim);
// - SQLite SQLITE_BUSY: another process holds the file's write lock longer than the busy timeout
//   (one process is the SQLite default, but a second one, e.g. a CLI, can hold it for a moment).
// Not retried: everything else, notably constraint violations (the caller decides what a clash
// means), the caller's own errors, and P2028 (the transaction outlived its time-out or waited too
// long for a connection: running it again adds load exactly when the database is slowest).
//
// Time-outs: a transaction may wait up to a minute for its turn (SQLite runs one at a time, and a
// surge queues hundreds) and stay open up to a minute (a planner page of thousands of messages).
import type { Db, Tx } from './client.js';

export interface TransactionOptions {
  /** How long to wait for a connection (SQLite: for the turn). Default 60 s. */
  maxWait?: number;
  /** How long the transaction may stay open. Default 60 s. */
  timeout?: number;
  /** PostgreSQL isolation level; the default is the database's (read committed). */
  isolationLevel?: 'ReadCommitted' | 'RepeatableRead' | 'Serializable';
  /** How many times to run it at most. Default 5. */
  attempts?: number;
  /** Errors the caller also wants retried (a race it knows to be harmless to repeat). */
  retryAlso?: (err: unknown) => boolean;
  /** Called before each new attempt (logging, tests). */
  onRetry?: (err: unknown, attempt: number) => void;
}

const TRANSACTION_MAX_WAIT_MS = 60_000;
const TRANSACTION_TIMEOUT_MS = 60_000;
const TRANSACTION_ATTEMPTS = 5;

interface DriverCause {
  kind?: string;
  code?: string;
  originalCode?: string;
}

/**
 * What the driver adapter reported under Prisma's error: a known request error carries it in
 * meta.driverAdapterError (model queries and raw queries, P2010), a bare DriverAdapterError (seen
 * for a deadlock in a model query) in its cause.
 */
function driverCause(err: unknown): DriverCause | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { name?: string; meta?: { driverAdapterError?: { cause?: DriverCause } }; cause?: unknown };
  const fromMeta = e.meta?.driverAdapterError?.cause;
  if (fromMeta && typeof fromMeta === 'object') return fromMeta;
  if (e.name === 'DriverAdapterError' && typeof e.cause === 'object' && e.cause !== null) return e.cause as DriverCause;
  return undefined;
}

function prismaCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const RETRYABLE_SQL_STATES = new Set(['40001', '40P01']);

/** A serialization failure, a deadlock or a busy SQLite file: the transaction was rolled back and may run again. */
export function isRetryableConflict(err: unknown): boolean {
  if (prismaCode(err) === 'P2034') return true;
  const cause = driverCause(err);
  if (!cause) return false;
  if (cause.kind === 'TransactionWriteConflict') return true;
  const state = cause.originalCode ?? cause.code ?? '';
  return RETRYABLE_SQL_STATES.has(state) || state.startsWith('SQLITE_BUSY');
}

/** A unique constraint refused a row, from a model query (P2002) or a raw one (P2010), on either database. */
export function isUniqueViolation(err: unknown): boolean {
  return prismaCode(err) === 'P2002' || driverCause(err)?.kind === 'UniqueConstraintViolation';
}

/** A foreign key refused a row (its parent is gone), from a model query (P2003) or a raw one. */
export function isForeignKeyViolation(err: unknown): boolean {
  return prismaCode(err) === 'P2003' || driverCause(err)?.kind === 'ForeignKeyConstraintViolation';
}

/**
 * Runs `work` again (up to `attempts` times in all, with a short growing pause and jitter) while it
 * fails with an error `retryIf` accepts. For work that is not one transaction but is safe to repeat
 * (an idempotent pass); a transaction uses runTransaction.
 */
export async function retrying<T>(
  work: (attempt: number) => Promise<T>,
  o: { retryIf: (err: unknown) => boolean; attempts?: number; onRetry?: (err: unknown, attempt: number) => void },
): Promise<T> {
  const attempts = o.attempts ?? TRANSACTION_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(attempt);
    } catch (err) {
      if (attempt >= attempts || !o.retryIf(err)) throw err;
      o.onRetry?.(err, attempt);
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.floor(Math.random() * 10)));
    }
  }
}

/**
 * Runs `fn` in one interactive transaction; when the database rolled it back for a conflict (see
 * the policy above) it runs again from the start, so `fn` must not keep state between attempts
 * other than what it reads from `tx`.
 */
export function runTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const { retryAlso, onRetry, attempts } = options;
  // (the SQLite typing of Db knows only Serializable; the PostgreSQL client takes all three)
  const txOptions = {
    maxWait: options.maxWait ?? TRANSACTION_MAX_WAIT_MS,
    timeout: options.timeout ?? TRANSACTION_TIMEOUT_MS,
    ...(options.isolationLevel ? { isolationLevel: options.isolationLevel as 'Serializable' } : {}),
  };
  return retrying(() => db.$transaction(fn, txOptions), {
    retryIf: (err) => isRetryableConflict(err) || (retryAlso?.(err) ?? false),
    attempts,
    onRetry,
  });
}
