// A case of the follow-up worklist (GET /api/staff/follow-ups): ids and codes, no name.
export interface CaseRow {
  id: string;
  resultId: string;
  hospitalId: string;
  regionId: string;
  category: string;
  grade: string;
  nextStep: string;
  openedOn: string;
  dueOn: string;
  status: string;
  overdue: boolean;
  owner: string | null;
  escalatedAt: string | null;
  outcome: string | null;
  outcomeStage: string | null;
  version: number;
}

/** What a case may be closed with (the profile's outcomes by category) and the next steps' names. */
export interface CloseChoices {
  outcomes: Record<string, string[]>;
  staged: string[];
  stages: string[];
  steps: Record<string, string>;
}
