// 约阴道镜 (flows/referral_ask.yaml): a further test her result told to her calls for (profile
// results.bookNext) is booked as any booking, where her county's menu has it; else the kind answer.
import { actionSpecs, declaredAction, type FlowAction } from './actions.js';

/** book: `services` set, on to flows/booking.yaml; none: no result of hers calls for it (or her county does not book it). */
export const REFERRAL_ACTIONS = actionSpecs([['referral.route', ['book', 'none'], ['services']]]);

export interface ReferralBookingDeps {
  /** The services her results told to her refer her to. */
  referred: (contactId: string) => Promise<string[]>;
  /** The referral services her county's menu books (a hospital provides them). */
  bookable: ReadonlySet<string>;
}

export function createReferralBooking(d: ReferralBookingDeps): Map<string, FlowAction> {
  const run: FlowAction['run'] = async ({ contact, vars }) => {
    const asked = typeof vars.referral === 'string' ? vars.referral : '';
    if (!asked || !d.bookable.has(asked)) return { outcome: 'none' };
    if (!(await d.referred(contact.id)).includes(asked)) return { outcome: 'none' };
    return { outcome: 'book', vars: { services: asked } };
  };
  return new Map([...REFERRAL_ACTIONS].map(([name, spec]) => [name, declaredAction(name, spec, run)]));
}
