// What the conversation engine needs of the hand-off to staff (src/services/handoff): her request,
// opening one, when staff next answer, and her chat lines. Absent: the profile has no `handoff`
// section, and 人工 gives the staff phone as before.
import type { ChatLineWrite } from '../../services/handoff/chatLines.js';
import type { HandoffReason } from '../../services/handoff/handoffTypes.js';

export interface HandoffPort {
  /** The county: her request's region when her township is unknown. */
  countyId: string;
  /** Answers in a row the bot could not read before staff are asked to help her. */
  stuckAfter: number;
  /** Her open or claimed request. */
  active(contactId: string): Promise<{ id: string; status: string } | undefined>;
  /** Opens her request (false: she had one already). */
  open(contactId: string, reason: HandoffReason, regionId: string, now: Date): Promise<{ created: boolean }>;
  /** When staff next answer; undefined while they do. */
  nextOpening(now: Date): Date | undefined;
  /** Who wrote her last chat line ('woman', 'bot', 'staff'), if any. */
  lastLineFrom(contactId: string): Promise<string | undefined>;
  recordLines(contactId: string, lines: readonly ChatLineWrite[], now: Date): Promise<void>;
}

/** The chat channels her request may come from (an SMS contact gets the staff phone: nothing personal by SMS). */
export const PRIVATE_CHAT: readonly string[] = ['wechat', 'simulator'];
