// npm run bench:indicators — the programme indicators (IndicatorService.compute) of one county and of
// a whole city for a year, on a city-year of rows: 10 counties × 3 hospitals, 140,000 results taken
// in 2025 (100,000 两癌 screens: HPV, cytology, breast; 40,000 prenatal: serum, NT, NIPT) plus 14,000
// of December 2024 (outside the period, so the period's filter has work to do), ~7 % abnormal each with
// a follow-up case (most closed, with outcomes and stages), 55,000 contacts and their pregnancies.
// Results are stored in the order of their day (as they arrive). Women are identified as the indicators identify them: most by an ID hash, some by their contact,
// some only by a visit code, a few by nothing (the result alone); some screened twice.
// On SQLite (a file under tmp/) and on PostgreSQL (a temp database, created and dropped; skipped with a
// line if unreachable). Seeding goes through the driver (not counted); the computing through the app's
// Prisma client, as the staff route calls it. Prints per database: seed time, then per region the
// time of each of BENCH_RUNS runs (first, fastest, median), the rows read, and the city's figures.
// Environment: BENCH_POSTGRES_URL (default TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres),
// BENCH_DATABASES (sqlite,postgres), BENCH_RESULTS (140000), BENCH_RUNS (3).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openDb } from '../../src/db/client.js';
import { pgSettings, sqliteFilePath } from '../../src/db/databaseUrl.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { addDays } from '../../src/domain/calendarDay.js';
import { IndicatorService, type IndicatorReport } from '../../src/services/indicators/IndicatorService.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PG_ADMIN = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ONLY = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const RESULTS = Number(process.env.BENCH_RESULTS ?? 140_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const OUTSIDE = Math.round(RESULTS / 10);
const COUNTIES = 10;
const HOSPITALS_PER_COUNTY = 3;
const CITY = 'bench-city';
const county = (k: number) => `bench-county-${String(k + 1).padStart(2, '0')}`;
const FROM = '2025-01-01';
const TO = '2025-12-31';
/** Women of the 两癌 screens and of the prenatal screens (fewer women than screens: some twice). */
const SCREEN_WOMEN = Math.round(RESULTS * 0.6);
const PRENATAL_WOMEN = Math.round(RESULTS * 0.27);
/** Pregnancies of women who have no result here (registered, not screened yet). */
const EXTRA_PREGNANCIES = Math.round(RESULTS * 0.2);
const BATCH = 1000;
const AT = new Date('2026-01-15T02:00:00Z');

type Provider = 'sqlite' | 'postgres';
type Value = string | number | boolean | Date | null;
interface Table {
  name: string;
  columns: string[];
  rows: Value[][];
}

/** A repeatable pseudo-random sequence in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, weighted: [T, number][]): T {
  let u = rnd() * weighted.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of weighted) if ((u -= w) < 0) return v;
  return weighted[weighted.length - 1][0];
}

const STAGES: [string, number][] = [
  ['0', 1],
  ['I', 3],
  ['II', 3],
  ['III', 2],
  ['IV', 1],
];
const NORMAL: Record<string, string> = { hpv: 'negative', cytology: 'nilm', breast: 'normal', serum: 'low', nt: 'normal', nipt: 'low' };
const ABNORMAL: Record<string, [string, number][]> = {
  hpv: [
    ['hpv16or18', 1],
    ['otherHighRisk', 3],
  ],
  cytology: [
    ['ascus', 4],
    ['lsil', 3],
    ['hsil', 2],
    ['cancer', 1],
  ],
  breast: [
    ['probablyBenign', 3],
    ['suspicious', 2],
  ],
  serum: [
    ['high', 1],
    ['intermediate', 2],
  ],
  nt: [['thick', 1]],
  nipt: [['high', 1]],
};
const OUTCOMES: Record<'cervical' | 'breast' | 'prenatal', [string, number][]> = {
  cervical: [
    ['normal', 40],
    ['cin1', 25],
    ['cin2plus', 15],
    ['cervicalCancer', 5],
    ['lostToFollowUp', 10],
    ['refused', 3],
    ['movedAway', 2],
  ],
  breast: [
    ['benignBreast', 60],
    ['breastCancer', 15],
    ['normal', 15],
    ['lostToFollowUp', 10],
  ],
  prenatal: [
    ['chromosomalExcluded', 70],
    ['chromosomalConfirmed', 10],
    ['lostToFollowUp', 10],
    ['refused', 10],
  ],
};

/** The city: its counties, hospitals, contacts, pregnancies, results and cases. */
function cityRows(): Table[] {
  const rnd = random(20250101);
  const regions: Value[][] = [[CITY, 'bench city', 'city', null]];
  const hospitals: Value[][] = [];
  for (let k = 0; k < COUNTIES; k++) {
    regions.push([county(k), `bench county ${k + 1}`, 'county', CITY]);
    for (let j = 0; j < HOSPITALS_PER_COUNTY; j++) hospitals.push([`${county(k)}-h${j}`, county(k), 'bench', '-', '-', '-']);
  }
  const contacts: Value[][] = [];
  const pregnancies: Value[][] = [];
  const contact = (id: string, k: number) => contacts.push([id, 'wechat', `wx-${id}`, county(k), 'given', AT]);
  const pregnancy = (contactId: string) => {
    const registeredOn = addDays(FROM, Math.floor(rnd() * 396) - 31); // a month before the year too
    pregnancies.push([`p-${contactId}`, contactId, 'active', contactId, addDays(registeredOn, 220), 'weeks', registeredOn, AT, AT]);
  };
  // who a woman is to the results: an ID hash (60 %), her contact (20 %), a visit code (15 %), nothing (5 %)
  const keysOf = (w: number): [string | null, string | null, string | null] => {
    const m = w % 20;
    if (m < 12) return [`hash-${w}`, null, null];
    if (m < 16) return [null, `c${w}`, null];
    if (m < 19) return [null, null, `V${w}`];
    return [null, null, null];
  };
  for (let w = 0; w < SCREEN_WOMEN + PRENATAL_WOMEN; w++) {
    if (keysOf(w)[1]) contact(`c${w}`, w % COUNTIES);
    if (w >= SCREEN_WOMEN && keysOf(w)[1]) pregnancy(`c${w}`);
  }
  for (let e = 0; e < EXTRA_PREGNANCIES; e++) {
    contact(`pc${e}`, e % COUNTIES);
    pregnancy(`pc${e}`);
  }
  const results: Value[][] = [];
  const cases: Value[][] = [];
  for (let i = 0; i < RESULTS + OUTSIDE; i++) {
    const twoCancer = rnd() < 100 / 140;
    const w = twoCancer ? Math.floor(rnd() * SCREEN_WOMEN) : SCREEN_WOMEN + Math.floor(rnd() * PRENATAL_WOMEN);
    const category = twoCancer
      ? pick(rnd, [
          ['hpv', 4],
          ['cytology', 2],
          ['breast', 4],
        ])
      : pick(rnd, [
          ['serum', 4],
          ['nt', 3.5],
          ['nipt', 2.5],
        ]);
    const k = w % COUNTIES;
    const hospitalId = `${county(k)}-h${Math.floor(rnd() * HOSPITALS_PER_COUNTY)}`;
    const testDate = i < RESULTS ? addDays(FROM, Math.floor(rnd() * 365)) : addDays(FROM, -1 - Math.floor(rnd() * 31));
    const abnormal = rnd() < (twoCancer ? 0.08 : 0.05);
    const grade = abnormal ? pick(rnd, ABNORMAL[category]) : NORMAL[category];
    const [idHash, contactId, visitCode] = keysOf(w);
    const id = `r${String(i).padStart(7, '0')}`;
    results.push([
      id,
      hospitalId,
      `LIS-${i}`,
      category,
      grade,
      abnormal,
      testDate,
      '{}',
      visitCode,
      idHash,
      contactId,
      contactId ? 'matched' : 'unmatched',
      'auto',
      AT,
      AT,
    ]);
    if (!abnormal) continue;
    const programme = category === 'hpv' || category === 'cytology' ? 'cervical' : category === 'breast' ? 'breast' : 'prenatal';
    const closedWith = rnd() < 0.85 ? pick(rnd, OUTCOMES[programme]) : null;
    const stage = closedWith === 'cervicalCancer' || closedWith === 'breastCancer' ? pick(rnd, STAGES) : null;
    cases.push([
      `case-${id}`,
      id,
      contactId,
      hospitalId,
      county(k),
      category,
      grade,
      'next',
      testDate,
      addDays(testDate, 28),
      closedWith ? AT : null,
      closedWith,
      stage,
      AT,
      AT,
    ]);
  }
  // stored as they arrive: roughly in the order of the day the sample was taken
  results.sort((x, y) => (x[6] as string).localeCompare(y[6] as string));
  return [
    { name: 'Region', columns: ['id', 'name', 'level', 'parentId'], rows: regions },
    { name: 'Hospital', columns: ['id', 'regionId', 'name', 'address', 'phone', 'directions'], rows: hospitals },
    { name: 'Contact', columns: ['id', 'channel', 'externalId', 'regionId', 'consent', 'updatedAt'], rows: contacts },
    {
      name: 'Pregnancy',
      columns: ['id', 'contactId', 'status', 'activeKey', 'dueDate', 'datingFrom', 'registeredOn', 'createdAt', 'updatedAt'],
      rows: pregnancies,
    },
    {
      name: 'ScreeningResult',
      columns: [
        'id',
        'hospitalId',
        'hospitalResultId',
        'category',
        'grade',
        'abnormal',
        'testDate',
        'fieldsJson',
        'visitCode',
        'idHash',
        'contactId',
        'matchState',
        'status',
        'receivedAt',
        'updatedAt',
      ],
      rows: results,
    },
    {
      name: 'FollowUpCase',
      columns: [
        'id',
        'resultId',
        'contactId',
        'hospitalId',
        'regionId',
        'category',
        'grade',
        'nextStep',
        'openedOn',
        'dueOn',
        'closedAt',
        'outcome',
        'outcomeStage',
        'createdAt',
        'updatedAt',
      ],
      rows: cases,
    },
  ];
}

const quoted = (columns: string[]) => columns.map((c) => `"${c}"`).join(', ');

function seedSqlite(url: string, tables: Table[]): void {
  const db = new Database(sqliteFilePath(url));
  try {
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    const asSqlite = (v: Value) => (v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? (v ? 1 : 0) : v);
    db.transaction(() => {
      for (const t of tables) {
        const insert = db.prepare(`INSERT INTO "${t.name}" (${quoted(t.columns)}) VALUES (${t.columns.map(() => '?').join(', ')})`);
        for (const r of t.rows) insert.run(...r.map(asSqlite));
      }
    })();
  } finally {
    db.close();
  }
}

async function seedPostgres(url: string, tables: Table[]): Promise<void> {
  const client = new pg.Client(pgSettings(url));
  await client.connect();
  try {
    await client.query('SET synchronous_commit = off');
    for (const t of tables) {
      for (let i = 0; i < t.rows.length; i += BATCH) {
        const chunk = t.rows.slice(i, i + BATCH);
        const w = t.columns.length;
        const values = chunk.map((_, r) => `(${t.columns.map((_c, c) => `$${r * w + c + 1}`).join(', ')})`).join(', ');
        await client.query(`INSERT INTO "${t.name}" (${quoted(t.columns)}) VALUES ${values}`, chunk.flat());
      }
      // as autovacuum does within a minute of such a load
      await client.query(`VACUUM ANALYZE "${t.name}"`);
    }
  } finally {
    await client.end();
  }
}

interface Timed {
  label: string;
  seconds: number[];
  report: IndicatorReport;
}

async function measure(url: string): Promise<Timed[]> {
  const h = openDb(url);
  try {
    await h.db.region.count(); // connects: not part of the times
    const service = new IndicatorService(h.db);
    const out: Timed[] = [];
    for (const [label, regionId] of [
      ['county', county(0)],
      ['city', CITY],
    ]) {
      const seconds: number[] = [];
      let report: IndicatorReport | undefined;
      for (let run = 0; run < RUNS; run++) {
        const t0 = performance.now();
        const r = await service.compute({ regionId, from: FROM, to: TO });
        seconds.push((performance.now() - t0) / 1000);
        if (!r.ok) throw new Error(`${regionId}: ${r.error}`);
        report = r.report;
      }
      out.push({ label, seconds, report: report! });
    }
    return out;
  } finally {
    await h.close();
  }
}

const n = (v: number) => v.toLocaleString('en-US');
const pct = (r: { numerator: number; denominator: number; percent: number | null }) =>
  `${n(r.numerator)}/${n(r.denominator)} = ${r.percent === null ? '—' : `${r.percent.toFixed(2)} %`}`;

function print(provider: Provider, seedSeconds: number, tables: Table[], timed: Timed[]): void {
  const count = (name: string) => tables.find((t) => t.name === name)!.rows.length;
  console.log(
    `${provider}: seeded ${n(count('ScreeningResult'))} results (${n(RESULTS)} in ${FROM}…${TO}), ${n(count('FollowUpCase'))} cases, ` +
      `${n(count('Contact'))} contacts, ${n(count('Pregnancy'))} pregnancies in ${seedSeconds.toFixed(1)} s (not counted)`,
  );
  for (const t of timed) {
    const sorted = [...t.seconds].sort((a, b) => a - b);
    const r = t.report;
    const screens = r.cervical.screened + r.breast.screened + r.prenatal.screened.any;
    console.log(
      `  ${t.label.padEnd(6)} ${r.region.id} (${r.region.counties.length} ${r.region.counties.length === 1 ? 'county' : 'counties'}), ${FROM}…${TO}: ` +
        `first ${t.seconds[0].toFixed(2)} s, fastest ${sorted[0].toFixed(2)} s, median ${sorted[Math.floor(sorted.length / 2)].toFixed(2)} s ` +
        `over ${t.seconds.length} runs (${n(screens)} woman-screens counted)`,
    );
  }
  const city = timed.find((t) => t.label === 'city')!.report;
  for (const organ of ['cervical', 'breast'] as const) {
    const f = city[organ];
    console.log(
      `  city ${organ}: screened ${n(f.screened)}, 异常率 ${pct(f.abnormalRate)}, 随访率 ${pct(f.followUpRate)}, ` +
        `失访率 ${pct(f.lostRate)}, 早诊率 ${pct(f.earlyDiagnosisRate)}`,
    );
  }
  const p = city.prenatal;
  console.log(
    `  city prenatal: registered ${n(p.registered)}, screened serum ${n(p.screened.serum)} NT ${n(p.screened.nt)} NIPT ${n(p.screened.nipt)}, ` +
      `high risk ${n(p.highRisk.any)}, 干预率 ${pct(p.interventionRate)}`,
  );
}

async function runOne(provider: Provider, url: string, tables: Table[]): Promise<void> {
  await migrateDatabase(url);
  const t0 = performance.now();
  if (provider === 'sqlite') seedSqlite(url, tables);
  else await seedPostgres(url, tables);
  const seedSeconds = (performance.now() - t0) / 1000;
  print(provider, seedSeconds, tables, await measure(url));
}

async function main(): Promise<void> {
  const tables = cityRows();
  if (ONLY.includes('sqlite')) {
    const file = path.join(ROOT, 'tmp', `bench-indicators-${crypto.randomBytes(4).toString('hex')}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      await runOne('sqlite', `file:${file}`, tables);
    } finally {
      for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    }
  }
  if (!ONLY.includes('postgres')) return;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  try {
    await admin.connect();
  } catch (err) {
    console.log(`postgres: SKIPPED — PostgreSQL unreachable at ${PG_ADMIN} (${(err as Error).message}); SQLite only`);
    await admin.end().catch(() => undefined);
    return;
  }
  const name = `bench_indicators_${crypto.randomBytes(4).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(PG_ADMIN);
    u.pathname = `/${name}`;
    await runOne('postgres', u.toString(), tables);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

await main();
