// Every action and choice source a flow file may name, known before the flows are loaded, so
// start-up can check the flows against them.
import { ACTIONS, type ActionSpec } from './actions.js';
import { BOOKING_ACTIONS, BOOKING_CHOICE_SOURCES } from './booking/bookingActions.js';
import { PREGNANCY_ACTIONS, PREGNANCY_CHOICE_SOURCES } from './pregnancy/pregnancyActions.js';
import { NEXT_REMINDER_ACTIONS } from './nextReminders.js';
import { UNDO_END_ACTIONS } from './pregnancy/undoEndActions.js';
import { ANSWER_AGAIN_ACTIONS, ANSWER_AGAIN_SOURCES } from './answerAgainActions.js';
import { MY_RESULTS_ACTIONS } from './myResults.js';
import { REFERRAL_ACTIONS } from './referralBooking.js';
import { HANDOFF_ACTIONS } from './handoff/handoffActions.js';

/** Each action's outcomes and the variables it may set. */
export const ALL_ACTIONS: ReadonlyMap<string, ActionSpec> = new Map([
  ...ACTIONS,
  ...BOOKING_ACTIONS,
  ...PREGNANCY_ACTIONS,
  ...NEXT_REMINDER_ACTIONS,
  ...UNDO_END_ACTIONS,
  ...ANSWER_AGAIN_ACTIONS,
  ...MY_RESULTS_ACTIONS,
  ...REFERRAL_ACTIONS,
  ...HANDOFF_ACTIONS,
]);

export const ALL_CHOICE_SOURCES: ReadonlySet<string> = new Set([...BOOKING_CHOICE_SOURCES, ...PREGNANCY_CHOICE_SOURCES, ...ANSWER_AGAIN_SOURCES]);
