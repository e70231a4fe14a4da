// The few statements that move seats and create bookings. A seat is taken by ONE conditional write
// (invariant 1), never by count-then-insert; a booking row is inserted with ON CONFLICT DO NOTHING so
// a clash (her active booking for the service, or a code already used) never aborts a PostgreSQL
// transaction. Normal outcomes (full, already booked) never roll back: what was taken is given back
// in the same transaction and it commits. (On SQLite, Prisma's better-sqlite3 adapter runs statements
// made outside a transaction on the same connection, inside whatever transaction is open: a rollback
// would take other code's writes with it.)
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { visitCodeOf } from '../../domain/booking/bookingCode.js';
import type { BookingStatus, BookingView, Session } from './bookingTypes.js';

/** Takes one seat of a pool if it has one. */
export async function takeSeat(tx: Tx, poolId: string): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "SlotPool" SET "booked" = "booked" + 1 WHERE "id" = ${poolId} AND "booked" < "capacity"`;
  return n === 1;
}

/** Gives one seat back to its pool. */
export async function releaseSeat(tx: Tx, poolId: string): Promise<boolean> {
  const n = await tx.$executeRaw`UPDATE "SlotPool" SET "booked" = "booked" - 1 WHERE "id" = ${poolId} AND "booked" > 0`;
  return n === 1;
}

export interface NewBookingRow {
  code: string;
  contactId: string;
  slotId: string;
  poolId: string;
  hospitalId: string;
  serviceId: string;
  day: string;
  session: string;
  status: 'held' | 'confirmed';
  heldUntil: Date | null;
  now: Date;
}

export const activeKeyOf = (contactId: string, serviceId: string) => `${contactId}:${serviceId}`;

/** Inserts a held or confirmed booking; undefined (nothing written) when a unique key clashes. */
export async function insertBookingRow(tx: Tx, row: NewBookingRow): Promise<string | undefined> {
  const id = crypto.randomUUID();
  const n = await tx.$executeRaw`
    INSERT INTO "Booking" ("id", "code", "contactId", "slotId", "poolId", "hospitalId", "serviceId", "day", "session",
                           "status", "activeKey", "heldUntil", "createdAt", "updatedAt")
    VALUES (${id}, ${row.code}, ${row.contactId}, ${row.slotId}, ${row.poolId}, ${row.hospitalId}, ${row.serviceId},
            ${row.day}, ${row.session}, ${row.status}, ${activeKeyOf(row.contactId, row.serviceId)}, ${row.heldUntil},
            ${row.now}, ${row.now})
    ON CONFLICT DO NOTHING`;
  return n === 1 ? id : undefined;
}

/** Ends her waiting place (by its active key) if she still waits. */
export async function endWaiting(tx: Tx, waitKey: string, now: Date): Promise<void> {
  await tx.$executeRaw`UPDATE "WaitlistEntry" SET "status" = 'cancelled', "activeKey" = NULL, "updatedAt" = ${now}
                       WHERE "activeKey" = ${waitKey} AND "status" = 'waiting'`;
}

/** Whether she holds an active (held or confirmed) booking for the service. */
export async function hasActiveBooking(tx: Tx, contactId: string, serviceId: string): Promise<boolean> {
  const found = await tx.booking.findUnique({ where: { activeKey: activeKeyOf(contactId, serviceId) }, select: { id: true } });
  return found !== null;
}

interface BookingRowLike {
  id: string;
  code: string;
  contactId: string;
  hospitalId: string;
  serviceId: string;
  day: string;
  session: string;
  status: string;
  heldUntil: Date | null;
}

export function viewOf(b: BookingRowLike): BookingView {
  return {
    id: b.id,
    code: b.code,
    visitCode: visitCodeOf(b.code),
    contactId: b.contactId,
    hospitalId: b.hospitalId,
    serviceId: b.serviceId,
    day: b.day,
    session: b.session as Session,
    status: b.status as BookingStatus,
    heldUntil: b.heldUntil,
  };
}
