// A normal 两癌 result told to her sets her next re-screening reminder (issue 13 point 5): the
// screening is recorded the way the re-screening planner reads it (planRescreen.ts
// planEligibleAgain), as an answer that she may join the programme again from the test date plus the
// programme's interval: an eligibility check (not eligible now, reason `interval`, nextEligibleOn).
// Its id names the result (`rescreen-<result id>`), so a repeat writes the same row, and a result
// that is no longer a normal one told to her (corrected to abnormal, moved to another woman and held
// again) takes back exactly the row it wrote, never an answer of hers. An abnormal result sets
// nothing: its follow-up decides what comes next. A result told in person sets nothing either (not
// told in the chat: staff tell her when to come back).
import { addYears } from '../../domain/calendarDay.js';
import type { ResultEffect } from './ResultService.js';

/** The screening tests of 两癌 whose normal result starts the interval (not histology: that is follow-up). */
export const RESCREEN_CATEGORIES: readonly string[] = ['hpv', 'cytology', 'breast'];

/** The eligibility check a result wrote (one per result). */
export const RESCREEN_CHECK_PREFIX = 'rescreen-';
export const rescreenCheckId = (resultId: string) => `${RESCREEN_CHECK_PREFIX}${resultId}`;

export function rescreenAfterResult(o: {
  /** The programme whose re-screening is reminded (profile reminders.rescreenProgramme). */
  programme: string;
  /** Its interval rule's years; none: no re-screening reminder is planned. */
  years: number | undefined;
}): ResultEffect {
  return {
    async afterChange(tx, row, { now }) {
      if (!RESCREEN_CATEGORIES.includes(row.category)) return;
      const id = rescreenCheckId(row.id);
      const told = ['sent', 'released'].includes(row.status) && !row.abnormal && row.contactId !== null && o.years !== undefined;
      const contact = told ? await tx.contact.findUnique({ where: { id: row.contactId! }, select: { consent: true } }) : null;
      if (!told || contact?.consent !== 'given') {
        await tx.eligibilityCheck.deleteMany({ where: { id } });
        return;
      }
      const nextEligibleOn = addYears(row.testDate, o.years!);
      // (a repeat, or a correction that keeps it normal: the same row, from the corrected test date)
      await tx.eligibilityCheck.upsert({
        where: { id },
        create: { id, contactId: row.contactId!, programme: o.programme, eligible: false, reasonCode: 'interval', nextEligibleOn, checkedAt: now },
        update: { contactId: row.contactId!, nextEligibleOn },
      });
    },
  };
}
