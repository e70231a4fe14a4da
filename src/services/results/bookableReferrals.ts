// The further tests she may book in the chat (a programme's `referral` screenings: 阴道镜, 钼靶, 产前诊断,
// 宝宝听力诊断): those her results told to her call for (results.bookNext), and a prenatal one her
// registered pregnancy qualifies for by the programme's own rule (`onlyIf`: prenatal diagnosis when
// staff marked the referral, or by her age on the due date), result or not.
import type { Screening } from '../../domain/profile/profileSchema.js';
import { screeningApplies } from '../../domain/reminders/prenatalAlerts.js';
import type { PregnancyView } from '../pregnancy/pregnancyTypes.js';

export interface BookableReferralsDeps {
  /** The services her results told to her call for. */
  byResults: (contactId: string) => Promise<string[]>;
  /** Her pregnancy registered now, if any. */
  activePregnancy: (contactId: string) => Promise<PregnancyView | undefined>;
  /** The prenatal programme's screenings (its referral screenings with a rule of their own are read). */
  prenatalScreenings: readonly Screening[];
}

export function bookableReferrals(d: BookableReferralsDeps): (contactId: string) => Promise<string[]> {
  const byRule = d.prenatalScreenings.filter((s) => s.referral && s.onlyIf);
  return async (contactId) => {
    const [results, pregnancy] = await Promise.all([d.byResults(contactId), byRule.length ? d.activePregnancy(contactId) : undefined]);
    const facts = pregnancy && { ageOnDueDate: pregnancy.ageOnDueDate, twins: pregnancy.twins, referred: pregnancy.referred, missed: new Set<string>() };
    const ruled = facts ? byRule.filter((s) => screeningApplies(s, facts)).map((s) => s.id) : [];
    return [...new Set([...results, ...ruled])];
  };
}
