// Binds the pregnancy conversations' port to PregnancyService (which owns every transaction).
import { plausibleDueDate } from '../../domain/pregnancy/plausibleDueDate.js';
import { PregnancyService } from '../../services/pregnancy/PregnancyService.js';
import type { PregnancyPort, PregnancySettings } from './pregnancyPort.js';

export interface PregnancyPortDeps {
  pregnancy: PregnancyService;
  settings: PregnancySettings;
}

export function servicesPregnancyPort(d: PregnancyPortDeps): PregnancyPort {
  const { pregnancy } = d;
  return {
    settings: d.settings,
    needsAge: () => pregnancy.needsAge(),
    ageDecides: (ages, twins) => pregnancy.ageDecides(ages, twins),
    needsTwins: () => pregnancy.needsTwins(),
    plausibleDueDate,
    adjustedDueDate: (input) => PregnancyService.adjustedDueDate(input),
    active: (contactId) => pregnancy.active(contactId),
    awaitingBirth: (contactId) => pregnancy.awaitingBirth(contactId),
    recordBirthOnly: (contactId, birthDate, now, withinDays) => pregnancy.recordBirthOnly(contactId, birthDate, now, withinDays),
    latest: (contactId) => pregnancy.latest(contactId),
    all: (contactId) => pregnancy.all(contactId),
    register: (contactId, input, now) => pregnancy.register(contactId, input, now),
    redate: (contactId, dueDate, now, birthDate) => pregnancy.redate(contactId, dueDate, now, birthDate),
    reportBirth: (contactId, birthDate, now) => pregnancy.reportBirth(contactId, birthDate, now),
    setTwins: (contactId, twins, now) => pregnancy.setTwins(contactId, twins, now),
    newbornConsent: (contactId, answers, now) => pregnancy.newbornConsent(contactId, answers, now),
    reportLoss: (contactId, now, endedOn) => pregnancy.reportLoss(contactId, now, endedOn),
    stopNewborn: (contactId, now) => pregnancy.stopNewborn(contactId, now),
    undoableEnd: (contactId, now) => pregnancy.undoableEnd(contactId, now),
    undoEnd: (contactId, now) => pregnancy.undoEnd(contactId, now),
    markDone: (contactId, screeningId, now, doneOn) => pregnancy.markDone(contactId, screeningId, now, doneOn),
    earlierToAsk: (contactId, now) => pregnancy.earlierToAsk(contactId, now),
    recordEarlier: (contactId, screeningId, done, now) => pregnancy.recordEarlier(contactId, screeningId, done, now),
    screenings: (p, now) => pregnancy.screenings(p, now),
    upcomingAlerts: (p, now, fromDay) => pregnancy.upcomingAlerts(p, now, fromDay),
    openNewbornScreens: (contactId, now) => pregnancy.openNewbornScreens(contactId, now),
  };
}
