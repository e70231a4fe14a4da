// Binds the booking conversation's port to the booking and capacity services.
import { bookableDays, canChange } from '../../domain/booking/bookableDays.js';
import type { BookingSettings } from '../../domain/profile/profileSchema.js';
import type { BookingService } from '../../services/booking/BookingService.js';
import type { BookingView } from '../../services/booking/bookingTypes.js';
import type { CapacityService } from '../../services/capacity/CapacityService.js';
import type { ActiveBooking, BookingPort, Seeker } from './bookingPort.js';

export function servicesBookingPort(booking: BookingService, capacity: CapacityService, settings: BookingSettings): BookingPort {
  const view = (b: BookingView): ActiveBooking => ({
    id: b.id,
    code: b.visitCode,
    status: b.status === 'held' ? 'held' : 'confirmed',
    hospitalId: b.hospitalId,
    serviceId: b.serviceId,
    day: b.day,
    session: b.session,
    heldUntil: b.heldUntil,
  });

  const visit = async (contactId: string, code: string) => (await booking.activeBookings(contactId)).filter((b) => b.visitCode === code);

  /** Slots exist for the whole bookable range before anything is offered (idempotent; cheap once they exist). */
  async function materialize(hospitalId: string, serviceIds: string[], now: Date): Promise<void> {
    const days = bookableDays(now, settings);
    if (days.length === 0) return;
    for (const serviceId of serviceIds) await capacity.ensureSlots(hospitalId, serviceId, days[0], days[days.length - 1]);
  }

  return {
    settings,

    hospitalsOffering: (serviceIds) => capacity.hospitalsOffering(serviceIds),

    async availability(seeker: Seeker, hospitalId, serviceIds, now) {
      await materialize(hospitalId, serviceIds, now);
      const rows = await booking.availability({ hospitalId, serviceIds, regionIds: seeker.regionIds, priority: seeker.priority, now, settings });
      return rows.map((r) => ({ day: r.day, session: r.session, left: r.seats }));
    },

    async book(seeker, hospitalId, serviceIds, day, session, now) {
      await materialize(hospitalId, serviceIds, now);
      const r = await booking.book({
        contactId: seeker.contactId,
        hospitalId,
        serviceIds,
        day,
        session,
        regionIds: seeker.regionIds,
        priority: seeker.priority,
        now,
        settings,
      });
      return r.ok ? { ok: true, bookings: r.bookings.map(view) } : { ok: false, reason: r.reason };
    },

    async change(seeker, code, { hospitalId, day, session }, now) {
      const current = await visit(seeker.contactId, code);
      if (current.length === 0) return { ok: false, reason: 'not_bookable' };
      const to = hospitalId || current[0].hospitalId;
      await materialize(
        to,
        current.map((b) => b.serviceId),
        now,
      );
      const r = await booking.change({
        contactId: seeker.contactId,
        bookingIds: current.map((b) => b.id),
        hospitalId: to,
        day,
        session,
        regionIds: seeker.regionIds,
        priority: seeker.priority,
        now,
        settings,
      });
      if (r.ok) return { ok: true, bookings: r.bookings.map(view) };
      return { ok: false, reason: r.reason === 'not_found' ? 'not_bookable' : r.reason };
    },

    async cancel(contactId, code, now) {
      const current = await visit(contactId, code);
      if (current.length === 0) return { ok: false, reason: 'not_found' };
      for (const b of current) {
        const r = await booking.cancel({ contactId, bookingId: b.id, now, settings, reason: 'woman' });
        if (!r.ok && r.reason === 'too_late') return { ok: false, reason: 'too_late' };
      }
      return { ok: true };
    },

    async active(contactId) {
      return (await booking.activeBookings(contactId)).map(view);
    },

    async waiting(contactId) {
      return (await booking.waitlist(contactId)).filter((w) => w.status === 'waiting').map((w) => ({ hospitalId: w.hospitalId, serviceId: w.serviceId }));
    },

    canChange: (b, now) => canChange(b.day, now, settings),

    async joinWaitlist(contactId, hospitalId, serviceIds, dateFrom, dateTo, now) {
      const r = await booking.joinWaitlist({ contactId, hospitalId, serviceIds, dateFrom, dateTo, now, settings });
      return r.ok ? 'joined' : 'already';
    },

    async acceptOffer(contactId, now) {
      const r = await booking.acceptOffer({ contactId, now, settings });
      if (r.ok) return { ok: true, bookings: r.bookings.map(view) };
      return { ok: false, reason: r.reason === 'expired' ? 'expired' : 'none' };
    },

    declineOffer: (contactId, now) => booking.declineOffer({ contactId, now, settings }),

    bookableDays: (now) => bookableDays(now, settings),
  };
}
