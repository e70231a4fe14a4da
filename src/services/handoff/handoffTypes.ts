// What the hand-off service reads and answers: a request as staff see it, and the codes of what
// cannot be done (mapped once to HTTP statuses by the staff API).
export const HANDOFF_STATUSES = ['open', 'claimed', 'closed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
export type HandoffReason = 'asked' | 'stuck';

export interface HandoffRow {
  id: string;
  contactId: string;
  countyId: string;
  regionId: string;
  reason: string;
  status: string;
  claimedBy: string | null;
  claimedAt: Date | null;
  escalatedAt: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** Why a staff action was refused: not_found (or not in the account's scope), changed_meanwhile (another version), not_claimer, closed, not_open, no_private_chat. */
export type HandoffRefusal = 'not_found' | 'changed_meanwhile' | 'not_claimer' | 'closed' | 'not_open' | 'not_claimed' | 'no_private_chat';

export type HandoffResult<T> = { ok: true; value: T } | { ok: false; error: HandoffRefusal };

/** The texts the service sends her (flows/messages.yaml `handoff`). */
export interface HandoffTexts {
  /** A staff member's reply, as she reads it ({text}). */
  staffReply: string;
  /** The conversation with staff ended; the bot answers again. */
  closed: string;
}

/** The channels of her private chat (a staff reply never goes by SMS: design invariant 9). */
export const PRIVATE_CHANNELS: readonly string[] = ['wechat', 'simulator'];

/** The dedupe-key prefix of what a hand-off sends her: sent even after 退订 (she asked for a person). */
export { HANDOFF_KEY_PREFIX } from '../outbox/bookingNews.js';
