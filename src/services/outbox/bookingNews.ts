// News about a booking she holds (her visit cancelled by a closure, a visit the hospital did not
// record her at) and her own screening results are sent even after 退订: 退订 stops reminders and
// campaign notices, never that. The outbox has no kind column, so such messages are known by the
// prefix of their dedupe key (written by the booking notices, src/services/booking/notices.ts
// noticeKey, and the result notices, src/services/results/ResultService.ts).
/** The dedupe-key prefix of a result's notice. */
export const RESULT_NOTICE_PREFIX = 'result:';
export const BOOKING_NEWS_KEY_PREFIXES: readonly string[] = ['closed:', 'noshow:', RESULT_NOTICE_PREFIX];

/** Whether a message with this dedupe key is news about a booking she holds. */
export function isBookingNews(dedupeKey: string): boolean {
  return BOOKING_NEWS_KEY_PREFIXES.some((p) => dedupeKey.startsWith(p));
}
