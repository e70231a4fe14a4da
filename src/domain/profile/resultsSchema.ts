// What screening results mean to the woman, as data: the profile section `results` (profiles/
// national.yaml; a province or county overrides it as any other section). Per category and grade
// (domain.md §4): whether it is abnormal, whether it is sent at once or held for a staff member, the
// plain-Chinese meaning and next step, and by when the next step is due. How a result is graded:
// src/domain/results/classifyResult.ts; how its notice reads: src/domain/results/resultNotice.ts.
import { z } from 'zod';

/** The grades of each category of result (domain.md §4), as the classifier gives them. */
export const RESULT_GRADES = {
  hpv: ['negative', 'hpv16or18', 'otherHighRisk'],
  cytology: ['nilm', 'ascus', 'ascusHpvPositive', 'asch', 'lsil', 'hsil', 'glandular', 'cancer'],
  histology: ['normal', 'cin1', 'cin2plus', 'cancer'],
  breast: ['incomplete', 'normal', 'probablyBenign', 'suspicious', 'cancer'],
  serum: ['low', 'intermediate', 'high'],
  nt: ['normal', 'thick'],
  nipt: ['low', 'high'],
  heelBlood: ['normal', 'suspicious', 'confirmed'],
  hearing: ['pass', 'refer', 'referAtRescreen'],
} as const;
export type ResultCategory = keyof typeof RESULT_GRADES;
export const RESULT_CATEGORIES = Object.keys(RESULT_GRADES) as ResultCategory[];
export type ResultGrade<C extends ResultCategory = ResultCategory> = (typeof RESULT_GRADES)[C][number];

/** What the texts of a notice may use. */
export const RESULT_TEXT_VARS = ['test', 'date', 'hospital', 'by', 'where', 'phone'] as const;

const textKeySchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a text key like "result_hpv_negative"');
const textSchema = z.string().trim().min(1, 'must not be empty');

/** One grade: abnormal or not, sent at once or held, its two texts, and by when its next step is due. */
const gradeSchema = z
  .object({
    abnormal: z.boolean(),
    // auto: sent at once with its next step; hold: waits for a staff member who releases it or tells her in person
    release: z.enum(['auto', 'hold']),
    meaning: textKeySchema,
    next: textKeySchema,
    // days from the result's date by which the next step is due ({by}); absent: no date is named
    dueDays: z.number().int().min(1).max(730).optional(),
  })
  .strict();
export type ResultGradeSettings = z.infer<typeof gradeSchema>;

const categorySchema = z
  .object({
    // the test's name as she reads it ({test}), with any Latin letters explained
    test: textSchema,
    grades: z.record(z.string(), gradeSchema),
    // A result that carries her ID number but no visit code is hers only when the ID number, the service
    // and the day agree (never a guess): `services`: she had a booking at that hospital for one of these
    // screenings on the test's day; `afterBirthDays`: a baby's test, and she reported a birth at most
    // this many days before the test's day. Neither: an ID number alone never matches (the visit code does).
    matchById: z
      .object({
        services: z
          .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a screening id like "cervical"'))
          .min(1)
          .optional(),
        afterBirthDays: z.number().int().min(1).max(730).optional(),
      })
      .strict()
      .refine((m) => !!m.services !== (m.afterBirthDays !== undefined), 'give either services or afterBirthDays')
      .optional(),
  })
  .strict();
export type ResultMatchById = NonNullable<z.infer<typeof categorySchema>['matchById']>;

export const resultsSchema = z
  .object({
    // serum screen (domain.md §4): high risk when trisomy 21 is 1 in `t21High` or likelier, or
    // trisomy 18 1 in `t18High` or likelier; intermediate down to 1 in `t21Low`
    serumCutoffs: z
      .object({ t21High: z.number().int().positive(), t18High: z.number().int().positive(), t21Low: z.number().int().positive() })
      .strict()
      .default({ t21High: 270, t18High: 350, t21Low: 1000 }),
    // NT at or above this many millimetres is thick (some centres use 2.5 before 12 weeks)
    ntThickMm: z.number().positive().max(10).default(3.0),
    // a held result that nobody released or told in person by the end of the `workingDays`th working
    // day after the day it was held (profiles/calendar/workdays.yaml) is escalated to the county
    holdDeadline: z
      .object({ workingDays: z.number().int().min(1).max(30) })
      .strict()
      .optional(),
    categories: z.record(z.string(), categorySchema),
    texts: z.record(z.string(), textSchema),
    // next steps booked in the chat: `services` maps a grade's `next` text key to the service it books
    // (a `referral` screening of a programme, with its own bookable line); `offers` is the line added to
    // the notice for each service (回复“约阴道镜”…). Checked at start (src/profiles/crossCheckResults.ts)
    bookNext: z
      .object({
        services: z.record(textKeySchema, z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a screening id like "colposcopy"')),
        offers: z.record(z.string(), textSchema),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ResultsSettings = z.infer<typeof resultsSchema>;
