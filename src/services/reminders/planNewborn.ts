// Newborn-screening reminders of one day: babies born on the days that put an alert on it, whose
// mother agreed as guardian, for the screens not yet done (domain.md §3). Late (a message that goes
// out after its day): the day's alerts and those of the days merged into it, each screen once.
import type { Db, Tx } from '../../db/client.js';
import { addDays, shanghaiAt } from '../../domain/calendarDay.js';
import { birthDatesWithAlertsOn, newbornScreenNeeded, type NewbornDueAlert } from '../../domain/reminders/newbornAlerts.js';
import type { OutboxItem } from '../outbox/outboxTypes.js';
import {
  CONTACT_SELECT,
  itemFor,
  mayReceive,
  type DroppedPart,
  type PlanContact,
  type PlanResult,
  type PlanScope,
  type ReminderConfig,
} from './reminderTypes.js';

interface BornEntry {
  p: { id: string; birthDate: string; contact: PlanContact };
  alerts: NewbornDueAlert[];
}

async function alertsOn(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<{ entries: BornEntry[]; last?: string }> {
  const byBirth = birthDatesWithAlertsOn(cfg.newborn, day);
  if (byBirth.size === 0) return { entries: [] };
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
  const entries: BornEntry[] = [];
  for (const p of rows) {
    // the birth was reported after this day: nothing from before is sent
    if (!mayReceive(p.contact) || !p.birthDate || (p.endedOn && p.endedOn > day)) continue;
    const alerts = byBirth.get(p.birthDate)!.filter((a) => newbornScreenNeeded(a.screen, p));
    if (alerts.length > 0) entries.push({ p: { ...p, birthDate: p.birthDate }, alerts });
  }
  return { entries, last: rows.length > 0 ? rows[rows.length - 1].id : undefined };
}

const keyOf = (alerts: readonly NewbornDueAlert[]) =>
  alerts
    .map((a) => `${a.screen.id}.${a.alert.id}`)
    .sort()
    .join('+');

export async function planNewborn(q: Tx | Db, cfg: ReminderConfig, day: string, scope: PlanScope): Promise<PlanResult> {
  const late = scope.late;
  const at = shanghaiAt(day, cfg.time);
  const items: OutboxItem[] = [];
  if (!late) {
    const { entries, last } = await alertsOn(q, cfg, day, scope);
    for (const { p, alerts } of entries) {
      items.push(itemFor(p.contact, cfg.texts.newborn({ birthDate: p.birthDate, day, alerts }), `newborn:${p.id}:${day}:${keyOf(alerts)}`, at));
    }
    return { items, last };
  }
  // late: per baby, the latest alert of each screen over the merged days; a closed window or a screen
  // in a message she was sent is left out
  const byBaby = new Map<string, { p: BornEntry['p']; alerts: Map<string, { a: NewbornDueAlert; day: string }> }>();
  for (const d of [...new Set([day, ...(late.alsoDays ?? [])])].sort()) {
    for (const { p, alerts } of (await alertsOn(q, cfg, d, { contactId: scope.contactId })).entries) {
      const seen = byBaby.get(p.id) ?? { p, alerts: new Map<string, { a: NewbornDueAlert; day: string }>() };
      for (const a of alerts) seen.alerts.set(a.screen.id, { a, day: d });
      byBaby.set(p.id, seen);
    }
  }
  const dropped: DroppedPart[] = [];
  for (const { p, alerts: all } of byBaby.values()) {
    const keyPrefix = `newborn:${p.id}:${day}`;
    const alerts: NewbornDueAlert[] = [];
    for (const { a, day: alertDay } of all.values()) {
      const to = addDays(p.birthDate, a.screen.window.toDay);
      if (to < late.on) dropped.push({ keyPrefix, what: a.screen.id, reason: 'window_closed', day: to });
      else if (alertDay <= (late.skip.get(a.screen.id) ?? '')) dropped.push({ keyPrefix, what: a.screen.id, reason: 'in_later_message' });
      else alerts.push(a);
    }
    if (alerts.length === 0) continue;
    alerts.sort((x, y) => cfg.newborn.indexOf(x.screen) - cfg.newborn.indexOf(y.screen));
    items.push(itemFor(p.contact, cfg.texts.newborn({ birthDate: p.birthDate, day, alerts, sentOn: late.on }), `newborn:${p.id}:${day}:${keyOf(alerts)}`, at));
  }
  return { items, dropped };
}
