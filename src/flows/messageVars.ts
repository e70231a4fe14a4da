// The {placeholders} each text of flows/messages.yaml that code fills in may use, checked at start
// (loadFlows) so a text naming a value it is not given stops start-up with the file and the path.
import { templatePlaceholders } from '../domain/template.js';
import type { Messages } from './flowSchema.js';

/** What is said about one visit (BookingTexts.visitTextVars): lines, details, the appointment reminder. */
const VISIT = ['code', 'services', 'date', 'weekday', 'session', 'hospital', 'address', 'directions', 'phone', 'preparation'];
/** What every booking notice gets (src/services/booking/notices.ts); the offer also the hold time. */
const NOTICE = ['hospital', 'address', 'phone', 'date', 'day', 'weekday', 'session', 'services', 'code', 'hours', 'minutes'];
const HOLD = ['until', 'untilTime', 'untilDate'];
const WINDOW = ['services', 'opens', 'closes', 'from', 'to'];

const BOOKING_MESSAGE_VARS: Record<Exclude<keyof Messages['booking'], 'sessions' | 'weekdays'>, readonly string[]> = {
  listSeparator: [],
  dayOption: ['date', 'weekday', 'left'],
  dayWhich: ['position', 'positionDate', 'positionWeekday', 'number', 'date', 'weekday'],
  dayNotOffered: ['date', 'weekday'],
  sessionOption: ['session', 'left'],
  bookingLine: VISIT,
  heldLine: [...VISIT, 'until'],
  waitingLine: ['services', 'hospital'],
  preview: ['services', 'date', 'weekday', 'session', 'hospital', 'address'],
  details: VISIT,
  appointmentReminder: VISIT,
  windowNotYet: WINDOW,
  windowPast: WINDOW,
  noticeWaitlistOffer: [...NOTICE, ...HOLD],
  noticeOfferExpired: [...NOTICE, ...HOLD],
  noticeNoShow: NOTICE,
  noticeClosed: NOTICE,
};

/** Every placeholder of the booking texts that its code does not give: [path, message]. */
export function checkMessageVars(messages: Messages): [string, string][] {
  const issues: [string, string][] = [];
  for (const [key, allowed] of Object.entries(BOOKING_MESSAGE_VARS)) {
    const text = messages.booking[key as keyof typeof BOOKING_MESSAGE_VARS];
    for (const name of templatePlaceholders(text)) {
      if (!allowed.includes(name)) {
        issues.push([`booking.${key}`, `placeholder {${name}} is not provided here (available: ${allowed.map((v) => `{${v}}`).join(', ') || 'none'})`]);
      }
    }
  }
  return issues;
}
