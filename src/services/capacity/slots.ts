// Materializing Slot rows (and their pools) from the weekly rules: idempotent and safe when several
// processes do it at once (unique keys, INSERT … ON CONFLICT DO NOTHING, the hospital lock).
import crypto from 'node:crypto';
import type { DbTypes } from '../../db/client.js';
import type { Provider, Tx } from '../../db/client.js';
import { isClosed } from '../../domain/capacity/closures.js';
import { planPools, type ReservationKind } from '../../domain/capacity/pools.js';
import { expandRules, type PlannedSlot, type Session } from '../../domain/capacity/rules.js';
import { inHospitalTx } from './tx.js';
import type { CapacityDeps, EnsureSlotsResult } from './types.js';
import { checkRange } from './validation.js';

/** Rows per INSERT statement (7 parameters each: well under both databases' limits). */
const CHUNK = 500;

/** `(?, ?, …), (…)` (SQLite) or `($1, $2, …), (…)` (PostgreSQL) for `rows` rows of `width` values. */
function valuesList(provider: Provider, rows: number, width: number): string {
  let n = 0;
  const one = () => `(${Array.from({ length: width }, () => (provider === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
  return Array.from({ length: rows }, one).join(', ');
}

const key = (day: string, session: string) => `${day}:${session}`;

async function plannedSlots(db: Tx, hospitalId: string, serviceId: string, fromDay: string, toDay: string): Promise<PlannedSlot[]> {
  const rules = await db.capacityRule.findMany({ where: { hospitalId, serviceId } });
  return expandRules(
    rules.map((r) => ({ weekday: r.weekday, session: r.session as Session, capacity: r.capacity })),
    fromDay,
    toDay,
  );
}

/**
 * Creates the missing slots of one hospital × service between two days, inside the caller's
 * transaction (which must hold the hospital lock): each with its pools (reservations made for the
 * day first, the general pool gets the rest) and closed when a closure covers it.
 */
export async function ensureSlotsTx(
  tx: Tx,
  provider: Provider,
  hospitalId: string,
  serviceId: string,
  fromDay: string,
  toDay: string,
): Promise<EnsureSlotsResult> {
  const planned = await plannedSlots(tx, hospitalId, serviceId, fromDay, toDay);
  if (planned.length === 0) return { planned: 0, created: 0 };
  const dayRange = { gte: fromDay, lte: toDay };
  const [closures, reservations] = await Promise.all([
    tx.closure.findMany({ where: { hospitalId, day: dayRange } }),
    tx.reservation.findMany({ where: { hospitalId, serviceId, day: dayRange }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  ]);

  const inserted: { id: string; day: string; session: string }[] = [];
  for (let i = 0; i < planned.length; i += CHUNK) {
    const chunk = planned.slice(i, i + CHUNK);
    const values = chunk.flatMap((p) => [crypto.randomUUID(), hospitalId, serviceId, p.day, p.session, p.capacity, isClosed(closures, p.day, p.session)]);
    const created = await tx.$queryRawUnsafe<{ id: string; day: string; session: string }[]>(
      `INSERT INTO "Slot" ("id", "hospitalId", "serviceId", "day", "session", "capacity", "closed")
       VALUES ${valuesList(provider, chunk.length, 7)}
       ON CONFLICT ("hospitalId", "serviceId", "day", "session") DO NOTHING
       RETURNING "id", "day", "session"`,
      ...values,
    );
    inserted.push(...created);
  }
  if (inserted.length === 0) return { planned: planned.length, created: 0 };

  const capacityOf = new Map(planned.map((p) => [key(p.day, p.session), p.capacity]));
  const pools: DbTypes.SlotPoolCreateManyInput[] = [];
  for (const slot of inserted) {
    const shares = reservations.filter((r) => r.day === slot.day && r.session === slot.session);
    const plan = planPools(
      capacityOf.get(key(slot.day, slot.session)) ?? 0,
      shares.map((r) => ({ kind: r.kind as ReservationKind, regionId: r.regionId, seats: r.seats })),
    );
    plan.forEach((p, i) => {
      pools.push({ slotId: slot.id, kind: p.kind, regionId: p.regionId, capacity: p.capacity, releaseAt: i === 0 ? null : shares[i - 1].releaseAt });
    });
  }
  await tx.slotPool.createMany({ data: pools });
  return { planned: planned.length, created: inserted.length };
}

/**
 * Materializes the slots of one hospital × service between two days (both included). Cheap when
 * they all exist already (no transaction, no lock), so booking can call it before every offer.
 */
export async function ensureSlots(deps: CapacityDeps, hospitalId: string, serviceId: string, fromDay: string, toDay: string): Promise<EnsureSlotsResult> {
  checkRange(fromDay, toDay);
  const planned = await plannedSlots(deps.db, hospitalId, serviceId, fromDay, toDay);
  if (planned.length === 0) return { planned: 0, created: 0 };
  const existing = await deps.db.slot.findMany({
    where: { hospitalId, serviceId, day: { gte: fromDay, lte: toDay } },
    select: { day: true, session: true },
  });
  const have = new Set(existing.map((s) => key(s.day, s.session)));
  if (planned.every((p) => have.has(key(p.day, p.session)))) return { planned: planned.length, created: 0 };
  return inHospitalTx(deps, hospitalId, (tx) => ensureSlotsTx(tx, deps.provider, hospitalId, serviceId, fromDay, toDay));
}
