// Follow-up cases of abnormal results, as data: the profile section `followUp` (profiles/national.yaml).
// Which outcomes close a case of each category, the latest day of a next step where the grade's
// `dueDays` would be too late (prenatal diagnosis before its window closes, a baby's hearing
// diagnosis by 3 months of age), her reminders and their words, when an overdue case is escalated,
// and the aid (救助) scheme for women of a priority group. Cross-checks: src/profiles/crossCheckFollowUp.ts.
import { z } from 'zod';
import { CASE_OUTCOMES } from '../followUp/caseStatus.js';

const textSchema = z.string().trim().min(1, 'must not be empty');
const slugSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes');
/** A grade named as `category.grade`, e.g. `serum.high` (checked against the results section). */
const gradeRefSchema = z.string().regex(/^[a-zA-Z]+\.[a-zA-Z0-9]+$/, 'must name a grade like "serum.high"');
const outcomeSchema = z.enum(CASE_OUTCOMES);

/** The latest day of a next step, for the grades named, where it comes before `dueDays`. */
const limitSchema = z.union([
  // her pregnancy's window of this prenatal screening closes (its `window.closes`, e.g. prenatal-diagnosis: 22w6d)
  z.object({ grades: z.array(gradeRefSchema).min(1), beforeWindowCloses: slugSchema }).strict(),
  // the baby reaches this age (months and/or days after the birth she reported)
  z
    .object({
      grades: z.array(gradeRefSchema).min(1),
      babyAge: z
        .object({ months: z.number().int().min(1).max(24).optional(), days: z.number().int().min(1).max(730).optional() })
        .strict()
        .refine((a) => a.months !== undefined || a.days !== undefined, 'give months or days'),
    })
    .strict(),
]);
export type FollowUpLimitSettings = z.infer<typeof limitSchema>;

export const FOLLOW_UP_REMINDER_VARS = ['step', 'by', 'where', 'phone'] as const;

export const followUpSchema = z
  .object({
    limits: z.array(limitSchema).default([]),
    // the outcomes a case of each result category is closed with; `anyCategory` fit every category
    // (she refused, moved away, was lost to follow-up)
    outcomes: z.object({ anyCategory: z.array(outcomeSchema).default([]) }).catchall(z.array(outcomeSchema).min(1)),
    reminders: z
      .object({
        // days before the due day on which she is reminded, while nothing is booked or done (0: the due day)
        daysBefore: z.array(z.number().int().min(0).max(60)).min(1),
        texts: z.object({ before: textSchema, dueDay: textSchema }).strict(),
        // the next step's name as she reads it, keyed by the grade's `next` text
        steps: z.record(z.string(), textSchema),
      })
      .strict(),
    // an open case this many days past its due day is escalated to county staff (once)
    escalateAfterDays: z.number().int().min(0).max(365),
    aid: z
      .object({
        // the county's scheme, as staff read it
        scheme: textSchema,
        // her `group` fact (or the group staff mark on the case) that makes her eligible (values of
        // GROUP_VALUES, checked in crossCheckFollowUp: profileSchema imports this file)
        priorityGroups: z.array(z.string()).min(1),
        // outcomes found that qualify for a referral
        outcomes: z.array(outcomeSchema).min(1),
      })
      .strict()
      .optional(),
  })
  .strict();
export type FollowUpSettings = z.infer<typeof followUpSchema>;
