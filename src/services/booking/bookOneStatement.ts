// PostgreSQL's hot path for a one-service booking: ONE statement per pool attempt takes the seat,
// writes the booking and ends her waiting place at that hospital (data-modifying CTEs run as one
// atomic statement), inside the caller's transaction, which also queues her reminders (invariant 2:
// a booking and the messages it causes commit together or not at all). A unique clash (her active
// booking for the service, or a code already used) inserts nothing (ON CONFLICT DO NOTHING, so the
// transaction is not aborted): the seat taken by the same statement is given back at once.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { generateBookingCode, type RandomSource } from '../../domain/booking/bookingCode.js';
import { activeKeyOf, hasActiveBooking, releaseSeat } from './seatSql.js';
import type { SeatPlan } from './slotQueries.js';

export type OneStatementOutcome = { kind: 'ok'; id: string; code: string; poolId: string } | { kind: 'full' } | { kind: 'active' };

const CODE_TRIES = 8;

export async function bookOneStatement(
  tx: Tx,
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
      const rows = await tx.$queryRaw<{ seats: bigint | number; booked: bigint | number }[]>`
        WITH seat AS (
          UPDATE "SlotPool" SET "booked" = "booked" + 1 WHERE "id" = ${pool.id} AND "booked" < "capacity" RETURNING "id"
        ), ins AS (
          INSERT INTO "Booking" ("id", "code", "contactId", "slotId", "poolId", "hospitalId", "serviceId", "day", "session",
                                 "status", "activeKey", "heldUntil", "createdAt", "updatedAt")
          SELECT ${id}, ${code}, ${w.contactId}, ${slot.id}, seat."id", ${slot.hospitalId}, ${slot.serviceId}, ${slot.day},
                 ${slot.session}, 'confirmed', ${activeKey}, NULL, ${w.now}::timestamp(3), ${w.now}::timestamp(3)
          FROM seat
          ON CONFLICT DO NOTHING
          RETURNING "id"
        ), waiting AS (
          UPDATE "WaitlistEntry" SET "status" = 'cancelled', "activeKey" = NULL, "updatedAt" = ${w.now}::timestamp(3)
          WHERE "activeKey" = ${waitKey} AND "status" = 'waiting' AND EXISTS (SELECT 1 FROM ins)
        )
        SELECT (SELECT count(*) FROM seat) AS "seats", (SELECT count(*) FROM ins) AS "booked"`;
      const seats = Number(rows[0]?.seats ?? 0);
      if (Number(rows[0]?.booked ?? 0) === 1) return { kind: 'ok', id, code, poolId: pool.id };
      if (seats === 0) break; // this pool is full: the next one
      // a clash: the seat goes back, then either she holds the service already or the code was used
      await releaseSeat(tx, pool.id);
      if (await hasActiveBooking(tx, w.contactId, slot.serviceId)) return { kind: 'active' };
      if (attempt + 1 >= CODE_TRIES) throw new Error(`could not draw an unused booking code in ${CODE_TRIES} tries`);
    }
  }
  return { kind: 'full' };
}
