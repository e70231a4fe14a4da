// Staff replace a hospital × service's weekly rules; future materialized slots follow: the general
// pool is recomputed (reserved pools are left as staff set them) but never below the seats booked in
// it. Slots that cannot take the new figure are reported, not silently changed.
import type { Tx } from '../../db/client.js';
import { shanghaiDay } from '../../domain/calendarDay.js';
import { generalCapacityFor } from '../../domain/capacity/pools.js';
import { ruleCapacity, ruleProblems, SESSIONS, type Session } from '../../domain/capacity/rules.js';
import { inHospitalTx } from './tx.js';
import { CapacityInputError, type CapacityConflict, type CapacityDeps, type RuleInput, type SetRulesResult } from './types.js';

const sortRules = (rules: RuleInput[]) => rules.sort((a, b) => a.weekday - b.weekday || SESSIONS.indexOf(a.session) - SESSIONS.indexOf(b.session));

/**
 * Replaces the weekly rules of a hospital × service with `rules`. A weekday × session left out is
 * kept as a rule with 0 seats (so the hospital is never re-seeded from the county file). Slots from
 * today (Asia/Shanghai) on are updated.
 */
export async function setRules(
  deps: CapacityDeps,
  hospitalId: string,
  serviceId: string,
  rules: readonly RuleInput[],
  now: Date,
  record?: (tx: Tx, r: SetRulesResult) => Promise<void>,
): Promise<SetRulesResult> {
  const problem = ruleProblems(rules)[0];
  if (problem) throw new CapacityInputError(`rules[${problem.index}].${problem.field}`, problem.message);
  const today = shanghaiDay(now);

  return inHospitalTx(deps, hospitalId, async (tx) => {
    const existing = await tx.capacityRule.findMany({ where: { hospitalId, serviceId } });
    const given = new Map(rules.map((r) => [`${r.weekday}:${r.session}`, r]));
    for (const r of rules) {
      await tx.capacityRule.upsert({
        where: { hospitalId_serviceId_weekday_session: { hospitalId, serviceId, weekday: r.weekday, session: r.session } },
        create: { hospitalId, serviceId, weekday: r.weekday, session: r.session, capacity: r.capacity, updatedAt: now },
        update: { capacity: r.capacity, updatedAt: now },
      });
    }
    const dropped = existing.filter((e) => !given.has(`${e.weekday}:${e.session}`) && e.capacity !== 0);
    if (dropped.length > 0) {
      await tx.capacityRule.updateMany({ where: { id: { in: dropped.map((d) => d.id) } }, data: { capacity: 0, updatedAt: now } });
    }
    const current = await tx.capacityRule.findMany({ where: { hospitalId, serviceId } });
    const weekly = current.map((r) => ({ weekday: r.weekday, session: r.session as Session, capacity: r.capacity }));

    const slots = await tx.slot.findMany({
      where: { hospitalId, serviceId, day: { gte: today } },
      include: { pools: true },
      orderBy: [{ day: 'asc' }, { session: 'asc' }],
    });
    let slotsUpdated = 0;
    const conflicts: CapacityConflict[] = [];
    for (const slot of slots) {
      const requested = ruleCapacity(weekly, slot.day, slot.session as Session);
      const reserved = slot.pools.filter((p) => p.kind !== 'general').reduce((n, p) => n + p.capacity, 0);
      const target = generalCapacityFor(requested, reserved);
      let general = slot.pools.find((p) => p.kind === 'general' && p.regionId === '');
      if (!general) {
        general = await tx.slotPool.create({ data: { slotId: slot.id, kind: 'general', regionId: '', capacity: target } });
      } else if (general.capacity !== target) {
        // one statement: a booking taking a seat meanwhile is counted, never pushed out
        await tx.$executeRaw`
          UPDATE "SlotPool"
          SET "capacity" = CASE WHEN "booked" > CAST(${target} AS INTEGER) THEN "booked" ELSE CAST(${target} AS INTEGER) END
          WHERE "id" = ${general.id}`;
        general = await tx.slotPool.findUniqueOrThrow({ where: { id: general.id } });
      }
      const capacity = reserved + general.capacity;
      if (capacity !== slot.capacity) {
        await tx.slot.update({ where: { id: slot.id }, data: { capacity } });
        slotsUpdated++;
      }
      if (capacity !== requested) {
        conflicts.push({ slotId: slot.id, day: slot.day, session: slot.session as Session, requested, capacity, generalBooked: general.booked, reserved });
      }
    }
    const result = { rules: sortRules(rules.map((r) => ({ weekday: r.weekday, session: r.session, capacity: r.capacity }))), slotsUpdated, conflicts };
    await record?.(tx, result);
    return result;
  });
}

/** The hospitals with weekly capacity for every one of these services (they provide them). */
export async function hospitalsOffering(deps: CapacityDeps, serviceIds: readonly string[]): Promise<string[]> {
  const rules = await deps.db.capacityRule.findMany({
    where: { serviceId: { in: [...serviceIds] }, capacity: { gt: 0 } },
    select: { hospitalId: true, serviceId: true },
  });
  const byHospital = new Map<string, Set<string>>();
  for (const r of rules) byHospital.set(r.hospitalId, (byHospital.get(r.hospitalId) ?? new Set()).add(r.serviceId));
  return [...byHospital.entries()].filter(([, s]) => serviceIds.every((id) => s.has(id))).map(([h]) => h);
}
