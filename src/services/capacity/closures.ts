// Closures (holidays, a day the hospital does not screen): a closed slot takes no bookings. The
// bookings already on a newly closed day are returned, not cancelled: the caller tells the women.
import type { Tx } from '../../db/client.js';
import { closedSessions, isClosed } from '../../domain/capacity/closures.js';
import { inHospitalTx } from './tx.js';
import {
  ACTIVE_BOOKING_STATUSES,
  type AddClosureResult,
  type AffectedBooking,
  type CapacityDeps,
  type ClosureSession,
  type RemoveClosureResult,
} from './types.js';
import { checkClosureSession, checkDay } from './validation.js';

/** `record`: work in the same transaction (the audit of who closed it), with the slots closed. */
export async function addClosure(
  deps: CapacityDeps,
  hospitalId: string,
  day: string,
  session: ClosureSession,
  reason: string,
  record?: (tx: Tx, slotsClosed: number) => Promise<void>,
): Promise<AddClosureResult> {
  checkDay('day', day);
  checkClosureSession('session', session);
  const sessions = closedSessions(session);
  const slotsClosed = await inHospitalTx(deps, hospitalId, async (tx) => {
    await tx.closure.upsert({
      where: { hospitalId_day_session: { hospitalId, day, session } },
      create: { hospitalId, day, session, reason },
      update: { reason },
    });
    const closed = await tx.slot.updateMany({ where: { hospitalId, day, session: { in: sessions }, closed: false }, data: { closed: true } });
    await record?.(tx, closed.count);
    return closed.count;
  });
  // read after the commit, so a booking that took a seat just before the slot closed is included
  const affectedBookings = await bookingsOn(deps, hospitalId, day, sessions);
  return { closure: { hospitalId, day, session, reason }, slotsClosed, affectedBookings };
}

export async function removeClosure(
  deps: CapacityDeps,
  hospitalId: string,
  day: string,
  session: ClosureSession,
  record?: (tx: Tx, r: RemoveClosureResult) => Promise<void>,
): Promise<RemoveClosureResult> {
  checkDay('day', day);
  checkClosureSession('session', session);
  return inHospitalTx(deps, hospitalId, async (tx) => {
    const r = await reopen(tx, hospitalId, day, session);
    await record?.(tx, r);
    return r;
  });
}

async function reopen(tx: Tx, hospitalId: string, day: string, session: ClosureSession): Promise<RemoveClosureResult> {
  const removed = await tx.closure.deleteMany({ where: { hospitalId, day, session } });
  if (removed.count === 0) return { removed: false, slotsReopened: 0 };
  const remaining = await tx.closure.findMany({ where: { hospitalId, day } });
  const reopen = closedSessions(session).filter((s) => !isClosed(remaining, day, s));
  if (reopen.length === 0) return { removed: true, slotsReopened: 0 };
  const reopened = await tx.slot.updateMany({ where: { hospitalId, day, session: { in: reopen }, closed: true }, data: { closed: false } });
  return { removed: true, slotsReopened: reopened.count };
}

/** Bookings holding a seat at a hospital on a day, in the given sessions. */
async function bookingsOn(deps: CapacityDeps, hospitalId: string, day: string, sessions: readonly string[]): Promise<AffectedBooking[]> {
  const rows = await deps.db.booking.findMany({
    where: { hospitalId, day, session: { in: [...sessions] }, status: { in: [...ACTIVE_BOOKING_STATUSES] } },
    orderBy: [{ session: 'asc' }, { serviceId: 'asc' }, { createdAt: 'asc' }],
    select: { id: true, code: true, contactId: true, serviceId: true, day: true, session: true, status: true },
  });
  return rows.map(({ id, ...rest }) => ({ bookingId: id, ...rest }));
}
