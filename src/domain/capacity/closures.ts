// Closures: a whole day ('all') or one session of it when a hospital does not screen.
import type { PlannedSlot, Session } from './rules.js';

export const CLOSURE_SESSIONS = ['am', 'pm', 'all'] as const;
export type ClosureSession = (typeof CLOSURE_SESSIONS)[number];

export interface ClosureLike {
  day: string;
  session: string;
}

/** The sessions a closure covers. */
export function closedSessions(session: ClosureSession): Session[] {
  return session === 'all' ? ['am', 'pm'] : [session];
}

/** True when a closure covers this day × session. */
export function isClosed(closures: readonly ClosureLike[], day: string, session: Session): boolean {
  return closures.some((c) => c.day === day && (c.session === 'all' || c.session === session));
}

/** Marks each planned slot closed or not. */
export function applyClosures<T extends Pick<PlannedSlot, 'day' | 'session'>>(
  slots: readonly T[],
  closures: readonly ClosureLike[],
): (T & { closed: boolean })[] {
  return slots.map((s) => ({ ...s, closed: isClosed(closures, s.day, s.session) }));
}
