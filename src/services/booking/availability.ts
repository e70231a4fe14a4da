// The days and sessions she could book now at a hospital, with how many seats she could take for
// all the asked services together (the smallest over them), from the Slot and SlotPool rows.
import { bookableDays } from '../../domain/booking/bookableDays.js';
import { seatsFor } from '../../domain/booking/poolOrder.js';
import type { BookingContext } from './bookingContext.js';
import { SESSIONS, type AvailabilityArgs, type DayAvailability, type Session } from './bookingTypes.js';
import { loadSlots, normalizeServiceIds } from './slotQueries.js';

export async function availability(ctx: BookingContext, a: AvailabilityArgs): Promise<DayAvailability[]> {
  const settings = a.settings ?? ctx.settings;
  const serviceIds = normalizeServiceIds(a.serviceIds);
  const days = bookableDays(a.now, settings);
  const slots = await loadSlots(ctx.db, { hospitalId: a.hospitalId, serviceIds, days, openOnly: true });
  const byDaySession = new Map<string, Record<string, number>>();
  for (const slot of slots) {
    const key = `${slot.day}|${slot.session}`;
    const seats = byDaySession.get(key) ?? {};
    seats[slot.serviceId] = seatsFor(slot.pools, a, a.now);
    byDaySession.set(key, seats);
  }
  const out: DayAvailability[] = [];
  for (const day of days) {
    for (const session of SESSIONS) {
      const seatsByService = byDaySession.get(`${day}|${session}`);
      if (!seatsByService || serviceIds.some((s) => seatsByService[s] === undefined)) continue;
      const seats = Math.min(...serviceIds.map((s) => seatsByService[s]));
      if (seats >= 1) out.push({ day, session: session as Session, seats, seatsByService });
    }
  }
  return out;
}
