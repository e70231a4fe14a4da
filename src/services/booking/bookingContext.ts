// What every booking use case needs: the database, the default settings, the texts and the random
// source of booking codes. Built once by BookingService.
import type { Db, Provider, Tx } from '../../db/client.js';
import type { RandomSource } from '../../domain/booking/bookingCode.js';
import type { BookingSettings } from '../../domain/profile/profileSchema.js';
import type { BookingTexts } from './bookingTypes.js';

export interface BookingContext {
  db: Db;
  provider: Provider;
  settings: BookingSettings;
  texts(): BookingTexts;
  /** The name she reads for a service id (e.g. cervical → 宫颈癌筛查). */
  serviceName(serviceId: string): string;
  /** Where a service comes in a list (the profile's order: 宫颈 before 乳腺). */
  serviceRank(serviceId: string): number;
  random: RandomSource;
  /**
   * When an offer made at `now` can first reach her (after the quiet hours): the hold counts from
   * then, so a seat freed at night is not held through the night for a woman who cannot see it.
   */
  offerStartsAt(now: Date): Date;
  /**
   * Her bookings of these services changed (booked, offered, moved, confirmed, ended), inside the
   * transaction of the change: the reminders that depend on them are brought in line there.
   */
  bookingsChanged(tx: Tx, contactId: string, serviceIds: string[], now: Date): Promise<void>;
}
