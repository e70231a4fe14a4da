// Reading slots with their pools (one SQL join: Prisma's nested reads cost several statements), and
// turning a woman's facts into the pools to try, in order.
import type { Db, Tx } from '../../db/client.js';
import { orderPools, type PoolView } from '../../domain/booking/poolOrder.js';
import type { BookerFacts } from './bookingTypes.js';

export interface SlotWithPools {
  id: string;
  hospitalId: string;
  serviceId: string;
  day: string;
  session: string;
  closed: boolean;
  pools: PoolView[];
}

export interface SlotQuery {
  hospitalId: string;
  serviceIds: string[];
  days: string[];
  session?: string;
  openOnly?: boolean;
}

interface SlotPoolRow {
  what?: string;
  slotId: string;
  serviceId: string;
  day: string;
  session: string;
  closed: unknown;
  poolId: string | null;
  kind: string | null;
  regionId: string | null;
  capacity: unknown;
  booked: unknown;
  releaseAt: unknown;
}

const truthy = (v: unknown) => v === true || v === 1 || v === 1n || v === '1' || v === 'true';

/** Groups joined slot × pool rows into slots, keeping the asked services and days. */
function toSlots(rows: SlotPoolRow[], q: SlotQuery): SlotWithPools[] {
  const services = new Set(q.serviceIds);
  const days = new Set(q.days);
  const slots = new Map<string, SlotWithPools>();
  for (const r of rows) {
    if (!services.has(r.serviceId) || !days.has(r.day)) continue;
    const closed = truthy(r.closed);
    if (q.openOnly && closed) continue;
    let slot = slots.get(r.slotId);
    if (!slot) {
      slot = { id: r.slotId, hospitalId: q.hospitalId, serviceId: r.serviceId, day: r.day, session: r.session, closed, pools: [] };
      slots.set(r.slotId, slot);
    }
    if (r.poolId === null) continue;
    slot.pools.push({
      id: r.poolId,
      kind: r.kind ?? '',
      regionId: r.regionId ?? '',
      capacity: Number(r.capacity),
      booked: Number(r.booked),
      releaseAt: r.releaseAt === null || r.releaseAt === undefined ? null : new Date(r.releaseAt as string | Date),
    });
  }
  return [...slots.values()];
}

/** The slots (with their pools) of a hospital for some services, days and optionally a session. */
export async function loadSlots(db: Db | Tx, q: SlotQuery): Promise<SlotWithPools[]> {
  if (q.serviceIds.length === 0 || q.days.length === 0) return [];
  const first = q.days.reduce((a, b) => (a < b ? a : b));
  const last = q.days.reduce((a, b) => (a > b ? a : b));
  const rows = q.session
    ? await db.$queryRaw<SlotPoolRow[]>`
        SELECT s."id" AS "slotId", s."serviceId", s."day", s."session", s."closed", p."id" AS "poolId", p."kind",
               p."regionId", p."capacity", p."booked", p."releaseAt"
        FROM "Slot" s LEFT JOIN "SlotPool" p ON p."slotId" = s."id"
        WHERE s."hospitalId" = ${q.hospitalId} AND s."day" >= ${first} AND s."day" <= ${last} AND s."session" = ${q.session}`
    : await db.$queryRaw<SlotPoolRow[]>`
        SELECT s."id" AS "slotId", s."serviceId", s."day", s."session", s."closed", p."id" AS "poolId", p."kind",
               p."regionId", p."capacity", p."booked", p."releaseAt"
        FROM "Slot" s LEFT JOIN "SlotPool" p ON p."slotId" = s."id"
        WHERE s."hospitalId" = ${q.hospitalId} AND s."day" >= ${first} AND s."day" <= ${last}`;
  return toSlots(rows, q);
}

export interface BookingState {
  slots: SlotWithPools[];
  /** Services of hers with a held or confirmed booking (any hospital). */
  activeServiceIds: Set<string>;
  /** She waits for the (first) service at this hospital. */
  waiting: boolean;
}

/**
 * Everything book() reads, in ONE statement: the slots and pools of that day and session, which of
 * her services already have an active booking, and whether she waits for the first service there.
 */
export async function readBookingState(db: Db, q: SlotQuery & { session: string; contactId: string }): Promise<BookingState> {
  const day = q.days[0];
  const waitKey = `${q.contactId}:${q.hospitalId}:${q.serviceIds[0]}`;
  const rows = await db.$queryRaw<SlotPoolRow[]>`
    SELECT 'slot' AS "what", s."id" AS "slotId", s."serviceId", s."day", s."session", s."closed", p."id" AS "poolId",
           p."kind", p."regionId", p."capacity", p."booked", p."releaseAt"
    FROM "Slot" s LEFT JOIN "SlotPool" p ON p."slotId" = s."id"
    WHERE s."hospitalId" = ${q.hospitalId} AND s."day" = ${day} AND s."session" = ${q.session}
    UNION ALL
    SELECT 'active', b."id", b."serviceId", b."day", b."session", NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM "Booking" b WHERE b."contactId" = ${q.contactId} AND b."status" IN ('held', 'confirmed')
    UNION ALL
    SELECT 'waiting', w."id", w."serviceId", w."dateFrom", w."dateTo", NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM "WaitlistEntry" w WHERE w."activeKey" = ${waitKey} AND w."status" = 'waiting'`;
  const active = new Set<string>();
  let waiting = false;
  const slotRows: SlotPoolRow[] = [];
  for (const r of rows) {
    if (r.what === 'active') active.add(r.serviceId);
    else if (r.what === 'waiting') waiting = true;
    else slotRows.push(r);
  }
  return { slots: toSlots(slotRows, q), activeServiceIds: active, waiting };
}

/** One slot and the pools to try in it, in her order. */
export interface SeatPlan {
  slot: SlotWithPools;
  pools: PoolView[];
}

/** Her pools for each slot, leaving out those seen full (a pool seen full is reported full). */
export function planSeats(slots: SlotWithPools[], who: BookerFacts, now: Date): SeatPlan[] {
  return slots.map((slot) => ({ slot, pools: orderPools(slot.pools, who, now).filter((p) => p.booked < p.capacity) }));
}

/** Unique service ids in a stable order (seats are always taken in this order: no lock cycles). */
export function normalizeServiceIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((s) => s.trim()).filter(Boolean))].sort();
}
