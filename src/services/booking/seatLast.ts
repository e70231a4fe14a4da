// PostgreSQL's booking path: the seat is taken LAST, inside the caller's transaction, which also
// reconciles her reminders (invariant 2: a booking and the messages it causes commit together or not
// at all). The order inside the transaction:
//   1. her booking row (for a one-service booking in ONE statement with the end of her waiting place
//      at that hospital), recording her first pool;
//   2. her reminders (the caller's bookingsChanged: a dozen round trips, which read the new row);
//   3. the seat: one conditional write per pool in her pool order (invariant 1), the same statement
//      recording the pool the seat came from on her booking row.
// The pool row's lock, taken by the seat's UPDATE, so lasts one statement and the COMMIT: a surge on
// one slot does not wait for each woman's reminders in turn. When no pool has a seat left, NoSeatLeft
// is thrown and the whole transaction (booking, waiting place, reminders) rolls back; the caller
// catches it outside runTransaction, which does not retry it. (SQLite keeps seat-first with give-back
// in one committing transaction: it runs one transaction at a time anyway, and a rollback there would
// take other code's writes on the shared connection with it; see seatSql.ts.)
// A unique clash (her active booking for the service, or a code already used) inserts nothing (ON
// CONFLICT DO NOTHING, so the transaction is not aborted) and no seat has been taken yet.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { generateBookingCode, type RandomSource } from '../../domain/booking/bookingCode.js';
import { activeKeyOf, hasActiveBooking } from './seatSql.js';
import type { SeatPlan } from './slotQueries.js';

export type BookingRowOutcome = { kind: 'ok'; id: string; code: string } | { kind: 'active' };

/** Thrown inside the transaction when a planned slot has no seat left: everything it wrote rolls back. */
export class NoSeatLeft extends Error {
  constructor() {
    super('no seat left in her pools');
    this.name = 'NoSeatLeft';
  }
}

const CODE_TRIES = 8;

/**
 * Her confirmed booking for a one-service plan, recording her first pool (no seat taken yet), and
 * the end of her waiting place at that hospital, in one statement.
 */
export async function insertOneBooking(
  tx: Tx,
  plan: SeatPlan,
  w: { contactId: string; hospitalId: string; now: Date; random: RandomSource },
): Promise<BookingRowOutcome> {
  const { slot } = plan;
  const activeKey = activeKeyOf(w.contactId, slot.serviceId);
  const waitKey = `${w.contactId}:${w.hospitalId}:${slot.serviceId}`;
  for (let attempt = 0; attempt < CODE_TRIES; attempt++) {
    const id = crypto.randomUUID();
    const code = generateBookingCode(w.random);
    const rows = await tx.$queryRaw<{ booked: bigint | number }[]>`
      WITH ins AS (
        INSERT INTO "Booking" ("id", "code", "contactId", "slotId", "poolId", "hospitalId", "serviceId", "day", "session",
                               "status", "activeKey", "heldUntil", "createdAt", "updatedAt")
        VALUES (${id}, ${code}, ${w.contactId}, ${slot.id}, ${plan.pools[0].id}, ${slot.hospitalId}, ${slot.serviceId}, ${slot.day},
                ${slot.session}, 'confirmed', ${activeKey}, NULL, ${w.now}::timestamp(3), ${w.now}::timestamp(3))
        ON CONFLICT DO NOTHING
        RETURNING "id"
      ), waiting AS (
        UPDATE "WaitlistEntry" SET "status" = 'cancelled', "activeKey" = NULL, "updatedAt" = ${w.now}::timestamp(3)
        WHERE "activeKey" = ${waitKey} AND "status" = 'waiting' AND EXISTS (SELECT 1 FROM ins)
      )
      SELECT count(*) AS "booked" FROM ins`;
    if (Number(rows[0]?.booked ?? 0) === 1) return { kind: 'ok', id, code };
    // a clash: either she holds the service already or the code was used
    if (await hasActiveBooking(tx, w.contactId, slot.serviceId)) return { kind: 'active' };
  }
  throw new Error(`could not draw an unused booking code in ${CODE_TRIES} tries`);
}

/**
 * The seats of booking rows already written (bookingIds[i] for plans[i]), taken last: per plan one
 * conditional write per pool in her order, which also records the pool on the booking row when it
 * is not the one the row was written with. Throws NoSeatLeft when a plan has no seat (the caller's
 * transaction then rolls back). Answers the pool of each seat.
 */
export async function takeSeatsLast(tx: Tx, plans: SeatPlan[], bookingIds: string[]): Promise<string[]> {
  const poolIds: string[] = [];
  for (let i = 0; i < plans.length; i++) {
    let taken: string | undefined;
    for (const pool of plans[i].pools) {
      const rows = await tx.$queryRaw<{ seats: bigint | number }[]>`
        WITH seat AS (
          UPDATE "SlotPool" SET "booked" = "booked" + 1 WHERE "id" = ${pool.id} AND "booked" < "capacity" RETURNING "id"
        ), moved AS (
          UPDATE "Booking" SET "poolId" = seat."id" FROM seat WHERE "Booking"."id" = ${bookingIds[i]} AND "Booking"."poolId" <> seat."id"
        )
        SELECT count(*) AS "seats" FROM seat`;
      if (Number(rows[0]?.seats ?? 0) === 1) {
        taken = pool.id;
        break;
      }
    }
    if (!taken) throw new NoSeatLeft();
    poolIds.push(taken);
  }
  return poolIds;
}
