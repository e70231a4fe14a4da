// The same conditional write the service issues per pool attempt, straight through the driver:
// better-sqlite3 (synchronous, one statement per attempt, each its own transaction) or pg (a pool of
// the size Prisma's adapter uses, the same number of attempts in flight).
import Database from 'better-sqlite3';
import pg from 'pg';
import { pgSettings, sqliteFilePath } from '../../src/db/databaseUrl.js';

const SQL_SQLITE = 'UPDATE "SlotPool" SET "booked" = "booked" + 1 WHERE "id" = ? AND "booked" < "capacity"';
const SQL_PG = 'UPDATE "SlotPool" SET "booked" = "booked" + 1 WHERE "id" = $1 AND "booked" < "capacity"';

export async function driverRate(provider: 'sqlite' | 'postgres', url: string, poolIds: string[], inFlight: number): Promise<{ rate: number; taken: number }> {
  if (provider === 'sqlite') {
    const db = new Database(sqliteFilePath(url), { timeout: 5000 });
    try {
      const stmt = db.prepare(SQL_SQLITE);
      let taken = 0;
      const t0 = performance.now();
      for (const id of poolIds) taken += stmt.run(id).changes;
      return { rate: poolIds.length / ((performance.now() - t0) / 1000), taken };
    } finally {
      db.close();
    }
  }
  const pool = new pg.Pool({ ...pgSettings(url), max: 10 });
  try {
    let taken = 0;
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < poolIds.length) {
          const id = poolIds[next++];
          const n = (await pool.query(SQL_PG, [id])).rowCount ?? 0;
          taken += n;
        }
      }),
    );
    return { rate: poolIds.length / ((performance.now() - t0) / 1000), taken };
  } finally {
    await pool.end();
  }
}
