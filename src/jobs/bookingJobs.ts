// Booking's periodic jobs: waitlist offers that expire, no-shows after the day, waiting places past
// their last day (she is told), and reserved seats returned to everyone after their release time
// (then offered to the waitlist). Each is idempotent and safe in several processes.
import type { Logger } from '../support/logger.js';
import type { BookingService } from '../services/booking/BookingService.js';
import type { CapacityService } from '../services/capacity/CapacityService.js';
import type { Job } from './JobScheduler.js';

export function bookingJobs(booking: BookingService, capacity: CapacityService, logger: Logger): Job[] {
  return [
    {
      name: 'booking.expireOffers',
      schedule: { every: 'minutes', minutes: 1 },
      catchUp: 'latest',
      async run(now) {
        const n = await booking.expireOffers(now);
        if (n > 0) logger.info({ count: n }, 'waitlist offers expired');
      },
    },
    {
      name: 'booking.noShows',
      // after the day: the bookings of yesterday not marked attended
      schedule: { every: 'day', hour: 0, minute: 30 },
      catchUp: 'latest',
      async run(now) {
        const n = await booking.markNoShows(now);
        if (n > 0) logger.info({ count: n }, 'no-shows recorded');
      },
    },
    {
      name: 'booking.endPastWaitlistPlaces',
      schedule: { every: 'day', hour: 0, minute: 15 },
      catchUp: 'latest',
      async run(now) {
        const n = await booking.endPastWaitlistPlaces(now);
        if (n > 0) logger.info({ count: n }, 'waitlist places past their last day ended, women told');
      },
    },
    {
      name: 'capacity.releaseReserved',
      schedule: { every: 'minutes', minutes: 5 },
      catchUp: 'latest',
      async run(now) {
        const r = await capacity.releaseDue(now);
        if (r.seatsReturned > 0) logger.info({ seats: r.seatsReturned }, 'reserved seats returned to everyone');
        // seats returned now, or earlier by a run that stopped before offering them: to the women waiting
        const offered = await booking.offerFreeSeats({ now });
        if (offered > 0) logger.info({ seats: offered }, 'free seats offered to the waitlist');
      },
    },
  ];
}
