// What every pregnancy use case needs: the database, the reminder planner (every change brings her
// timed messages in line in its transaction), the programme's screenings and the booking service's
// release of her bookings. Given once to PregnancyService.
import type { Db, Tx } from '../../db/client.js';
import type { NewbornScreen } from '../../domain/reminders/newbornAlerts.js';
import type { AlertScreening } from '../../domain/reminders/prenatalAlerts.js';
import type { ReminderPlanner } from '../reminders/ReminderPlanner.js';

export interface PregnancyContext {
  db: Db;
  planner: ReminderPlanner;
  /** The programme's prenatal screenings (read at each call: the profile may be reloaded). */
  prenatal: () => AlertScreening[];
  /** The programme's newborn screens. */
  newborn: () => NewbornScreen[];
  /** Ends her held and confirmed bookings of these services in the transaction (a birth or a loss). */
  releaseBookings: (tx: Tx, contactId: string, serviceIds: string[], now: Date) => Promise<number>;
}
