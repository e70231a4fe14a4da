// News about a booking she holds (her visit cancelled by a closure, a visit the hospital did not
// record her at), her own screening results and the reminders of their next step are sent even
// after 退订: 退订 stops reminders and campaign notices, never that. The outbox has no kind column, so such messages are known by the
// prefix of their dedupe key (written by the booking notices, src/services/booking/notices.ts
// noticeKey, the result notices, src/services/results/ResultService.ts, and the follow-up reminders,
// src/services/followUp/followUpDaily.ts).
/** The dedupe-key prefix of a result's notice. */
export const RESULT_NOTICE_PREFIX = 'result:';
/** The dedupe-key prefix of a reminder of a follow-up case's next step (`followup:<caseId>:<day>`). */
export const FOLLOW_UP_REMINDER_PREFIX = 'followup:';
/** The dedupe-key prefix of what staff answering her hand-off request send her (she asked for a person). */
export const HANDOFF_KEY_PREFIX = 'handoff:';
export const BOOKING_NEWS_KEY_PREFIXES: readonly string[] = ['closed:', 'noshow:', RESULT_NOTICE_PREFIX, FOLLOW_UP_REMINDER_PREFIX, HANDOFF_KEY_PREFIX];

/** Whether a message with this dedupe key is news about a booking she holds. */
export function isBookingNews(dedupeKey: string): boolean {
  return BOOKING_NEWS_KEY_PREFIXES.some((p) => dedupeKey.startsWith(p));
}
