// Reading the pregnancies due on a few dates, page by page. For one woman (reconcile) all at once;
// in bulk one due date at a time in id order, so each page is a range of the index
// Pregnancy(status, dueDate, id) and no page re-reads or sorts the rows of the others (an `IN` over
// all dates ordered by id made PostgreSQL walk the whole table and SQLite sort on every page).

import type { Db, Tx } from '../../db/client.js';
import { CONTACT_SELECT } from './reminderTypes.js';

type DueWhere = { dueDate: string | { in: string[] }; id?: { gt: string }; contactId?: string };

/**
 * `after` is the cursor the previous page returned ("dueDate|id"); the next cursor is returned with
 * the rows, none when there is nothing more.
 */
export async function pageByDueDate<T extends { id: string }>(
  dueDates: string[],
  scope: { contactId?: string; after?: string; take?: number },
  read: (where: DueWhere, take?: number) => Promise<T[]>,
): Promise<{ rows: T[]; last?: string }> {
  if (scope.contactId || scope.take === undefined) {
    const rows = await read({ dueDate: { in: dueDates }, ...(scope.contactId ? { contactId: scope.contactId } : {}) });
    return { rows };
  }
  const sorted = [...dueDates].sort();
  // most days of a small county have nobody due on these dates: one read says so
  if (!scope.after && (await read({ dueDate: { in: sorted } }, 1)).length === 0) return { rows: [] };
  const [fromDue, afterId] = scope.after ? (scope.after.split('|') as [string, string]) : [sorted[0], ''];
  for (const due of sorted.filter((d) => d >= fromDue)) {
    const rows = await read({ dueDate: due, ...(due === fromDue && afterId ? { id: { gt: afterId } } : {}) }, scope.take);
    if (rows.length > 0) return { rows, last: `${due}|${rows[rows.length - 1].id}` };
  }
  return { rows: [] };
}

/**
 * A page of the pregnancies still active on `day`, registered by then, due on one of `dueDates`
 * (what the prenatal alerts and the birth question are planned from), with the woman to send to.
 */
export function activePregnanciesDue(q: Tx | Db, dueDates: string[], day: string, scope: { contactId?: string; after?: string; take?: number }) {
  return pageByDueDate(dueDates, scope, (where, take) =>
    q.pregnancy.findMany({
      where: { status: 'active', registeredOn: { lte: day }, ...where },
      orderBy: { id: 'asc' },
      take,
      select: { id: true, contactId: true, dueDate: true, twins: true, ageOnDueDate: true, referred: true, contact: { select: CONTACT_SELECT } },
    }),
  );
}
