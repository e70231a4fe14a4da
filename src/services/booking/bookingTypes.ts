// The booking service's inputs and outputs. Sessions are 'am' (上午) and 'pm' (下午); days are
// Asia/Shanghai 'YYYY-MM-DD'; every call gets `now` (the clock is injected).
import type { BookingSettings } from '../../domain/profile/profileSchema.js';

export type Session = 'am' | 'pm';
export const SESSIONS: readonly Session[] = ['am', 'pm'];

export type BookingStatus = 'held' | 'confirmed' | 'cancelled' | 'expired' | 'attended' | 'noshow';

/**
 * The texts a woman reads, with {placeholders} (the real Chinese texts live in flows/messages.yaml).
 * Every notice gets: {hospital} {address} {phone} {date} (2026年3月5日) {day} (2026-03-05)
 * {weekday} {session} {services} {code}. The offer also gets {until} (HH:mm, with the date in front
 * when it is not today), {untilTime}, {untilDate}, {hours} and {minutes} (how long it is held).
 */
export interface BookingTexts {
  /** A released seat is held for her (outbox priority 0, dedupeKey `waitlist-offer:<bookingId>`). */
  waitlistOffer: string;
  /** The seat held for her passed to the next woman (dedupeKey `waitlist-expired:<bookingId>`). */
  offerExpired: string;
  /** She did not come; kindly offers to rebook (dedupeKey `noshow:<bookingId>`). */
  noShow: string;
  /** The hospital closed the day of her booking: it is cancelled, she can rebook (dedupeKey `closed:<bookingId>`). */
  closed: string;
  /** Her waiting place ended (its last day passed) with no seat: what she can do (dedupeKey `waitlist-ended:<contactId>:<hospitalId>:<last day>`); {date} is its last day. */
  waitlistEnded: string;
  /** Names of the sessions, e.g. { am: 上午, pm: 下午 }. */
  sessions: Record<Session, string>;
  /** Names of the weekdays, Monday first (7). */
  weekdays: readonly string[];
  /** Between service names in {services}; default '、'. */
  listSeparator?: string;
}

/** Who is booking: decides which reserved pools she may take. */
export interface BookerFacts {
  /** Township and village ids she belongs to (village first). */
  regionIds: string[];
  /** She is in one of the profile's priority groups. */
  priority: boolean;
}

export interface BookingView {
  id: string;
  /** The stored code of this booking (XC7K3P or XC7K3P-2). */
  code: string;
  /** The code she is told for the whole visit (XC7K3P). */
  visitCode: string;
  contactId: string;
  hospitalId: string;
  serviceId: string;
  day: string;
  session: Session;
  status: BookingStatus;
  /** For held offers: until when the seat is kept for her. */
  heldUntil: Date | null;
}

export interface AvailabilityArgs extends BookerFacts {
  hospitalId: string;
  serviceIds: string[];
  now: Date;
  settings?: BookingSettings;
}

export interface DayAvailability {
  day: string;
  session: Session;
  /** Seats she could take for every service together (the smallest over the services). */
  seats: number;
  seatsByService: Record<string, number>;
}

export interface BookArgs extends BookerFacts {
  contactId: string;
  hospitalId: string;
  serviceIds: string[];
  day: string;
  session: string;
  now: Date;
  settings?: BookingSettings;
}

type BookFailure = 'full' | 'closed' | 'not_bookable' | 'already_booked';
export type BookResult = { ok: true; visitCode: string; bookings: BookingView[] } | { ok: false; reason: BookFailure; existing?: BookingView[] };

export interface ChangeArgs extends BookerFacts {
  contactId: string;
  /** The bookings to move together (e.g. the two services of one visit). */
  bookingIds: string[];
  day: string;
  session: string;
  now: Date;
  settings?: BookingSettings;
}

export type ChangeResult = { ok: true; bookings: BookingView[] } | { ok: false; reason: 'not_found' | 'too_late' | 'not_bookable' | 'closed' | 'full' };

export interface CancelArgs {
  contactId: string;
  bookingId: string;
  now: Date;
  settings?: BookingSettings;
  /** Why (e.g. 'woman', 'staff'); not stored yet (the model has no column for it). */
  reason?: string;
}

/** too_late: her session is already over. */
export type CancelResult = { ok: true; booking: BookingView; seat: SeatOutcome } | { ok: false; reason: 'not_found' | 'too_late' };

/** What became of a released seat. */
export type SeatOutcome = { passedTo: string; heldBookingId: string } | { returned: true };

export interface JoinWaitlistArgs {
  contactId: string;
  hospitalId: string;
  /** One service, or several (one entry each). */
  serviceId?: string;
  serviceIds?: string[];
  dateFrom: string;
  dateTo: string;
  now: Date;
  settings?: BookingSettings;
}

export interface WaitlistView {
  id: string;
  contactId: string;
  hospitalId: string;
  serviceId: string;
  dateFrom: string;
  dateTo: string;
  rank: number;
  status: string;
  bookingId: string | null;
}

export type JoinWaitlistResult = { ok: true; entries: WaitlistView[] } | { ok: false; reason: 'already_waiting' | 'invalid_range'; entries: WaitlistView[] };

export type AcceptResult = { ok: true; bookings: BookingView[] } | { ok: false; reason: 'none' | 'expired' };

export type AttendanceResult =
  | { ok: true; bookings: BookingView[]; marked: number }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'not_active' | 'too_early'; bookings: BookingView[] };
