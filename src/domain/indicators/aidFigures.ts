// Aid (救助) referrals counted per region and period, from the follow-up cases of the period's results
// (issue 13 point 6): a case offers aid when a woman of a priority group is diagnosed with a cancer or
// precancer the profile names (src/domain/followUp/caseRules.ts). Each case counts once, in the state
// it is in now: offered = every case with an aid state; granted with the sum of the amounts granted.
import { AID_STATES, type AidState } from '../followUp/caseRules.js';

export interface AidFigures {
  /** cases offered an aid referral (all states) */
  offered: number;
  toPrepare: number;
  submitted: number;
  granted: number;
  refused: number;
  /** the amounts granted, in fen (分) */
  grantedAmountFen: number;
}

/** The figures from the count (and granted amount) per aid state. */
export function aidFigures(groups: readonly { state: string; cases: number; amountFen: number }[]): AidFigures {
  const by = (s: AidState) => groups.find((g) => g.state === s);
  const [toPrepare, submitted, granted, refused] = AID_STATES.map((s) => by(s)?.cases ?? 0);
  return { offered: toPrepare + submitted + granted + refused, toPrepare, submitted, granted, refused, grantedAmountFen: by('granted')?.amountFen ?? 0 };
}
