// Newborn-screening reminders of one day: babies born on the days that put an alert on it, whose
// mother agreed as guardian, for the screens not yet done (domain.md §3).
import type { Db, Tx } from '../../db/client.js';
import { shanghaiAt } from '../../domain/calendarDay.js';
import { birthDatesWithAlertsOn, newbornScreenNeeded } from '../../domain/reminders/newbornAlerts.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import { CONTACT_SELECT, itemFor, mayReceive, type PlanScope, type ReminderConfig } from './reminderTypes.js';

export async function planNewborn(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<{ items: OutboxItem[]; last?: string }> {
  const byBirth = birthDatesWithAlertsOn(cfg.newborn, day);
  if (byBirth.size === 0) return { items: [] };
  const rows = await q.pregnancy.findMany({
    where: {
      status: 'born',
      birthDate: { in: [...byBirth.keys()] },
      guardianConsentAt: { not: null },
      ...(scope.contactId ? { contactId: scope.contactId } : {}),
      ...(scope.after ? { id: { gt: scope.after } } : {}),
    },
    orderBy: { id: 'asc' },
    take: scope.take,
    select: { id: true, birthDate: true, heelBloodDone: true, hearingFirst: true, endedOn: true, contact: { select: CONTACT_SELECT } },
  });
  if (rows.length === 0) return { items: [] };
  const at = shanghaiAt(day, cfg.time);
  const items: OutboxItem[] = [];
  for (const p of rows) {
    // the birth was reported after this day: nothing from before is sent
    if (!mayReceive(p.contact) || !p.birthDate || (p.endedOn && p.endedOn > day)) continue;
    const alerts = byBirth.get(p.birthDate)!.filter((a) => newbornScreenNeeded(a.screen, p));
    if (alerts.length === 0) continue;
    const text = cfg.texts.newborn({ birthDate: p.birthDate, day, alerts: alerts.map((a) => ({ text: a.alert.text, screen: a.screen })) });
    const key = alerts
      .map((a) => `${a.screen.id}.${a.alert.id}`)
      .sort()
      .join('+');
    items.push(itemFor(p.contact, text, `newborn:${p.id}:${day}:${key}`, at));
  }
  return { items, last: rows[rows.length - 1].id };
}
