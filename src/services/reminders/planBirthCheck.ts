// "Was the baby born?" on the profile's days after the due date: most women never write 宝宝出生了
// by themselves, and without it the newborn reminders cannot start. Pregnancies still active whose
// due date is that many days before the day; the key is a prenatal one (preg:<id>:…), so a birth,
// a loss or 退订 cancels it with the rest of the pregnancy's messages.
import type { Db, Tx } from '../../db/client.js';
import { addDays, daysBetween, shanghaiAt } from '../../domain/calendarDay.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import { activePregnanciesDue } from './pageByDueDate.js';
import { itemFor, mayReceive, type PlanScope, type ReminderConfig } from './reminderTypes.js';

export async function planBirthCheck(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<{ items: OutboxItem[]; last?: string }> {
  if (cfg.askBirthOn.length === 0) return { items: [] };
  const { rows, last } = await activePregnanciesDue(
    q,
    cfg.askBirthOn.map((d) => addDays(day, -d)),
    day,
    scope,
  );
  const at = shanghaiAt(day, cfg.time);
  const items = rows
    .filter((p) => mayReceive(p.contact))
    .map((p) => itemFor(p.contact, cfg.texts.birthCheck({ dueDate: p.dueDate, days: daysBetween(p.dueDate, day) }), `preg:${p.id}:${day}:birth-check`, at));
  return { items, last };
}
