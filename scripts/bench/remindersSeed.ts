// The population of the reminder benchmark and how it is written: active pregnancies with a
// realistic spread of due dates, generated inside the database in a few statements (PostgreSQL:
// INSERT … SELECT … FROM generate_series; SQLite: a recursive CTE in one transaction), never row
// by row through Prisma. Every attribute is a function of the row's number, computed by the same
// integer hash in both databases, so both hold identical rows and the small population's due rows
// are the large one's.
import Database from 'better-sqlite3';
import pg from 'pg';
import { pgSettings, sqliteFilePath } from '../../src/db/databaseUrl.js';
import { addDays } from '../../src/domain/calendarDay.js';

/** Gestational age (days) on the planned day: registered from 6 weeks, still active up to 42 weeks. */
export const GA_MIN = 42;
export const GA_MAX = 294;

/** The pregnancies due on one day: `n` rows numbered base … base + n − 1. */
export interface DueDay {
  dueDate: string;
  /** Her gestational age on the planned day, in days. */
  ga: number;
  n: number;
  base: number;
}

export interface Population {
  label: string;
  total: number;
  /** Pregnancies whose due date puts a prenatal alert on the planned day. */
  due: number;
  days: DueDay[];
}

/**
 * How many active pregnancies have each gestational age on `day`: roughly uniform over the due
 * dates, with a mild seasonal wobble (±8 %, more births in early autumn), fewer registered at 6–13
 * weeks (she registers between 6 weeks and her current age; by 14 weeks nearly all have), fewer
 * still active past 38 weeks (births reported).
 */
function weight(day: string, ga: number): number {
  const dueDate = addDays(day, 280 - ga);
  const doy = (Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${dueDate.slice(0, 4)}-01-01T00:00:00Z`)) / 86_400_000;
  const season = 1 + 0.08 * Math.cos((2 * Math.PI * (doy - 265)) / 365);
  const registered = ga >= 98 ? 1 : 0.15 + (0.85 * (ga - GA_MIN)) / (98 - GA_MIN);
  const stillActive = ga <= 266 ? 1 : 1 - (0.75 * (ga - 266)) / (GA_MAX - 266);
  return season * registered * stillActive;
}

/** Splits `total` over the weights, largest remainders first, so the counts add up exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}

/** The large population: `total` pregnancies spread over the due dates. */
export function population(label: string, day: string, total: number, alertDueDates: ReadonlySet<string>): Population {
  const gas = Array.from({ length: GA_MAX - GA_MIN + 1 }, (_, i) => GA_MIN + i);
  const counts = apportion(
    total,
    gas.map((ga) => weight(day, ga)),
  );
  let base = 0;
  const days = gas.map((ga, i) => {
    const d = { dueDate: addDays(day, 280 - ga), ga, n: counts[i], base };
    base += counts[i];
    return d;
  });
  return { label, total, due: dueCount(days, alertDueDates), days };
}

/**
 * The same due dates with the same rows on the alert due dates, and the other due dates thinned so
 * the whole is `total`: the same pregnancies are due, in a smaller population.
 */
export function thinned(label: string, from: Population, total: number, alertDueDates: ReadonlySet<string>): Population {
  if (total <= from.due) throw new Error(`population ${label} (${total}) must exceed the ${from.due} pregnancies due`);
  const others = from.days.filter((d) => !alertDueDates.has(d.dueDate));
  const counts = apportion(
    total - from.due,
    others.map((d) => d.n),
  );
  const thinnedN = new Map(others.map((d, i) => [d.dueDate, counts[i]]));
  const days = from.days.map((d) => ({ ...d, n: thinnedN.get(d.dueDate) ?? d.n }));
  return { label, total, due: dueCount(days, alertDueDates), days };
}

function dueCount(days: DueDay[], alertDueDates: ReadonlySet<string>): number {
  return days.filter((d) => alertDueDates.has(d.dueDate)).reduce((a, d) => a + d.n, 0);
}

/** A 32-bit integer hash; `HASH_PG` is the same function in PL/pgSQL (SQLite calls this one). */
export function benchHash(x: number, salt: number): number {
  let h = (x * 40503 + salt * 2654435) % 4294967296;
  h = Math.imul((h >>> 16) ^ h, 73244475) >>> 0;
  h = Math.imul((h >>> 16) ^ h, 73244475) >>> 0;
  return ((h >>> 16) ^ h) >>> 0;
}

const HASH_PG = `
CREATE FUNCTION pg_temp.bench_hash(x bigint, salt bigint) RETURNS bigint LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE h bigint := (x * 40503 + salt * 2654435) & 4294967295;
BEGIN
  h := (((h >> 16) # h) * 73244475) & 4294967295;
  h := (((h >> 16) # h) * 73244475) & 4294967295;
  RETURN (h >> 16) # h;
END $$`;

interface Dialect {
  /** The text of a timestamp constant. */
  ts: string;
  /** The day `ago` (an SQL expression) days before `day`, as 'YYYY-MM-DD'. */
  daysBefore(day: string, ago: string): string;
  hash: string;
}

const SQLITE: Dialect = {
  ts: `'2025-01-01T00:00:00.000+00:00'`,
  daysBefore: (day, ago) => `date('${day}', '-' || (${ago}) || ' days')`,
  hash: 'bench_hash',
};
const POSTGRES: Dialect = {
  ts: `TIMESTAMP '2025-01-01 00:00:00'`,
  daysBefore: (day, ago) => `to_char(DATE '${day}' - (${ago})::int, 'YYYY-MM-DD')`,
  hash: 'pg_temp.bench_hash',
};

const DAYS_TABLE = `CREATE TEMP TABLE bench_days ("dueDate" TEXT NOT NULL, ga INTEGER NOT NULL, n INTEGER NOT NULL, base INTEGER NOT NULL)`;
const ROWS_TABLE = `CREATE TEMP TABLE bench_rows (g BIGINT NOT NULL, "dueDate" TEXT NOT NULL, ga INTEGER NOT NULL, h1 BIGINT NOT NULL, h2 BIGINT NOT NULL)`;

function daysValues(p: Population): string {
  return `INSERT INTO bench_days ("dueDate", ga, n, base) VALUES ${p.days.map((d) => `('${d.dueDate}', ${d.ga}, ${d.n}, ${d.base})`).join(', ')}`;
}

/** Contacts: consented, subscribed, on WeChat, talking to the default account; one per pregnancy. */
function contactsInsert(x: Dialect): string {
  return `INSERT INTO "Contact" ("id", "channel", "externalId", "account", "consent", "consentAt", "healthConsentAt", "subscribed", "noShows", "createdAt", "updatedAt")
    SELECT 'bc' || g, 'wechat', 'wx-bench-' || g, 'default', 'given', ${x.ts}, ${x.ts}, true, 0, ${x.ts}, ${x.ts} FROM bench_rows`;
}

/**
 * Pregnancies: active, one per contact; registered between 6 weeks and her age on the planned day
 * (so never after it); ids ordered by registration day like cuids; 3 % twins, ages 20–42 on the due
 * date (triangular, most around 31), 1 % referred, dated by weeks, last period or due date.
 */
function pregnanciesInsert(x: Dialect, day: string): string {
  return `INSERT INTO "Pregnancy" ("id", "contactId", "status", "activeKey", "dueDate", "datingFrom", "cycleDays", "twins", "ageOnDueDate", "referred", "registeredOn", "createdAt", "updatedAt")
    SELECT 'c' || (50000 - ago) || (4294967296 + h2) || '-' || g, 'bc' || g, 'active', 'bc' || g, "dueDate",
      CASE (h2 >> 26) & 3 WHEN 1 THEN 'lastPeriod' WHEN 2 THEN 'dueDate' ELSE 'weeks' END,
      CASE (h2 >> 26) & 3 WHEN 1 THEN 28 ELSE NULL END,
      ((h1 >> 16) & 1023) < 31,
      20 + (((((h2 & 255) * 23) >> 8)) + ((((h2 >> 8) & 255) * 23) >> 8)) / 2,
      ((h2 >> 16) & 1023) < 10,
      ${x.daysBefore(day, 'ago')},
      ${x.ts}, ${x.ts}
    FROM (SELECT g, "dueDate", h1, h2, ((h1 & 65535) * (ga - ${GA_MIN - 1})) >> 16 AS ago FROM bench_rows) r`;
}

export interface SeedCounts {
  pregnancies: number;
  due: number;
  twins: number;
  referred: number;
}

function countsSql(alertDueDates: ReadonlySet<string>): string {
  const list = [...alertDueDates].map((d) => `'${d}'`).join(', ');
  return `SELECT COUNT(*) AS pregnancies,
      SUM(CASE WHEN "dueDate" IN (${list}) THEN 1 ELSE 0 END) AS due,
      SUM(CASE WHEN "twins" THEN 1 ELSE 0 END) AS twins,
      SUM(CASE WHEN "referred" THEN 1 ELSE 0 END) AS referred
    FROM "Pregnancy" WHERE "status" = 'active'`;
}

const toCounts = (r: Record<string, unknown>): SeedCounts => ({
  pregnancies: Number(r.pregnancies),
  due: Number(r.due),
  twins: Number(r.twins),
  referred: Number(r.referred),
});

/**
 * SQLite: one transaction on a connection of its own. Rollback journal in memory and no fsync for
 * this connection only (both are per connection; WAL would stay in the file and change how the
 * app's own connection runs afterwards). No ANALYZE: the app never runs it either.
 */
export function seedSqlite(url: string, p: Population, day: string, alertDueDates: ReadonlySet<string>): SeedCounts {
  const db = new Database(sqliteFilePath(url));
  try {
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -524288'); // 512 MiB: the indexes being filled stay in memory
    db.pragma('temp_store = MEMORY');
    db.function('bench_hash', { deterministic: true }, (x, salt) => BigInt(benchHash(Number(x), Number(salt))));
    const maxN = Math.max(...p.days.map((d) => d.n));
    db.transaction(() => {
      db.exec(DAYS_TABLE);
      db.exec(ROWS_TABLE);
      db.exec(daysValues(p));
      db.exec(`INSERT INTO bench_rows (g, "dueDate", ga, h1, h2)
        WITH RECURSIVE s(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM s WHERE k + 1 < ${maxN})
        SELECT d.base + s.k, d."dueDate", d.ga, bench_hash(d.base + s.k, 1), bench_hash(d.base + s.k, 2)
        FROM bench_days d JOIN s ON s.k < d.n`);
      db.exec(contactsInsert(SQLITE));
      db.exec(pregnanciesInsert(SQLITE, day));
      db.exec('DROP TABLE bench_rows; DROP TABLE bench_days');
    })();
    return toCounts(db.prepare(countsSql(alertDueDates)).get() as Record<string, unknown>);
  } finally {
    db.close();
  }
}

/**
 * PostgreSQL: a few statements on one connection (no fsync wait at commit for this session), then
 * VACUUM ANALYZE of the two tables, as autovacuum does within a minute of such a load.
 */
export async function seedPostgres(url: string, p: Population, day: string, alertDueDates: ReadonlySet<string>): Promise<SeedCounts> {
  const client = new pg.Client(pgSettings(url));
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    await client.query(HASH_PG);
    await client.query(DAYS_TABLE);
    await client.query(ROWS_TABLE);
    await client.query(daysValues(p));
    await client.query(`INSERT INTO bench_rows (g, "dueDate", ga, h1, h2)
      SELECT d.base + k, d."dueDate", d.ga, ${POSTGRES.hash}(d.base + k, 1), ${POSTGRES.hash}(d.base + k, 2)
      FROM bench_days d CROSS JOIN LATERAL generate_series(0, d.n - 1) AS k`);
    await client.query(contactsInsert(POSTGRES));
    await client.query(pregnanciesInsert(POSTGRES, day));
    await client.query('DROP TABLE bench_rows; DROP TABLE bench_days');
    await client.query('VACUUM ANALYZE "Contact"');
    await client.query('VACUUM ANALYZE "Pregnancy"');
    return toCounts((await client.query(countsSql(alertDueDates))).rows[0] as Record<string, unknown>);
  } finally {
    await client.end();
  }
}
