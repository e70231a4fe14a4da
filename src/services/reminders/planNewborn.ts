// Newborn-screening reminders of one day: babies born on the days that put an alert on it, whose
// mother agreed as guardian, for the screens not yet done (domain.md §3).
import type { Db, Tx } from '../../db/client.js';
import { addDays, shanghaiAt } from '../../domain/calendarDay.js';
import { birthDatesWithAlertsOn, newbornScreenNeeded } from '../../domain/reminders/newbornAlerts.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import { CONTACT_SELECT, itemFor, mayReceive, type DroppedPart, type PlanResult, type PlanScope, type ReminderConfig } from './reminderTypes.js';

export async function planNewborn(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<PlanResult> {
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
  const dropped: DroppedPart[] = [];
  for (const p of rows) {
    // the birth was reported after this day: nothing from before is sent
    if (!mayReceive(p.contact) || !p.birthDate || (p.endedOn && p.endedOn > day)) continue;
    const birthDate = p.birthDate;
    let alerts = byBirth.get(birthDate)!.filter((a) => newbornScreenNeeded(a.screen, p));
    const late = scope.late;
    if (late) {
      // sent after its day: a screen whose window closed, or said in a later message, is left out
      const keyPrefix = `newborn:${p.id}:${day}`;
      alerts = alerts.filter((a) => {
        const to = addDays(birthDate, a.screen.window.toDay);
        if (to < late.on) dropped.push({ keyPrefix, what: a.screen.id, reason: 'window_closed', day: to });
        else if (late.skip.has(a.screen.id)) dropped.push({ keyPrefix, what: a.screen.id, reason: 'in_later_message' });
        else return true;
        return false;
      });
    }
    if (alerts.length === 0) continue;
    const text = cfg.texts.newborn({ birthDate, day, alerts, ...(late ? { sentOn: late.on } : {}) });
    const key = alerts
      .map((a) => `${a.screen.id}.${a.alert.id}`)
      .sort()
      .join('+');
    items.push(itemFor(p.contact, text, `newborn:${p.id}:${day}:${key}`, at));
  }
  return { items, last: rows[rows.length - 1].id, dropped };
}
