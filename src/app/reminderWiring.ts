// Builds the timed-message parts from the profile: the planner, the pregnancy service, and the
// hooks through which bookings and conversation turns keep her reminders in line.
import type { Db, Tx } from '../db/client.js';
import type { Profile } from '../domain/profile/profileSchema.js';
import type { BookingTexts } from '../flows/booking/bookingTexts.js';
import type { BookingService } from '../services/booking/BookingService.js';
import type { TurnSaved } from '../services/conversationStore.js';
import { cancelQueuedMessages } from '../services/outbox/enqueueMessage.js';
import { PregnancyService } from '../services/pregnancy/PregnancyService.js';
import { ReminderPlanner, UNSUBSCRIBED } from '../services/reminders/ReminderPlanner.js';
import { buildReminderConfig } from '../services/reminders/reminderConfig.js';

export function createReminders(db: Db, profile: Profile, bookingTexts: BookingTexts) {
  const config = buildReminderConfig(profile, (v) => bookingTexts.appointmentReminder(v));
  const planner = new ReminderPlanner(db, () => config);
  const prenatalIds = new Set(config.prenatal.map((s) => s.id));

  /** Booking hook: her appointment reminders; her prenatal alerts or re-screening reminder when one of their services changed. */
  const rescreenIds = new Set(config.rescreen.serviceIds);
  const bookingsChanged = (tx: Tx, contactId: string, serviceIds: string[], now: Date) =>
    planner.reconcile(tx, contactId, now, [
      'appointment',
      ...(serviceIds.some((id) => prenatalIds.has(id)) ? (['prenatal'] as const) : []),
      // booked 两癌 again: a re-screening reminder queued for tomorrow is no longer needed
      ...(serviceIds.some((id) => rescreenIds.has(id)) ? (['rescreen'] as const) : []),
    ]);

  /** Turn hook: 退订 cancels everything queued for her but news about a booking she holds; 订阅 brings back what is still ahead; a new eligibility answer may set a re-screening day. */
  const turnSaved: TurnSaved = async (tx, contactId, w) => {
    if (w.contact.subscribed === false) await cancelQueuedMessages(tx, { contactId, keepBookingNews: true }, UNSUBSCRIBED, w.now);
    else if (w.contact.subscribed === true) await planner.reconcile(tx, contactId, w.now);
    else if (w.checks.length > 0) await planner.reconcile(tx, contactId, w.now, ['rescreen']);
  };

  const pregnancyService = (booking: BookingService) =>
    new PregnancyService({
      db,
      planner,
      prenatal: () => config.prenatal,
      newborn: () => config.newborn,
      releaseBookings: (tx, contactId, serviceIds, now) => booking.releaseAllFor(tx, contactId, now, undefined, serviceIds),
    });

  return { config, planner, bookingsChanged, turnSaved, pregnancyService };
}
