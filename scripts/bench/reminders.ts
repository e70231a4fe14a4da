// npm run bench:reminders — plans the next day's reminders (ReminderPlanner.planDay, henan profile)
// for 1,000,000 active pregnancies and for a population of 200,000 in which exactly the same
// pregnancies are due (the other due dates thinned), on SQLite (a file under tmp/) and on
// PostgreSQL (a temp database, created and dropped; skipped with a line if unreachable). Prints per
// database and population: seed time (not counted), planning time, peak memory, messages queued
// (the planner's report and a COUNT of OutboxMessage), a second planning of the same day (queues
// nothing), messages/s, the plan of the planner's page query and the cost of all its pages alone
// (is the (status, dueDate) index used?), and time(L)/time(S): ≈ 1 when the cost follows what is
// due, not who is registered.
// Seeding and each planning run in child processes, so the planning's memory figures are its own
// (Linux carries a parent's peak RSS into a child's maxRSS).
// Environment: BENCH_POSTGRES_URL (default TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_DATABASES (sqlite,postgres), BENCH_POPULATION_L (1000000), BENCH_POPULATION_S (200000).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../../generated/sqlite/index.js';
import { PrismaClient as PostgresClient } from '../../generated/postgres/index.js';
import { openDb, sqliteAdapter, type Db } from '../../src/db/client.js';
import { pgSettings, sqliteFilePath } from '../../src/db/databaseUrl.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { addDays, shanghaiDay } from '../../src/domain/calendarDay.js';
import { dueDatesWithAlertsOn } from '../../src/domain/reminders/prenatalAlerts.js';
import { loadProfiles } from '../../src/profiles/loadProfiles.js';
import { ReminderPlanner } from '../../src/services/reminders/ReminderPlanner.js';
import { planPrenatal } from '../../src/services/reminders/planPrenatal.js';
import { buildReminderConfig } from '../../src/services/reminders/reminderConfig.js';
import type { ReminderConfig } from '../../src/services/reminders/reminderTypes.js';
import { population, seedPostgres, seedSqlite, thinned, type Population, type SeedCounts } from './remindersSeed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const POPULATION_L = Number(process.env.BENCH_POPULATION_L ?? 1_000_000);
const POPULATION_S = Number(process.env.BENCH_POPULATION_S ?? 200_000);
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ONLY = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
/** The evening planning job runs at 20:00 and plans tomorrow. */
const NOW = new Date('2026-03-02T20:00:00+08:00');
const DAY = addDays(shanghaiDay(NOW), 1);
/** ReminderPlanner's default page size (the benchmark plans with the default). */
const PAGE = 2000;
/** Below Prisma's assumed SQLite limit of 999 bind values, with room for a query's other parameters. */
const WORKAROUND_PAGE = 900;
const PROFILE = 'henan';
const INDEX = 'Pregnancy_status_dueDate_id_idx';
const MB = 1024 * 1024;

type Provider = 'sqlite' | 'postgres';

interface Setup {
  config: ReminderConfig;
  alertDueDates: ReadonlySet<string>;
  populations: Record<'L' | 'S', Population>;
}

/** The profile's planning settings and both populations (deterministic: children rebuild them). */
function setup(): Setup {
  const profile = loadProfiles(path.join(ROOT, 'profiles')).get(PROFILE);
  if (!profile) throw new Error(`profile ${PROFILE} not found`);
  // no bookings in this population: the appointment text is never rendered
  const config = buildReminderConfig(profile, () => '');
  // the due dates with a window alert that day, and those asked whether the baby was born
  const alertDueDates = new Set([...dueDatesWithAlertsOn(config.prenatal, DAY).keys(), ...config.askBirthOn.map((d) => addDays(DAY, -d))]);
  const large = population('L', DAY, POPULATION_L, alertDueDates);
  return { config, alertDueDates, populations: { L: large, S: thinned('S', large, POPULATION_S, alertDueDates) } };
}

// ---------------------------------------------------------------------------------------------
// Child processes: seeding, and the measured planning.

interface Seeded {
  seconds: number;
  counts: SeedCounts;
}

async function seedChild(provider: Provider, url: string, label: 'L' | 'S'): Promise<void> {
  const { alertDueDates, populations } = setup();
  const t0 = performance.now();
  const counts =
    provider === 'sqlite' ? seedSqlite(url, populations[label], DAY, alertDueDates) : await seedPostgres(url, populations[label], DAY, alertDueDates);
  const result: Seeded = { seconds: (performance.now() - t0) / 1000, counts };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

interface Measured {
  planSeconds: number;
  planned: number;
  queued: number;
  outboxRows: number;
  rssBeforeMb: number;
  /** Highest RSS seen by the 20 ms sampler, and how many samples it took while planning. */
  sampledPeakMb: number;
  samples: number;
  /** The kernel's peak RSS (VmHWM) of the planning alone: reset just before, read just after. */
  hwmMb: number | null;
  maxRssMb: number;
  againSeconds: number;
  againQueued: number;
  againPlanned: number;
}

/** Resets the kernel's peak-RSS mark of this process (Linux ≥ 4.0); false where that is impossible. */
function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function peakRssMb(): number | null {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

async function measureChild(url: string, pageSize: number | undefined): Promise<void> {
  const { config } = setup();
  const h = openDb(url);
  try {
    const planner = new ReminderPlanner(h.db, () => config, pageSize);
    await h.db.outboxMessage.count(); // connects: not part of the planning time
    const rssBefore = process.memoryUsage().rss;
    let sampledPeak = rssBefore;
    let samples = 0;
    const sampler = setInterval(() => {
      samples++;
      sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
    }, 20);
    const hwmReset = resetPeakRss();
    const t0 = performance.now();
    const first = await planner.planDay(DAY, NOW).finally(() => clearInterval(sampler));
    const planSeconds = (performance.now() - t0) / 1000;
    const hwmMb = hwmReset ? peakRssMb() : null;
    sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    const outboxRows = await h.db.outboxMessage.count();
    const t1 = performance.now();
    const again = await planner.planDay(DAY, NOW);
    const againSeconds = (performance.now() - t1) / 1000;
    const m: Measured = {
      planSeconds,
      planned: first.planned,
      queued: first.queued,
      outboxRows,
      rssBeforeMb: rssBefore / MB,
      sampledPeakMb: sampledPeak / MB,
      samples,
      hwmMb,
      maxRssMb,
      againSeconds,
      againQueued: again.queued,
      againPlanned: again.planned,
    };
    console.log(`RESULT ${JSON.stringify(m)}`);
  } finally {
    await h.close();
  }
}

class ChildFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs this script in a child with `args`; resolves its RESULT line, rejects with its error. */
function runChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.split('\n');
      const result = lines.find((l) => l.startsWith('RESULT '));
      const failure = lines.find((l) => l.startsWith('FAILURE '));
      if (failure) {
        const f = JSON.parse(failure.slice('FAILURE '.length)) as { code: string; message: string };
        reject(new ChildFailed(f.code, f.message));
      } else if (code !== 0 || !result) reject(new Error(`child ${args[0]} failed (exit ${code}):\n${out}`));
      else resolve(JSON.parse(result.slice('RESULT '.length)) as T);
    });
  });
}

async function child(argv: string[]): Promise<void> {
  try {
    if (argv[0] === '--seed') await seedChild(argv[1] as Provider, argv[2], argv[3] as 'L' | 'S');
    else await measureChild(argv[1], argv[2] ? Number(argv[2]) : undefined);
  } catch (err) {
    const e = err as { code?: string; message?: string };
    console.log(`FAILURE ${JSON.stringify({ code: e.code ?? '', message: (e.message ?? String(err)).trim().split('\n').at(-1) })}`);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------------------
// The planner's page query: the SQL Prisma sends (captured from a logging client), its plan, and
// every page of it run alone through the driver.

type Captured = { sql: string; params: unknown[] };

/**
 * Every pregnancy query planPrenatal sends while it walks all its pages (one due date at a time, in
 * id order), captured from a logging client. Only the reads matter here: nothing is queued.
 */
async function capturePageQueries(provider: Provider, url: string, config: ReminderConfig): Promise<Captured[]> {
  type Logging = { $on(event: 'query', cb: (e: { query: string; params: string }) => void): void };
  const client =
    provider === 'sqlite'
      ? new SqliteClient({ adapter: sqliteAdapter(sqliteFilePath(url)), log: [{ emit: 'event', level: 'query' }] })
      : new PostgresClient({ adapter: new PrismaPg({ ...pgSettings(url), max: 1 }), log: [{ emit: 'event', level: 'query' }] });
  const captured: Captured[] = [];
  (client as unknown as Logging).$on('query', (e) => {
    if (/[`"]Pregnancy[`"]/.test(e.query) && /[`"]dueDate[`"]\s*(=|IN)/.test(e.query))
      captured.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  try {
    let after: string | undefined;
    for (;;) {
      const r = await planPrenatal(client as unknown as Db, config, DAY, { take: PAGE, after });
      if (!r.last) break;
      after = r.last;
    }
  } finally {
    await client.$disconnect();
  }
  if (captured.length === 0) throw new Error('the planner sent no pregnancy query by due date');
  return captured;
}

/** One connection of the driver itself: rows of a query, its plan, rows its filters threw away. */
interface Driver {
  rows(q: Captured): Promise<Record<string, unknown>[]>;
  plan(q: Captured): Promise<string[]>;
  /** PostgreSQL (EXPLAIN ANALYZE): rows read and dropped by a filter; SQLite cannot say. */
  removedByFilter(q: Captured): Promise<number | null>;
  close(): Promise<void>;
}

const asBound = (v: unknown) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v);

async function openDriver(provider: Provider, url: string): Promise<Driver> {
  if (provider === 'sqlite') {
    const db = new Database(sqliteFilePath(url), { readonly: true });
    return {
      rows: async (q) => db.prepare(q.sql).all(...q.params.map(asBound)) as Record<string, unknown>[],
      plan: async (q) => (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params.map(asBound)) as { detail: string }[]).map((r) => r.detail),
      removedByFilter: async () => null,
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client(pgSettings(url));
  await client.connect();
  return {
    rows: async (q) => (await client.query(q.sql, q.params)).rows as Record<string, unknown>[],
    plan: async (q) => (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params)).rows.map((r: Record<string, string>) => r['QUERY PLAN']),
    removedByFilter: async (q) => {
      const json = JSON.stringify((await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, q.params)).rows);
      return [...json.matchAll(/"Rows Removed by Filter":\s*(\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
    },
    close: () => client.end(),
  };
}

interface PageQueries {
  /** The plan of the second page query (a due date and an id cursor, or the next due date). */
  lines: string[];
  usesIndex: boolean;
  pages: number;
  rows: number;
  ms: number;
  removedByFilter: number | null;
}

/** Explains the planner's second page query, then runs every page query alone through the driver. */
async function pageQueries(provider: Provider, url: string, config: ReminderConfig): Promise<PageQueries> {
  const driver = await openDriver(provider, url);
  try {
    const walk = await capturePageQueries(provider, url, config);
    const lines = await driver.plan(walk[1] ?? walk[0]);
    const out: PageQueries = {
      lines,
      usesIndex: lines.some((l) => l.includes(INDEX)),
      pages: 0,
      rows: 0,
      ms: 0,
      removedByFilter: provider === 'postgres' ? 0 : null,
    };
    for (const q of walk) {
      const t0 = performance.now();
      const rows = await driver.rows(q);
      out.ms += performance.now() - t0;
      out.pages++;
      out.rows += rows.length;
      const removed = await driver.removedByFilter(q);
      if (out.removedByFilter !== null && removed !== null) out.removedByFilter += removed;
    }
    return out;
  } finally {
    await driver.close();
  }
}

// ---------------------------------------------------------------------------------------------
// One database per provider × population: fresh, seeded, planned, explained, removed.

interface Run {
  provider: Provider;
  pop: Population;
  seed: Seeded;
  m: Measured;
  q: PageQueries;
  /** The page size planned with: the planner's default unless that failed. */
  page: string;
  /** Why planning with the planner's default page size failed, when it did. */
  failure?: string;
}

async function clearOutbox(provider: Provider, url: string): Promise<void> {
  if (provider === 'sqlite') {
    const db = new Database(sqliteFilePath(url));
    db.exec('DELETE FROM "OutboxMessage"');
    db.close();
    return;
  }
  const client = new pg.Client(pgSettings(url));
  await client.connect();
  await client.query('DELETE FROM "OutboxMessage"');
  await client.end();
}

const n = (v: number) => v.toLocaleString('en-US');
const mb = (v: number | null) => (v === null ? 'n/a' : v.toFixed(0));

async function runOne(provider: Provider, url: string, pop: Population, config: ReminderConfig): Promise<Run> {
  await migrateDatabase(url);
  const seed = await runChild<Seeded>(['--seed', provider, url, pop.label]);
  const c = seed.counts;
  console.log(
    `${provider} ${pop.label}: seeded ${n(c.pregnancies)} pregnancies + contacts in ${seed.seconds.toFixed(1)} s (not counted); ` +
      `due on ${DAY}: ${n(c.due)}; twins ${((100 * c.twins) / c.pregnancies).toFixed(1)} %, referred ${((100 * c.referred) / c.pregnancies).toFixed(1)} %`,
  );
  if (c.pregnancies !== pop.total || c.due !== pop.due) throw new Error(`seeded ${c.pregnancies}/${c.due}, expected ${pop.total}/${pop.due}`);
  let m: Measured;
  let page = `${PAGE} (default)`;
  let failure: string | undefined;
  try {
    m = await runChild<Measured>(['--measure', url, '']);
  } catch (err) {
    if (!(err instanceof ChildFailed)) throw err;
    failure = `${err.code} ${err.message}`;
    console.log(`  planDay(${DAY}) FAILED with the planner's default page size: ${failure}`);
    console.log(`  planning again on the same data with page size ${WORKAROUND_PAGE} (a workaround, to have figures)`);
    await clearOutbox(provider, url);
    m = await runChild<Measured>(['--measure', url, String(WORKAROUND_PAGE)]);
    page = `${WORKAROUND_PAGE} (workaround)`;
  }
  console.log(
    `  planDay(${DAY}): ${m.planSeconds.toFixed(2)} s, queued ${n(m.queued)} (report: planned ${n(m.planned)}, queued ${n(m.queued)}; COUNT(OutboxMessage) ${n(m.outboxRows)}), ` +
      `${n(Math.round(m.queued / m.planSeconds))} messages/s`,
  );
  console.log(
    `  memory: RSS before ${mb(m.rssBeforeMb)} MB; peak while planning ${mb(m.hwmMb)} MB (kernel VmHWM), ` +
      `${mb(m.sampledPeakMb)} MB sampled every 20 ms (${m.samples} samples${m.samples === 0 ? ': the event loop never reached its timers while planning' : ''}); ` +
      `maxRSS of the process ${mb(m.maxRssMb)} MB`,
  );
  console.log(
    `  again: planned ${n(m.againPlanned)}, queued ${m.againQueued} in ${m.againSeconds.toFixed(2)} s (${m.againQueued === 0 ? 'idempotent' : 'NOT idempotent'})`,
  );
  const q = await pageQueries(provider, url, config);
  console.log(
    `  page query (Prisma's SQL, through the driver, page size ${PAGE}): ${q.usesIndex ? `uses ${INDEX}` : `does NOT use ${INDEX}`}; ` +
      `all ${q.pages} pages alone: ${n(q.rows)} rows in ${n(Math.round(q.ms))} ms` +
      (q.removedByFilter !== null ? `, ${n(q.removedByFilter)} rows read and dropped by filters (EXPLAIN ANALYZE)` : ''),
  );
  console.log(`  plan of the second page query (one due date, in id order):`);
  for (const l of q.lines) console.log(`    ${l}`);
  return { provider, pop, seed, m, q, page, failure };
}

async function runSqlite(setupData: Setup, runs: Run[]): Promise<void> {
  for (const pop of Object.values(setupData.populations)) {
    const file = path.join(ROOT, 'tmp', `bench-reminders-${pop.label}-${crypto.randomBytes(4).toString('hex')}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      runs.push(await runOne('sqlite', `file:${file}`, pop, setupData.config));
    } finally {
      for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
  }
}

async function runPostgres(setupData: Setup, runs: Run[]): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`postgres: SKIPPED — PostgreSQL unreachable at ${PG_ADMIN} (${(err as Error).message}); SQLite only`);
    await admin.end().catch(() => undefined);
    return;
  }
  try {
    for (const pop of Object.values(setupData.populations)) {
      const name = `bench_reminders_${pop.label.toLowerCase()}_${crypto.randomBytes(4).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name}`);
      try {
        const u = new URL(PG_ADMIN);
        u.pathname = `/${name}`;
        runs.push(await runOne('postgres', u.toString(), pop, setupData.config));
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    }
  } finally {
    await admin.end();
  }
}

function printSummary(runs: Run[]): void {
  const head = [
    'provider',
    'pop',
    'pregnancies',
    'due',
    'queued',
    'plan s',
    'msg/s',
    'peak MB',
    'maxRSS MB',
    'again s',
    'again queued',
    'pages alone ms',
    'index',
    'seed s',
    'page size',
  ];
  const rows = runs.map((r) => [
    r.provider,
    r.pop.label,
    n(r.seed.counts.pregnancies),
    n(r.seed.counts.due),
    n(r.m.outboxRows),
    r.m.planSeconds.toFixed(2),
    n(Math.round(r.m.queued / r.m.planSeconds)),
    mb(r.m.hwmMb ?? r.m.sampledPeakMb),
    mb(r.m.maxRssMb),
    r.m.againSeconds.toFixed(2),
    String(r.m.againQueued),
    n(Math.round(r.q.ms)),
    r.q.usesIndex ? 'yes' : 'NO',
    r.seed.seconds.toFixed(1),
    r.page,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  console.log('');
  for (const provider of ['sqlite', 'postgres'] as const) {
    const large = runs.find((r) => r.provider === provider && r.pop.label === 'L');
    const small = runs.find((r) => r.provider === provider && r.pop.label === 'S');
    if (!large || !small) continue;
    const ratio = large.m.planSeconds / small.m.planSeconds;
    const sameQueued = large.m.outboxRows === small.m.outboxRows;
    console.log(
      `${provider}: time(L)/time(S) = ${ratio.toFixed(2)} with ${(large.pop.total / small.pop.total).toFixed(1)}× the pregnancies and the same ${n(large.pop.due)} due ` +
        `(${sameQueued ? `both queued ${n(large.m.outboxRows)}` : `queued ${n(large.m.outboxRows)} vs ${n(small.m.outboxRows)}`}); target ≈ 1: ` +
        (ratio < 1.5 ? 'cost follows what is due' : 'ABOVE TARGET: cost grows with the population') +
        `; the page queries alone: ${(large.q.ms / small.q.ms).toFixed(2)}× (${n(Math.round(large.q.ms))} vs ${n(Math.round(small.q.ms))} ms)`,
    );
  }
}

async function main(): Promise<void> {
  const s = setup();
  const { L: large, S: small } = s.populations;
  console.log(
    `reminder planning of ${DAY} (planned at ${NOW.toISOString()}), profile ${PROFILE}: ${s.alertDueDates.size} due dates carry a prenatal alert or the birth question that day`,
  );
  console.log(`  population L: ${n(large.total)} active pregnancies, ${n(large.due)} of them due (alert due date)`);
  console.log(`  population S: ${n(small.total)} active pregnancies, ${n(small.due)} of them due (the same rows; other due dates thinned)`);
  const runs: Run[] = [];
  if (ONLY.includes('sqlite')) await runSqlite(s, runs);
  if (ONLY.includes('postgres')) await runPostgres(s, runs);
  printSummary(runs);
  for (const r of runs.filter((x) => x.failure)) {
    console.log(
      `FAILED: ${r.provider} ${r.pop.label}: planDay with the planner's default page size: ${r.failure} (figures above: page size ${WORKAROUND_PAGE})`,
    );
  }
  const wrong = runs.filter((r) => r.m.againQueued !== 0 || r.m.outboxRows !== r.m.queued || r.m.queued === 0);
  if (wrong.length > 0) {
    console.log(
      `FAILED: ${wrong.map((r) => `${r.provider} ${r.pop.label}`).join(', ')}: nothing queued, a count that disagrees, or a second planning that queued again`,
    );
  }
  if (wrong.length > 0 || runs.some((r) => r.failure)) process.exitCode = 1;
}

if (process.argv[2] === '--seed' || process.argv[2] === '--measure') await child(process.argv.slice(2));
else await main();
