// Who is logged in (with the CSRF token of the session), shared by every page.
import { reactive } from 'vue';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: 'city' | 'county' | 'township' | 'hospital';
  countyId: string | null;
  townshipId: string | null;
  hospitalId: string | null;
  mustChangePassword: boolean;
}

export const session = reactive<{ account?: Account; csrfToken?: string; checked: boolean }>({ checked: false });

/** Who uses the results pages (upload, release, match: the hospital and the county) and the follow-up worklist. */
/** Who answers women's requests for a person (hospital staff do not). */
export const HANDOFF_ROLES: Account['role'][] = ['city', 'county', 'township'];
/** Who follows pregnancies (the township's, the county's; hospitals do not register them). */
export const PREGNANCY_ROLES: Account['role'][] = ['city', 'county', 'township'];
export const RESULTS_ROLES: Account['role'][] = ['city', 'county', 'hospital'];
export const FOLLOW_UP_ROLES: Account['role'][] = ['city', 'county', 'township', 'hospital'];

export const isAdministrator = (a?: Account) => !!a && (a.role === 'city' || a.role === 'county');

/** Asks the server once who is logged in (a reload keeps the session). */
export async function loadSession(): Promise<void> {
  if (session.checked) return;
  const res = await fetch('/api/staff/session', { credentials: 'same-origin' });
  if (res.ok) Object.assign(session, (await res.json()) as { account: Account; csrfToken: string });
  session.checked = true;
}
