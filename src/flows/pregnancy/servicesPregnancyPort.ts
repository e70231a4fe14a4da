// Binds the pregnancy conversations' port to PregnancyService, the booking service and the planner.
import type { Db } from '../../db/client.js';
import type { BookingService } from '../../services/booking/BookingService.js';
import { cancelQueuedMessages } from '../../services/outbox/enqueueMessage.js';
import { plausibleDueDate, PregnancyService, type PregnancyView } from '../../services/pregnancy/PregnancyService.js';
import type { PregnancyPort, PregnancySettings } from './pregnancyPort.js';

export interface PregnancyPortDeps {
  db: Db;
  pregnancy: PregnancyService;
  booking: BookingService;
  settings: PregnancySettings;
  /** The prenatal screenings with a window (their bookings end with a loss). */
  prenatalIds: readonly string[];
}

/** The reason recorded on the newborn reminders cancelled when the baby died. */
export const BABY_DIED = 'baby died';

export function servicesPregnancyPort(d: PregnancyPortDeps): PregnancyPort {
  const { db, pregnancy } = d;
  const prenatalBookings = async (contactId: string) =>
    (await d.booking.activeBookings(contactId)).filter((b) => d.prenatalIds.includes(b.serviceId)).length;

  return {
    settings: d.settings,
    needsAge: () => pregnancy.needsAge(),
    needsTwins: () => pregnancy.needsTwins(),
    plausibleDueDate,
    adjustedDueDate: (input) => PregnancyService.adjustedDueDate(input),
    active: (contactId) => pregnancy.active(contactId),
    latest: (contactId) => pregnancy.latest(contactId),

    async all(contactId) {
      const rows = await db.pregnancy.findMany({ where: { contactId }, orderBy: { createdAt: 'asc' } });
      return rows.map(
        (p): PregnancyView => ({
          id: p.id,
          contactId: p.contactId,
          status: p.status as PregnancyView['status'],
          dueDate: p.dueDate,
          datingFrom: p.datingFrom as PregnancyView['datingFrom'],
          cycleDays: p.cycleDays,
          twins: p.twins,
          ageOnDueDate: p.ageOnDueDate,
          referred: p.referred,
          registeredOn: p.registeredOn,
          birthDate: p.birthDate,
          endedOn: p.endedOn,
          guardianConsent: p.guardianConsentAt !== null,
          heelBloodDone: p.heelBloodDone,
          hearingFirst: p.hearingFirst,
        }),
      );
    },

    register: (contactId, input, now) => pregnancy.register(contactId, input, now),
    redate: (contactId, dueDate, now, birthDate) => pregnancy.redate(contactId, dueDate, now, birthDate),
    reportBirth: (contactId, birthDate, now) => pregnancy.reportBirth(contactId, birthDate, now),
    newbornConsent: (contactId, answers, now) => pregnancy.newbornConsent(contactId, answers, now),

    async reportLoss(contactId, now) {
      const bookings = await prenatalBookings(contactId);
      if (await pregnancy.reportLoss(contactId, now)) return { ended: true, bookingsReleased: bookings };
      // not registered here, but a prenatal visit booked (booking asks her dating itself): it ends too,
      // with the due date she gave for it, so no reminder of that visit reaches her
      if (bookings === 0) {
        await db.fact.deleteMany({ where: { contactId, key: 'dueDate' } });
        return { ended: false, bookingsReleased: 0 };
      }
      const released = await db.$transaction(async (tx) => {
        const n = await d.booking.releaseAllFor(tx, contactId, now, undefined, [...d.prenatalIds]);
        await tx.fact.deleteMany({ where: { contactId, key: 'dueDate' } });
        return n;
      });
      return { ended: false, bookingsReleased: released };
    },

    // PregnancyService has no way to withdraw the guardian's consent: the same rows are changed here,
    // in one transaction, so that no newborn reminder is ever planned or sent again
    async stopNewborn(contactId, now) {
      return db.$transaction(async (tx) => {
        const p = await tx.pregnancy.findFirst({ where: { contactId, status: 'born', guardianConsentAt: { not: null } }, orderBy: { createdAt: 'desc' } });
        if (!p) return false;
        await tx.pregnancy.update({ where: { id: p.id }, data: { guardianConsentAt: null, heelBloodDone: null, hearingFirst: null } });
        await cancelQueuedMessages(tx, { contactId, dedupeKeyPrefix: `newborn:${p.id}:` }, BABY_DIED, now);
        return true;
      });
    },

    markDone: (contactId, screeningId, now) => pregnancy.markDone(contactId, screeningId, now),
    screenings: (p, now) => pregnancy.screenings(p, now),
    openNewbornScreens: (contactId, now) => pregnancy.openNewbornScreens(contactId, now),
  };
}
