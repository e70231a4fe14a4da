// The frequent questions a woman asks at any step (收费吗, 几点开门, 在哪, 要带什么, 要空腹吗, 是机器人吗,
// 结果多久出): the profile's `sideQuestions`, answered from this data wherever she asks them, then the
// question she was on asked again (src/flows/sideQuestions.ts). Checked at start (crossCheckSideQuestions.ts).
import { z } from 'zod';

const textSchema = z.string().trim().min(1, 'must not be empty');
const wordSchema = z.string().trim().min(1);

/** What every answer may use: the county's names and phone, and the hospital it is about. */
export const SIDE_QUESTION_VARS = ['countyName', 'operator', 'servicePhone', 'hospital', 'address', 'hours', 'phone', 'directions'] as const;
/** The placeholders that make a text one line per hospital (her booking's, or those providing the service). */
export const HOSPITAL_VARS = ['hospital', 'address', 'hours', 'phone', 'directions'] as const;
/** What the answer for a screening with a `cost` may use. */
export const PAID_VARS = ['countyName', 'operator', 'servicePhone', 'name', 'cost'] as const;

const sideQuestionSchema = z
  .object({
    // a medical answer (疼不疼, 查什么) not yet signed off by the county's clinicians is a draft, as the warning signs are
    status: z.enum(['draft', 'reviewed']).optional(),
    // words that ask it, anywhere in her message (found the way a step's sideAnswers are)
    words: z.array(wordSchema).min(1),
    // any of these in her message: not this question (在哪里预约 asks to book, not where the hospital is)
    unless: z.array(wordSchema).default([]),
    // the answer without a service she names or holds a booking for: the programmes'
    text: textSchema,
    // the answer where it differs, by screening id (nt) or programme id (twoCancer, for its screenings)
    services: z.record(z.string(), textSchema).default({}),
    // a screening with a `cost` (自费): this instead ({name} {cost}); the general answer lists them too
    paid: textSchema.optional(),
    // her booking's line is said first and the answer is for its services and hospital (要带啥, 几点开门)
    aboutBooking: z.boolean().default(false),
    // for a hospital whose opening hours the county file does not give, instead of a text using {hours}
    noHours: textSchema.optional(),
  })
  .strict();
export type SideQuestion = z.infer<typeof sideQuestionSchema>;

/** Keyed by an id (cost, hours, place, bring, fasting, results, robot): a regional profile overrides key by key. */
export const sideQuestionsSchema = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be an id like "fasting"'), sideQuestionSchema);
export type SideQuestions = z.infer<typeof sideQuestionsSchema>;
