// Messages to staff (an administrator's phone told that a bot account is logged out), not to a woman:
// they have no contact, so the outbox asks no consent or subscription of them; their own reviewer
// (the dispatcher's `review`) still decides whether they are worth sending when their turn comes.
export const STAFF_NOTICE_PREFIX = 'staff-alert:';

export function isStaffNotice(m: { contactId: string | null; dedupeKey: string }): boolean {
  return m.contactId === null && m.dedupeKey.startsWith(STAFF_NOTICE_PREFIX);
}
