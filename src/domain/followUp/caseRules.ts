// What staff may do to a follow-up case (pure): which outcomes close a case of a category (the
// profile's list), a stage for a cancer and none otherwise, when a closed case offers an aid (救助)
// referral, and the aid states' order.
import type { FollowUpSettings } from '../profile/followUpSchema.js';
import { CANCER_STAGES, STAGED_OUTCOMES, type CaseOutcome } from './caseStatus.js';

export type CloseRefusal = { field: 'outcome' | 'stage'; error: 'outcome_not_for_category' | 'stage_required' | 'stage_not_taken' | 'unknown_stage' };

/** Why an outcome (with its stage) cannot close a case of this category, or undefined when it can. */
export function closeRefusal(s: FollowUpSettings, category: string, outcome: CaseOutcome, stage: string | undefined): CloseRefusal | undefined {
  const fits = [...s.outcomes.anyCategory, ...(s.outcomes[category] ?? [])];
  if (!fits.includes(outcome)) return { field: 'outcome', error: 'outcome_not_for_category' };
  const staged = STAGED_OUTCOMES.includes(outcome);
  if (staged && stage === undefined) return { field: 'stage', error: 'stage_required' };
  if (!staged && stage !== undefined) return { field: 'stage', error: 'stage_not_taken' };
  if (staged && !(CANCER_STAGES as readonly string[]).includes(stage!)) return { field: 'stage', error: 'unknown_stage' };
  return undefined;
}

/** Whether a case closed with `outcome`, of a woman of `group`, offers an aid referral. */
export function offersAid(s: FollowUpSettings, outcome: string | null, group: string | undefined): boolean {
  return !!s.aid && !!outcome && !!group && s.aid.outcomes.includes(outcome as CaseOutcome) && s.aid.priorityGroups.includes(group);
}

export const AID_STATES = ['toPrepare', 'submitted', 'granted', 'refused'] as const;
export type AidState = (typeof AID_STATES)[number];

/** The aid states staff may move a referral to from `from` (granted and refused are final). */
const AID_NEXT: Record<AidState, readonly AidState[]> = { toPrepare: ['submitted'], submitted: ['granted', 'refused'], granted: [], refused: [] };

export function aidMoveAllowed(from: string | null, to: AidState): boolean {
  return !!from && (AID_NEXT[from as AidState] ?? []).includes(to);
}
