// A hand-off request and her chat lines, as the staff API answers them.
export interface Handoff {
  id: string;
  contactId: string;
  countyId: string;
  regionId: string;
  regionName: string | null;
  reason: string;
  status: 'open' | 'claimed' | 'closed';
  claimedBy: string | null;
  claimedByName: string | null;
  claimedAt: string | null;
  escalatedAt: string | null;
  closedBy: string | null;
  closedByName: string | null;
  closedAt: string | null;
  createdAt: string;
  version: number;
}

export interface ChatLine {
  id: string;
  from: 'woman' | 'bot' | 'staff';
  text: string;
  accountId: string | null;
  accountName: string | null;
  at: string;
}
