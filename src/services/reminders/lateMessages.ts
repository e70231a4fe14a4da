// Timed messages that go out after their day (the service was down over their evening, or a
// throttled account held them): which of their parts a later message of hers already says, and the
// record of what was left out, where staff see it.
import type { Db } from '../../db/client.js';
import { addDays, shanghaiTime } from '../../domain/calendarDay.js';
import type { DroppedPart } from './reminderTypes.js';

/** The statuses of a message she has or will be sent. */
const LIVE = ['queued', 'sending', 'sent'];

/**
 * What later messages about the same subject (a pregnancy, a baby), planned after this one's day and
 * no later than `today`, already say: their screening ids ('birth-check' for the birth question).
 * A key reads "<kind>:<subject>:<day>:<part>.<alert>+…".
 */
export async function supersededIn(db: Db, dedupeKey: string, today: string): Promise<Set<string>> {
  const [kind, subject, day] = dedupeKey.split(':');
  const out = new Set<string>();
  if (!subject || !day) return out;
  const later = await db.outboxMessage.findMany({
    where: { dedupeKey: { startsWith: `${kind}:${subject}:` }, status: { in: LIVE }, NOT: { dedupeKey } },
    select: { dedupeKey: true },
  });
  for (const { dedupeKey: key } of later) {
    const [, , d, parts] = key.split(':');
    if (!parts || !(d > day && d <= today)) continue;
    for (const part of parts.split('+')) out.add(part.split('.')[0]);
  }
  return out;
}

/** Records the parts a late message left out (once per message and part: a retried send adds nothing). */
export async function recordDropped(
  db: Db,
  m: { messageId: string; contactId: string; kind: string; plannedDay: string; sent: boolean },
  dropped: readonly DroppedPart[],
  at: Date,
): Promise<void> {
  if (dropped.length === 0) return;
  const rows = dropped.map((d) => ({
    contactId: m.contactId,
    messageId: m.messageId,
    kind: m.kind,
    plannedDay: m.plannedDay,
    what: d.what,
    reason: d.reason,
    day: d.day ?? null,
    messageSent: m.sent,
    at,
  }));
  // (SQLite has no skipDuplicates: one row at a time, a repeat is left as it is)
  for (const data of rows) {
    await db.reminderDrop.upsert({ where: { messageId_what: { messageId: data.messageId, what: data.what } }, create: data, update: {} });
  }
}

/** One part left out, as staff see it: ids only, and the screening's name. */
export interface DroppedRow {
  at: Date;
  contactId: string;
  messageId: string;
  kind: string;
  plannedDay: string;
  what: string;
  /** The screening's name, for a screening. */
  name?: string;
  reason: string;
  day: string | null;
  messageSent: boolean;
}

/** The parts left out between two days (Asia/Shanghai, inclusive), newest first, at most `take`. */
export async function listDropped(db: Db, from: string, to: string, take: number, names: ReadonlyMap<string, string>): Promise<DroppedRow[]> {
  const rows = await db.reminderDrop.findMany({
    where: { at: { gte: shanghaiTime(from, 0, 0), lt: shanghaiTime(addDays(to, 1), 0, 0) } },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
    take,
    select: { at: true, contactId: true, messageId: true, kind: true, plannedDay: true, what: true, reason: true, day: true, messageSent: true },
  });
  return rows.map((r) => {
    const name = names.get(r.what);
    return name ? { ...r, name } : r;
  });
}
