// Booking against daily capacity (issue 3): availability, book, change, cancel, the waitlist,
// attendance and no-shows. Each use case lives in its own file; this class holds the dependencies.
// Invariant 1: a seat is taken by one conditional write on a SlotPool row, in the transaction that
// writes the booking; for every pool, booked == its held + confirmed bookings.
import { outsideQuietHours, type QuietHours } from '../outbox/quietHours.js';
import { cancelForClosure } from './closedDay.js';
import { endPastWaitlistPlaces, offerFreeSeats, type OfferFreeSeatsArgs } from './freeSeats.js';
import crypto from 'node:crypto';
import { providerOfDb, type Db, type Provider, type Tx } from '../../db/client.js';
import type { RandomSource } from '../../domain/booking/bookingCode.js';
import type { BookingSettings } from '../../domain/profile/profileSchema.js';
import { acceptOffer, declineOffer, expireOffers, joinWaitlist, waitlistFor } from './waitlist.js';
import { markAttended, markNoShows, type AttendanceInput } from './attendance.js';
import { markNoShowsByStaff, type NoShowInput } from './staffNoShow.js';
import { availability } from './availability.js';
import type { BookingContext } from './bookingContext.js';
import type {
  AcceptResult,
  AttendanceResult,
  AvailabilityArgs,
  BookArgs,
  BookingTexts,
  BookingView,
  BookResult,
  CancelArgs,
  CancelResult,
  ChangeArgs,
  ChangeResult,
  DayAvailability,
  JoinWaitlistArgs,
  JoinWaitlistResult,
  WaitlistView,
} from './bookingTypes.js';
import { book } from './bookSeats.js';
import { cancel, releaseAllFor } from './cancelBooking.js';
import { change } from './changeBooking.js';
import { viewOf } from './seatSql.js';

export interface BookingServiceDeps {
  db: Db;
  /** The database's provider (from openDb); read from the client when not given. */
  provider?: Provider;
  /** The texts she reads (or a function reading the current ones, for reloads). */
  texts: BookingTexts | (() => BookingTexts);
  /** The profile's booking settings: used when a call gives none (the jobs). */
  settings: BookingSettings;
  /** The name she reads for a service id; default: the id. */
  serviceName?: (serviceId: string) => string;
  /** Where a service comes in a list she reads; default: as given. */
  serviceRank?: (serviceId: string) => number;
  /** Random source of booking codes; default: crypto. */
  random?: RandomSource;
  /** The profile's quiet hours: a waitlist offer's hold starts when they end. Default: none. */
  quietHours?: QuietHours;
  /** Called in the transaction of every change to a woman's bookings (her reminders follow). Default: nothing. */
  bookingsChanged?: BookingContext['bookingsChanged'];
}

const cryptoRandom: RandomSource = () => crypto.randomInt(0, 2 ** 32) / 2 ** 32;

export class BookingService {
  private readonly ctx: BookingContext;

  constructor(deps: BookingServiceDeps) {
    const texts = deps.texts;
    this.ctx = {
      db: deps.db,
      provider: deps.provider ?? providerOfDb(deps.db),
      settings: deps.settings,
      texts: typeof texts === 'function' ? texts : () => texts,
      serviceName: deps.serviceName ?? ((id) => id),
      serviceRank: deps.serviceRank ?? (() => 0),
      random: deps.random ?? cryptoRandom,
      offerStartsAt: (now) => (deps.quietHours ? outsideQuietHours(now, deps.quietHours) : now),
      bookingsChanged: deps.bookingsChanged ?? (async () => undefined),
    };
  }

  /** The days and sessions with at least one seat she could take for every service. */
  availability(a: AvailabilityArgs): Promise<DayAvailability[]> {
    return availability(this.ctx, a);
  }

  /** One seat per service, one day and session, one transaction; one visit code. */
  book(a: BookArgs): Promise<BookResult> {
    return book(this.ctx, a);
  }

  /** Moves bookings to another day/session (and optionally hospital) in one transaction. */
  change(a: ChangeArgs & { hospitalId?: string }): Promise<ChangeResult> {
    return change(this.ctx, a);
  }

  /** Cancels until her session ends (the cut-off does not apply); the seat goes to the first woman waiting or back to the pool. */
  cancel(a: CancelArgs): Promise<CancelResult> {
    return cancel(this.ctx, a);
  }

  joinWaitlist(a: JoinWaitlistArgs): Promise<JoinWaitlistResult> {
    return joinWaitlist(this.ctx, a);
  }

  acceptOffer(a: { contactId: string; now: Date; settings?: BookingSettings }): Promise<AcceptResult> {
    return acceptOffer(this.ctx, a);
  }

  /** Gives up the seats held for her; returns how many. */
  declineOffer(a: { contactId: string; now: Date; settings?: BookingSettings }): Promise<number> {
    return declineOffer(this.ctx, a);
  }

  /** Job: expired offers pass on; returns how many expired. */
  expireOffers(now: Date, settings?: BookingSettings): Promise<number> {
    return expireOffers(this.ctx, now, settings);
  }

  markAttended(a: AttendanceInput): Promise<AttendanceResult> {
    return markAttended(this.ctx, a);
  }

  /** Staff mark the bookings ticked on the day's list as no-shows (staffNoShow.ts). */
  markNoShowsByStaff(a: NoShowInput): Promise<AttendanceResult> {
    return markNoShowsByStaff(this.ctx, a);
  }

  /** Job: past confirmed bookings become no-shows; returns how many bookings. */
  markNoShows(now: Date): Promise<number> {
    return markNoShows(this.ctx, now);
  }

  /** Inside the caller's transaction (删除我的信息): releases all her bookings and waitlist places. */
  releaseAllFor(tx: Tx, contactId: string, now: Date, settings?: BookingSettings, serviceIds?: string[]): Promise<number> {
    return releaseAllFor(tx, this.ctx, contactId, now, settings, serviceIds);
  }

  /** Her held and confirmed bookings, earliest first. */
  async activeBookings(contactId: string): Promise<BookingView[]> {
    const rows = await this.ctx.db.booking.findMany({
      where: { contactId, status: { in: ['held', 'confirmed'] } },
      orderBy: [{ day: 'asc' }, { session: 'asc' }, { code: 'asc' }],
    });
    return rows.map(viewOf);
  }

  /** The hospital closed a day: cancels the visits on it (seats released) and tells each woman; returns how many bookings. */
  cancelForClosure(bookingIds: string[], now: Date): Promise<number> {
    return cancelForClosure(this.ctx, bookingIds, now);
  }

  /** Job: waitlist places whose last day has passed end (she is told), so she can join again later; returns how many. */
  endPastWaitlistPlaces(now: Date): Promise<number> {
    return endPastWaitlistPlaces(this.ctx, now);
  }

  /**
   * Seats added later (capacity raised, a closure lifted, reserved seats released) go to the women
   * waiting at once, as a seat given back does; returns how many seats were offered.
   */
  offerFreeSeats(a: OfferFreeSeatsArgs): Promise<number> {
    return offerFreeSeats(this.ctx, a);
  }

  /** Her waiting or offered waitlist places. */
  waitlist(contactId: string): Promise<WaitlistView[]> {
    return waitlistFor(this.ctx, contactId);
  }
}
