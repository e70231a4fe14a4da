// Timed messages that go out after their day (the service was down over their evening, or a
// throttled account held them): which of their parts a later message of hers already says, and the
// record of what was left out, where staff see it.
import type { Db } from '../../db/client.js';
import { addDays, shanghaiTime } from '../../domain/calendarDay.js';
import type { DroppedPart } from './reminderTypes.js';
import { BIRTH_CHECK } from './planBirthCheck.js';

/** A message she has been sent, is being sent, or will be sent. */
const SAID = ['queued', 'sending', 'sent', 'delivered'];

/** A key reads "<kind>:<subject>:<day>:<part>.<alert>+…"; the birth question's part is 'birth-check'. */
const keyParts = (key: string) => {
  const [kind, subject, day, parts] = key.split(':');
  return { kind, subject, day, parts };
};

/**
 * What other messages about the same subject (a pregnancy, a baby), planned after this one's day and
 * no later than `today`, say: those she was sent, and today's that are still to go out today (after
 * the merge, the queued ones left are not yet due). For each screening id ('birth-check' for the
 * birth question), the latest day such a message was planned for (an alert of a later day is newer).
 */
export async function supersededIn(db: Db, m: { contactId: string; dedupeKey: string }, today: string): Promise<Map<string, string>> {
  const { kind, subject, day } = keyParts(m.dedupeKey);
  const out = new Map<string, string>();
  if (!subject || !day) return out;
  const later = await db.outboxMessage.findMany({
    where: { contactId: m.contactId, dedupeKey: { startsWith: `${kind}:${subject}:` }, status: { in: SAID }, NOT: { dedupeKey: m.dedupeKey } },
    select: { dedupeKey: true },
  });
  for (const { dedupeKey: key } of later) {
    const { day: d, parts } = keyParts(key);
    if (!parts || !(d > day && d <= today)) continue;
    for (const part of parts.split('+')) {
      const id = part.split('.')[0];
      if ((out.get(id) ?? '') < d) out.set(id, d);
    }
  }
  return out;
}

/** The kinds whose late messages are merged: a pregnancy's window alerts, a baby's screens. */
const MERGED_KINDS = ['preg', 'newborn'];

/** What a message merged into `id` is cancelled with. */
export const mergedInto = (id: string) => `cancelled: merged into ${id}`;

/**
 * Her other alerts about the same subject (a pregnancy's window alerts, a baby's screens) whose time
 * has come by `now` are merged into this message: cancelled ("merged into <id>"), their days
 * returned, with those of messages merged into it before (a send tried again says them all again).
 * Not the birth question, which stands alone, nor other kinds (appointments, re-screening).
 */
export async function mergeLateSiblings(db: Db, m: { id: string; contactId: string; dedupeKey: string }, now: Date): Promise<string[]> {
  const { kind, subject, parts } = keyParts(m.dedupeKey);
  if (!subject || !MERGED_KINDS.includes(kind) || parts === BIRTH_CHECK) return [];
  const rows = await db.outboxMessage.findMany({
    where: {
      contactId: m.contactId,
      dedupeKey: { startsWith: `${kind}:${subject}:` },
      id: { not: m.id },
      // (one not yet due stays for its time: a change of hers meanwhile may re-plan it)
      OR: [
        { status: 'queued', notBefore: { lte: now } },
        { status: 'cancelled', lastError: mergedInto(m.id) },
      ],
    },
    select: { id: true, dedupeKey: true, status: true },
  });
  const days: string[] = [];
  for (const r of rows) {
    const { day, parts: p } = keyParts(r.dedupeKey);
    if (p === BIRTH_CHECK) continue;
    // (another process may be sending it right now: then it is not merged)
    if (
      r.status === 'queued' &&
      (await db.outboxMessage.updateMany({ where: { id: r.id, status: 'queued' }, data: { status: 'cancelled', lastError: mergedInto(m.id) } })).count === 0
    )
      continue;
    days.push(day);
  }
  return days;
}

/** A message that failed for good gives back the messages merged into it: each goes out on its own. */
export async function unmerge(db: Db, id: string): Promise<number> {
  return (
    await db.outboxMessage.updateMany({ where: { status: 'cancelled', lastError: mergedInto(id) }, data: { status: 'queued', lastError: null, attempts: 0 } })
  ).count;
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

/** The parts left out between two days (Asia/Shanghai, inclusive), newest first, at most `take`; of one reason or kind when given. */
export async function listDropped(
  db: Db,
  q: { from: string; to: string; take: number; reason?: string; kind?: string },
  names: ReadonlyMap<string, string>,
): Promise<DroppedRow[]> {
  const rows = await db.reminderDrop.findMany({
    where: {
      at: { gte: shanghaiTime(q.from, 0, 0), lt: shanghaiTime(addDays(q.to, 1), 0, 0) },
      ...(q.reason ? { reason: q.reason } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
    },
    orderBy: [{ at: 'desc' }, { id: 'asc' }],
    take: q.take,
    select: { at: true, contactId: true, messageId: true, kind: true, plannedDay: true, what: true, reason: true, day: true, messageSent: true },
  });
  return rows.map((r) => {
    const name = names.get(r.what);
    return name ? { ...r, name } : r;
  });
}
