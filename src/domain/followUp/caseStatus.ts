// A follow-up case's status and its outcomes (issue 13, domain.md §5). The status is computed from
// the case's dates when read, never stored by a job that may lag: closed with an outcome, done (the
// next step was done, waiting for its outcome), booked, contacted, or open; overdue while not done
// or closed after its due day.
import { z } from 'zod';

/** The fixed list of outcomes a case is closed with. */
export const CASE_OUTCOMES = [
  'normal',
  'cin1',
  'cin2plus',
  'cervicalCancer',
  'benignBreast',
  'breastCancer',
  'chromosomalConfirmed',
  'chromosomalExcluded',
  'newbornConditionConfirmed',
  'newbornConditionExcluded',
  'hearingLossConfirmed',
  'hearingLossExcluded',
  'refused',
  'movedAway',
  'lostToFollowUp',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const caseOutcomeSchema = z.enum(CASE_OUTCOMES);

/** Outcomes that take a stage (FIGO for the cervix, TNM group for the breast: 0, I, II, III, IV). */
export const STAGED_OUTCOMES: readonly CaseOutcome[] = ['cervicalCancer', 'breastCancer'];
export const CANCER_STAGES = ['0', 'I', 'II', 'III', 'IV'] as const;
export type CancerStage = (typeof CANCER_STAGES)[number];

/** Closed without the next step's answer: she was not followed up to a diagnosis (失访, refused, moved). */
export const NOT_FOLLOWED_UP: readonly CaseOutcome[] = ['refused', 'movedAway', 'lostToFollowUp'];

export type CaseStatus = 'open' | 'contacted' | 'booked' | 'done' | 'lost' | 'closed';

export interface CaseDates {
  dueOn: string;
  contactedAt: Date | null;
  bookedAt: Date | null;
  doneAt: Date | null;
  closedAt: Date | null;
  outcome: string | null;
}

/** The status of a case as of `today` (YYYY-MM-DD, Asia/Shanghai), and whether it is overdue. */
export function caseStatus(c: CaseDates, today: string): { status: CaseStatus; overdue: boolean } {
  if (c.closedAt) return { status: c.outcome === 'lostToFollowUp' ? 'lost' : 'closed', overdue: false };
  if (c.doneAt) return { status: 'done', overdue: false };
  const status: CaseStatus = c.bookedAt ? 'booked' : c.contactedAt ? 'contacted' : 'open';
  return { status, overdue: today > c.dueOn };
}
