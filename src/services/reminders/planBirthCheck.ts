// "Was the baby born?" on the profile's days after the due date: most women never write 宝宝出生了
// by themselves, and without it the newborn reminders cannot start. Pregnancies still active whose
// due date is that many days before the day; the key is a prenatal one (preg:<id>:…), so a birth,
// a loss or 退订 cancels it with the rest of the pregnancy's messages.
import type { Db, Tx } from '../../db/client.js';
import { addDays, daysBetween, shanghaiAt } from '../../domain/calendarDay.js';
import { activePregnanciesDue } from './pageByDueDate.js';
import { itemFor, mayReceive, type PlanResult, type PlanScope, type ReminderConfig } from './reminderTypes.js';

/** Its part of a message's key, and what a later message names to stand in for it. */
export const BIRTH_CHECK = 'birth-check';

export async function planBirthCheck(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<PlanResult> {
  if (cfg.askBirthOn.length === 0) return { items: [] };
  const { rows, last } = await activePregnanciesDue(
    q,
    cfg.askBirthOn.map((d) => addDays(day, -d)),
    day,
    scope,
  );
  const at = shanghaiAt(day, cfg.time);
  const late = scope.late;
  // late: asked once, with the days counted to the day it goes out (a later question stands in for it)
  if (late?.skip.has(BIRTH_CHECK)) {
    return { items: [], last, dropped: rows.map((p) => ({ keyPrefix: `preg:${p.id}:${day}`, what: BIRTH_CHECK, reason: 'in_later_message' as const })) };
  }
  const items = rows
    .filter((p) => mayReceive(p.contact))
    .map((p) =>
      itemFor(p.contact, cfg.texts.birthCheck({ dueDate: p.dueDate, days: daysBetween(p.dueDate, late?.on ?? day) }), `preg:${p.id}:${day}:${BIRTH_CHECK}`, at),
    );
  return { items, last };
}
