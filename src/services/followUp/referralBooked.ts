// A further test her result called for (results.bookNext: 阴道镜, 钼靶), booked by her in the chat:
// the follow-up case of that result is marked booked (bookedAt, an event 'booked' by 'woman'), in the
// transaction that writes the booking (BookingService's bookingsChanged hook). Idempotent: a case
// already marked, closed or done is left alone; a booking given back marks nothing.
import type { Tx } from '../../db/client.js';
import type { ResultsSettings } from '../../domain/profile/resultsSchema.js';
import { followUpEvent } from './followUpEvents.js';

export function referralBooked(settings: ResultsSettings) {
  const services = settings.bookNext?.services ?? {};
  return async (tx: Tx, contactId: string, serviceIds: string[], now: Date): Promise<void> => {
    const referral = serviceIds.filter((id) => Object.values(services).includes(id));
    if (referral.length === 0) return;
    const held = await tx.booking.findMany({ where: { contactId, serviceId: { in: referral }, status: 'confirmed' }, select: { serviceId: true } });
    const booked = new Set(held.map((b) => b.serviceId));
    const steps = Object.entries(services)
      .filter(([, service]) => booked.has(service))
      .map(([next]) => next);
    if (steps.length === 0) return;
    const cases = await tx.followUpCase.findMany({ where: { contactId, nextStep: { in: steps }, bookedAt: null, doneAt: null, closedAt: null } });
    for (const c of cases) {
      const moved = await tx.followUpCase.updateMany({
        where: { id: c.id, version: c.version },
        data: { bookedAt: now, version: c.version + 1, updatedAt: now },
      });
      if (moved.count === 1) await followUpEvent(tx, c.id, 'booked', 'woman', now);
    }
  };
}
