// What the booking conversation needs from the booking and capacity services. createApp binds it
// to BookingService and CapacityService; the flow actions only see this.
import type { BookingSettings } from '../../domain/profile/profileSchema.js';

interface SessionSeats {
  day: string;
  session: 'am' | 'pm';
  left: number;
}

export interface ActiveBooking {
  id: string;
  code: string;
  status: 'held' | 'confirmed';
  hospitalId: string;
  serviceId: string;
  day: string;
  session: 'am' | 'pm';
  heldUntil: Date | null;
}

interface WaitingPlace {
  hospitalId: string;
  serviceId: string;
}

export interface Seeker {
  contactId: string;
  /** Her township (and village) ids: seats reserved for them are hers too. */
  regionIds: string[];
  /** In a priority group (低保, rural… per profile): the priority share is open to her. */
  priority: boolean;
}

export type BookResult = { ok: true; bookings: ActiveBooking[] } | { ok: false; reason: 'full' | 'closed' | 'not_bookable' | 'already_booked' };

export type ChangeResult = { ok: true; bookings: ActiveBooking[] } | { ok: false; reason: 'full' | 'closed' | 'not_bookable' | 'too_late' };

export interface BookingPort {
  settings: BookingSettings;
  /** Which hospitals have capacity for every one of these services. */
  hospitalsOffering(serviceIds: string[]): Promise<string[]>;
  /** Bookable day × session with seats she can take for all the services, soonest first. */
  availability(seeker: Seeker, hospitalId: string, serviceIds: string[], now: Date): Promise<SessionSeats[]>;
  book(seeker: Seeker, hospitalId: string, serviceIds: string[], day: string, session: 'am' | 'pm', now: Date): Promise<BookResult>;
  /** Moves her visit `code` to the day and session, at `hospitalId` (another hospital she named) or its own. */
  change(seeker: Seeker, code: string, to: { hospitalId?: string; day: string; session: 'am' | 'pm' }, now: Date): Promise<ChangeResult>;
  cancel(contactId: string, code: string, now: Date): Promise<{ ok: true } | { ok: false; reason: 'too_late' | 'not_found' }>;
  /** Held and confirmed bookings, soonest first. */
  active(contactId: string): Promise<ActiveBooking[]>;
  waiting(contactId: string): Promise<WaitingPlace[]>;
  canChange(booking: ActiveBooking, now: Date): boolean;
  joinWaitlist(contactId: string, hospitalId: string, serviceIds: string[], dateFrom: string, dateTo: string, now: Date): Promise<'joined' | 'already'>;
  acceptOffer(contactId: string, now: Date): Promise<{ ok: true; bookings: ActiveBooking[] } | { ok: false; reason: 'none' | 'expired' }>;
  /** Gives up the seats held for her (they pass to the next woman); how many. */
  declineOffer(contactId: string, now: Date): Promise<number>;
  /** The days that may be booked now (cut-off and horizon), in order. */
  bookableDays(now: Date): string[];
}
