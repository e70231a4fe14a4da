// The follow-up parts (issue 13 point 6), when the profile has both a results and a followUp section:
// the result effect that opens and moves cases, the staff service, and the daily reminders and
// escalation.
import type { Db } from '../db/client.js';
import { dueLimits } from '../domain/followUp/dueDay.js';
import type { Profile } from '../domain/profile/profileSchema.js';
import { FollowUpService } from '../services/followUp/FollowUpService.js';
import { FollowUpDaily } from '../services/followUp/followUpDaily.js';
import { OpenFollowUpCases } from '../services/followUp/openFollowUpCases.js';
import type { ResultHospitals } from '../services/results/ResultService.js';

export function followUpParts(db: Db, profile: Profile, hospitals: ResultHospitals) {
  if (!profile.results || !profile.followUp) return undefined;
  const windows = new Map(profile.programmes.prenatal.screenings.flatMap((s) => (s.window ? [[s.id, s.window] as const] : [])));
  return {
    cases: new OpenFollowUpCases(profile.results, dueLimits(profile.followUp, windows)),
    service: new FollowUpService(db, profile.followUp),
    daily: new FollowUpDaily(db, profile.followUp, hospitals),
  };
}
export type FollowUpParts = NonNullable<ReturnType<typeof followUpParts>>;
