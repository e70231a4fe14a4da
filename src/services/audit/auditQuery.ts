// Reading the audit: newest first, filtered, a page at a time (a cursor of the last entry's time and
// id). A county administrator reads its county's entries, a city administrator every entry.
// Nothing here changes an entry: the audit is append-only.
import type { Db } from '../../db/client.js';
import type { StaffScope } from '../../domain/staff/staffScope.js';

export interface AuditFilter {
  from?: Date;
  /** Exclusive. */
  to?: Date;
  action?: string;
  objectType?: string;
  objectId?: string;
  accountId?: string;
  limit: number;
  cursor?: string;
}

const encode = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`, 'utf8').toString('base64url');
function decode(cursor: string): { at: Date; id: string } | undefined {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const d = new Date(at ?? '');
  return id && !Number.isNaN(d.getTime()) ? { at: d, id } : undefined;
}

export function isAuditCursor(cursor: string): boolean {
  return decode(cursor) !== undefined;
}

export async function readAudit(db: Db, by: StaffScope, f: AuditFilter) {
  const after = f.cursor ? decode(f.cursor) : undefined;
  const rows = await db.auditEntry.findMany({
    where: {
      ...(by.role === 'city' ? {} : { countyId: by.countyId ?? '-' }),
      at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) },
      ...(f.action ? { action: f.action } : {}),
      ...(f.objectType ? { objectType: f.objectType } : {}),
      ...(f.objectId ? { objectId: f.objectId } : {}),
      ...(f.accountId ? { accountId: f.accountId } : {}),
      ...(after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  // staff accounts by their user names (the staff, not the women: no personal data of hers)
  const ids = [...new Set(page.map((r) => r.accountId).filter((x): x is string => !!x))];
  const names = new Map((await db.staffAccount.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } })).map((a) => [a.id, a.username]));
  const last = page[page.length - 1];
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      accountId: r.accountId,
      username: r.accountId ? (names.get(r.accountId) ?? null) : null,
      actor: r.actor,
      action: r.action,
      objectType: r.objectType,
      objectId: r.objectId,
      countyId: r.countyId,
      address: r.address,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    })),
    nextCursor: rows.length > f.limit && last ? encode(last.at, last.id) : null,
  };
}
