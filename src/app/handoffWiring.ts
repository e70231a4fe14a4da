// The hand-off port over the services (src/services/handoff) and the profile's office hours.
import type { Db } from '../db/client.js';
import { nextOpening, type OfficeHours } from '../domain/handoff/officeHours.js';
import type { WorkdayCalendar } from '../domain/workdays/workingDays.js';
import { recordChatLines } from '../services/handoff/chatLines.js';
import { activeRequest, openRequest } from '../services/handoff/openRequest.js';
import type { HandoffPort } from '../flows/handoff/handoffPort.js';

export function servicesHandoffPort(db: Db, o: { countyId: string; stuckAfter: number; hours: OfficeHours; calendar: WorkdayCalendar }): HandoffPort {
  return {
    countyId: o.countyId,
    stuckAfter: o.stuckAfter,
    active: async (contactId) => (await activeRequest(db, contactId)) ?? undefined,
    open: async (contactId, reason, regionId, now) => {
      const opened = await openRequest(db, { contactId, countyId: o.countyId, regionId, reason }, now);
      return { created: opened.created };
    },
    nextOpening: (now) => nextOpening(now, o.hours, o.calendar),
    lastLineFrom: async (contactId) =>
      (await db.chatLine.findFirst({ where: { contactId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], select: { from: true } }))?.from,
    recordLines: (contactId, lines, now) => recordChatLines(db, contactId, lines, now),
  };
}
