// 约阴道镜 (flows/referral_ask.yaml): a further test she may book (a programme's `referral` screening)
// is booked as any booking, where her county's menu has it: when a result told to her calls for it
// (profile results.bookNext), or, for one with a rule of its own (产前诊断: `onlyIf`), when her
// registered pregnancy meets it. Else the kind answer, worded for which of these it is.
import { actionSpecs, declaredAction, type FlowAction } from './actions.js';

/**
 * book: `services` set, on to flows/booking.yaml; none: no result of hers calls for it (or her county
 * does not book it); rule_unregistered / rule_unmet: one with a rule of its own, and no pregnancy
 * registered / her registered pregnancy does not meet it.
 */
export const REFERRAL_ACTIONS = actionSpecs([['referral.route', ['book', 'none', 'rule_unregistered', 'rule_unmet'], ['services']]]);

export interface ReferralBookingDeps {
  /** The referral services she may book now (src/services/results/bookableReferrals.ts). */
  referred: (contactId: string) => Promise<string[]>;
  /** The referral services her county's menu books (a hospital provides them). */
  bookable: ReadonlySet<string>;
  /** Those with a rule of their own besides a result (`onlyIf`). */
  ruled: ReadonlySet<string>;
  /** Whether she has a pregnancy registered now. */
  hasPregnancy: (contactId: string) => Promise<boolean>;
}

export function createReferralBooking(d: ReferralBookingDeps): Map<string, FlowAction> {
  const run: FlowAction['run'] = async ({ contact, vars }) => {
    const asked = typeof vars.referral === 'string' ? vars.referral : '';
    if (!asked || !d.bookable.has(asked)) return { outcome: 'none' };
    if ((await d.referred(contact.id)).includes(asked)) return { outcome: 'book', vars: { services: asked } };
    if (!d.ruled.has(asked)) return { outcome: 'none' };
    return { outcome: (await d.hasPregnancy(contact.id)) ? 'rule_unmet' : 'rule_unregistered' };
  };
  return new Map([...REFERRAL_ACTIONS].map(([name, spec]) => [name, declaredAction(name, spec, run)]));
}
