// Where the simulator's clock stands, kept in the database: a restart of the demo never sends time
// backwards.
import type { Db } from '../db/client.js';

/**
 * The clock's start: CLOCK_START when set, else the later of where the simulator left it and now; now
 * whatever they say when the database holds a real channel's contacts (real women live in real time).
 */
export async function simulatorClockStart(db: Db, clockStart: string | undefined, now: Date): Promise<Date> {
  if (await holdsRealContacts(db)) return now;
  if (clockStart) return new Date(clockStart);
  const saved = await db.simulatorClock.findUnique({ where: { id: 1 } });
  return saved && saved.now > now ? saved.now : now;
}

export async function saveSimulatorClock(db: Db, now: Date): Promise<void> {
  await db.simulatorClock.upsert({ where: { id: 1 }, create: { id: 1, now }, update: { now } });
}

/** Whether the database holds contacts of a real channel (WeChat, SMS): the simulator never moves their clock. */
export async function holdsRealContacts(db: Db): Promise<boolean> {
  return (await db.contact.count({ where: { channel: { not: 'simulator' } } })) > 0;
}
