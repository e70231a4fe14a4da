// Every action and choice source a flow file may name, known before the flows are loaded, so
// start-up can check the flows against them.
import { ACTION_OUTCOMES } from './actions.js';
import { BOOKING_ACTION_OUTCOMES, BOOKING_CHOICE_SOURCES } from './booking/bookingActions.js';
import { PREGNANCY_ACTION_OUTCOMES, PREGNANCY_CHOICE_SOURCES } from './pregnancy/pregnancyActions.js';

export const ALL_ACTION_OUTCOMES: ReadonlyMap<string, readonly string[]> = new Map([
  ...ACTION_OUTCOMES,
  ...BOOKING_ACTION_OUTCOMES,
  ...PREGNANCY_ACTION_OUTCOMES,
]);

export const ALL_CHOICE_SOURCES: ReadonlySet<string> = new Set([...BOOKING_CHOICE_SOURCES, ...PREGNANCY_CHOICE_SOURCES]);
