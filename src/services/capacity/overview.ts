// What staff see: per day × session × service, the seats, bookings, reserved shares and closures.
// Days the rules open but nobody has materialized yet are shown from the rules.
import { applyClosures } from '../../domain/capacity/closures.js';
import { summarizePools } from '../../domain/capacity/pools.js';
import { expandRules, SESSIONS, type Session } from '../../domain/capacity/rules.js';
import type { CapacityDeps, Overview, OverviewRow } from './types.js';
import { checkRange } from './validation.js';

export async function overview(deps: CapacityDeps, hospitalId: string, fromDay: string, toDay: string): Promise<Overview> {
  checkRange(fromDay, toDay);
  const dayRange = { gte: fromDay, lte: toDay };
  const [rules, closures, slots] = await Promise.all([
    deps.db.capacityRule.findMany({ where: { hospitalId } }),
    deps.db.closure.findMany({ where: { hospitalId, day: dayRange } }),
    deps.db.slot.findMany({ where: { hospitalId, day: dayRange }, include: { pools: { orderBy: [{ kind: 'asc' }, { regionId: 'asc' }] } } }),
  ]);

  const rows: OverviewRow[] = slots.map((s) => ({
    day: s.day,
    session: s.session as Session,
    serviceId: s.serviceId,
    ...summarizePools(s.pools, s.closed),
    closed: s.closed,
    materialized: true,
    pools: s.pools.map((p) => ({ kind: p.kind, regionId: p.regionId, capacity: p.capacity, booked: p.booked, releaseAt: p.releaseAt?.toISOString() ?? null })),
  }));
  const have = new Set(slots.map((s) => `${s.serviceId}:${s.day}:${s.session}`));
  const services = [...new Set(rules.map((r) => r.serviceId))];
  for (const serviceId of services) {
    const weekly = rules.filter((r) => r.serviceId === serviceId).map((r) => ({ weekday: r.weekday, session: r.session as Session, capacity: r.capacity }));
    for (const p of applyClosures(expandRules(weekly, fromDay, toDay), closures)) {
      if (have.has(`${serviceId}:${p.day}:${p.session}`)) continue;
      rows.push({
        day: p.day,
        session: p.session,
        serviceId,
        capacity: p.capacity,
        booked: 0,
        free: p.closed ? 0 : p.capacity,
        reserved: { region: 0, priority: 0 },
        closed: p.closed,
        materialized: false,
        pools: [],
      });
    }
  }
  rows.sort((a, b) => a.day.localeCompare(b.day) || SESSIONS.indexOf(a.session) - SESSIONS.indexOf(b.session) || a.serviceId.localeCompare(b.serviceId));
  return { hospitalId, from: fromDay, to: toDay, slots: rows };
}
