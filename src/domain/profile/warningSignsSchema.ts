// The warning signs (symptoms) the bot answers at once, at any step and before consent too: the
// profile section `warningSigns` (profiles/national.yaml; a province or county profile overrides it
// as any other section). Domain facts: /work/shared/domain.md §4a. The county's clinicians sign the
// list and the texts off (`status`, `reviewedBy`). How a message is read: src/domain/warningSigns.ts.
import { z } from 'zod';

/** Who the sign is about: a pregnant woman, a woman after a birth, her newborn, or any woman (两癌). */
export const WARNING_GROUPS = ['pregnant', 'postpartum', 'newborn', 'twoCancer'] as const;
export type WarningGroup = (typeof WARNING_GROUPS)[number];
/** What the answer texts may use: the designated hospital nearest her township (else the county MCH hospital). */
export const WARNING_TEXT_VARS = ['hospitalName', 'hospitalPhone'] as const;

const wordSchema = z.string().trim().min(1, 'must not be empty');
const wordsSchema = z.array(wordSchema);
const textSchema = z.string().trim().min(1, 'must not be empty');

/** One sign: named by one of `words`, or by one word of each list of `parts`, in order, close together. */
const signSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase id, e.g. "bleeding"'),
    // any of these names it (见红, 同房后出血)
    words: wordsSchema.default([]),
    // one word of each list, in this order, in one clause, each at most `maxGap` characters after the
    // one before: [[乳房, 咪咪], [硬块, 坨坨]] reads 右边咪咪摸到个坨坨
    parts: z.array(wordsSchema.min(1)).default([]),
    // any of these in the same clause: not this sign (腿抽筋 is not a fit)
    unless: wordsSchema.default([]),
    // its own answer instead of the group's
    text: textSchema.optional(),
  })
  .strict();
export type WarningSign = z.infer<typeof signSchema>;

const groupSchema = z
  .object({
    // words of her message that say she is in this group (怀孕, 孕8周, 坐月子, 新生儿)
    contextWords: wordsSchema.default([]),
    // the short calm answer: what to do, the hospital and its phone; never a diagnosis
    text: textSchema,
    signs: z.array(signSchema).min(1),
  })
  .strict();
export type WarningSignGroup = z.infer<typeof groupSchema>;

export const warningSignsSchema = z
  .object({
    // draft until the county's clinicians have signed the list and the texts off
    status: z.enum(['draft', 'reviewed']),
    reviewedBy: textSchema.optional(), // who signed it off (name, hospital, post)
    reviewedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-05')
      .optional(),
    // the days after a birth during which she is "after a birth" (产褥期)
    postpartumDays: z.number().int().min(1).max(365).default(42),
    // how far (characters) apart the parts of a sign may be
    maxGap: z.number().int().min(0).max(30).default(10),
    // a sign with one of these shortly before it, in its clause, is not present now: 没有出血, 怕以后会出血, 以前出过血
    notWords: wordsSchema.default([]),
    // how far (characters) before the sign a not-word counts
    notWithin: z.number().int().min(1).max(30).default(6),
    // pieces that are not not-words though they contain one (是不是出血了 asks about a present sign)
    notNot: wordsSchema.default([]),
    // words that say the message is about the baby (宝宝, 孩子): after a birth, the newborn's signs first
    babyWords: wordsSchema.default([]),
    groups: z.object({ pregnant: groupSchema, postpartum: groupSchema, newborn: groupSchema, twoCancer: groupSchema }).strict(),
  })
  .strict();
export type WarningSigns = z.infer<typeof warningSignsSchema>;
