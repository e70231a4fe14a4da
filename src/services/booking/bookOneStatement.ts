// PostgreSQL's hot path for a one-service booking: ONE statement per pool attempt takes the seat,
// writes the booking and ends her waiting place at that hospital (data-modifying CTEs run as one
// atomic statement). The row lock on the pool is held for that statement only, not for several
// round trips of an interactive transaction. A unique clash (her active booking for the service, or
// a code already used) fails the whole statement, so no seat is taken without its booking.
import crypto from 'node:crypto';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/transaction.js';
import { generateBookingCode, type RandomSource } from '../../domain/booking/bookingCode.js';
import { activeKeyOf, hasActiveBooking } from './seatSql.js';
import type { SeatPlan } from './slotQueries.js';

export type OneStatementOutcome = { kind: 'ok'; id: string; code: string; poolId: string } | { kind: 'full' } | { kind: 'active' };

const CODE_TRIES = 8;

export async function bookOneStatement(
  db: Db,
  plan: SeatPlan,
  w: { contactId: string; hospitalId: string; now: Date; random: RandomSource },
): Promise<OneStatementOutcome> {
  const { slot } = plan;
  const activeKey = activeKeyOf(w.contactId, slot.serviceId);
  const waitKey = `${w.contactId}:${w.hospitalId}:${slot.serviceId}`;
  for (const pool of plan.pools) {
    for (let attempt = 0; ; attempt++) {
      const id = crypto.randomUUID();
      const code = generateBookingCode(w.random);
      try {
        const rows = await db.$queryRaw<{ n: bigint | number }[]>`
          WITH seat AS (
            UPDATE "SlotPool" SET "booked" = "booked" + 1 WHERE "id" = ${pool.id} AND "booked" < "capacity" RETURNING "id"
          ), ins AS (
            INSERT INTO "Booking" ("id", "code", "contactId", "slotId", "poolId", "hospitalId", "serviceId", "day", "session",
                                   "status", "activeKey", "heldUntil", "createdAt", "updatedAt")
            SELECT ${id}, ${code}, ${w.contactId}, ${slot.id}, seat."id", ${slot.hospitalId}, ${slot.serviceId}, ${slot.day},
                   ${slot.session}, 'confirmed', ${activeKey}, NULL, ${w.now}::timestamp(3), ${w.now}::timestamp(3)
            FROM seat
            RETURNING "id"
          ), waiting AS (
            UPDATE "WaitlistEntry" SET "status" = 'cancelled', "activeKey" = NULL, "updatedAt" = ${w.now}::timestamp(3)
            WHERE "activeKey" = ${waitKey} AND "status" = 'waiting' AND EXISTS (SELECT 1 FROM ins)
          )
          SELECT count(*) AS "n" FROM ins`;
        if (Number(rows[0]?.n ?? 0) === 1) return { kind: 'ok', id, code, poolId: pool.id };
        break; // this pool is full: the next one
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        if (await hasActiveBooking(db, w.contactId, slot.serviceId)) return { kind: 'active' };
        if (attempt + 1 >= CODE_TRIES) throw new Error(`could not draw an unused booking code in ${CODE_TRIES} tries`);
      }
    }
  }
  return { kind: 'full' };
}
