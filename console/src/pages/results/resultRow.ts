// A result as the staff list gives it (GET /api/staff/results): ids and grades, no name, no code.
export interface ResultRow {
  id: string;
  hospitalId: string;
  hospitalResultId: string;
  category: string;
  grade: string;
  abnormal: boolean;
  testDate: string;
  contactId: string | null;
  matchState: string;
  unmatchedReason: string | null;
  status: string;
  receivedAt: string;
  heldAt: string | null;
  escalatedAt: string | null;
  deadline: string | null;
}
