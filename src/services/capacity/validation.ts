// Argument checks shared by the capacity service's parts; a bad argument throws CapacityInputError.
import { isCalendarDay } from '../../domain/calendarDay.js';
import { CLOSURE_SESSIONS, type ClosureSession } from '../../domain/capacity/closures.js';
import { SESSIONS, type Session } from '../../domain/capacity/rules.js';
import { CapacityInputError } from './types.js';

export function checkDay(field: string, day: string): void {
  if (!isCalendarDay(day)) throw new CapacityInputError(field, `must be a calendar day YYYY-MM-DD, got ${JSON.stringify(day)}`);
}

export function checkRange(fromDay: string, toDay: string): void {
  checkDay('from', fromDay);
  checkDay('to', toDay);
  if (toDay < fromDay) throw new CapacityInputError('to', 'must not be before from');
}

export function checkSession(field: string, session: string): asserts session is Session {
  if (!SESSIONS.includes(session as Session)) throw new CapacityInputError(field, "must be 'am' or 'pm'");
}

export function checkClosureSession(field: string, session: string): asserts session is ClosureSession {
  if (!CLOSURE_SESSIONS.includes(session as ClosureSession)) throw new CapacityInputError(field, "must be 'am', 'pm' or 'all'");
}
