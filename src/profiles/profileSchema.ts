// Programme profiles: one region's rules for each free screening programme, kept as YAML in
// profiles/*.yaml ("rules are data", design.md invariant 6). This zod schema is the single source
// of truth for the file format and for the TypeScript types. Start-up validation (loadProfiles)
// runs it on every profile after `extends` has been merged, then checks cross-references
// (crossCheck.ts): every rule's fact has a question, every text a rule needs exists, and every
// {placeholder} in a text is a value the eligibility outcome provides (OUTCOME_VARS below).
import { z } from 'zod';
import { inputSpecSchema } from '../flows/inputSpec.js';

/** Stable ASCII id: lower-case letters, digits and '-' (e.g. `henan`, `xiangcheng-dingji`). */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an ASCII slug (a-z, 0-9 and "-", e.g. "xiangcheng-dingji")');
/** A fact key (camelCase), the name under which an answer is kept, e.g. `birthDate`. */
export const factKeySchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase fact key, e.g. "birthDate"');
/** A text key (letters, digits, '_'), e.g. `age_below`. */
export const textKeySchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a text key like "age_below"');
const textSchema = z.string().trim().min(1, 'must not be empty');
/** Gestational age as weeks+days, e.g. `11w0d`. */
const gestationalAgeSchema = z.string().regex(/^\d{1,2}w[0-6]d$/, 'must be weeks+days like "11w0d"');

/** The programmes a profile describes (keys of `programmes`). */
export const PROGRAMME_IDS = ['twoCancer', 'prenatal'] as const;
export const programmeIdSchema = z.enum(PROGRAMME_IDS);
export type ProgrammeId = z.infer<typeof programmeIdSchema>;

/**
 * Values of the `residence` fact (a choice question), best first; she picks the first that fits:
 * hukou = her own 户籍 is local; spouseHukou = not hers, her husband's is; residencePermit = a local
 * 居住证/暂住证; livedSixMonths = lived here 6 months or more (常住); none = none of these.
 */
export const RESIDENCE_VALUES = ['hukou', 'spouseHukou', 'residencePermit', 'livedSixMonths', 'none'] as const;
export const residenceValueSchema = z.enum(RESIDENCE_VALUES);
/** Values of the `group` fact: rural woman; urban 低保 (minimum-income) woman; other urban woman. */
export const GROUP_VALUES = ['rural', 'urbanLowIncome', 'urban'] as const;
export const groupValueSchema = z.enum(GROUP_VALUES);

/**
 * One eligibility rule. Rules are evaluated in order; each needs one fact (`fact`, with the default
 * named below); the first rule whose fact is unknown is asked next, and the first rule that fails
 * decides, so no question is asked after the decisive answer.
 */
export const ruleSchema = z.discriminatedUnion('type', [
  // Age in full years (周岁) on the day asked: min ≤ age ≤ max. Fact `birthDate` ('YYYY-MM-DD').
  // Fails with text `age_below` (vars min, max, age, date = the day she turns min) or `age_above`.
  z
    .object({
      type: z.literal('age'),
      fact: factKeySchema.default('birthDate'),
      min: z.number().int().min(0).max(120),
      max: z.number().int().min(0).max(120),
    })
    .strict(),
  // 户籍/residence: the `residence` fact must be one of `accept`. Fails with text `residence`.
  z
    .object({
      type: z.literal('residence'),
      fact: factKeySchema.default('residence'),
      accept: z.array(residenceValueSchema).min(1),
    })
    .strict(),
  // Population group: the `group` fact must be one of `accept`. Fails with text `group`.
  z
    .object({
      type: z.literal('group'),
      fact: factKeySchema.default('group'),
      accept: z.array(groupValueSchema).min(1),
    })
    .strict(),
  // She must not be pregnant now (yes/no fact `pregnant`). Fails (reason `pregnant`) with text `pregnant`.
  z.object({ type: z.literal('notPregnant'), fact: factKeySchema.default('pregnant') }).strict(),
  // She must be pregnant now (yes/no fact `pregnant`). Fails (reason `notPregnant`) with text `notPregnant`.
  z.object({ type: z.literal('pregnant'), fact: factKeySchema.default('pregnant') }).strict(),
  // An exclusion asked as a yes/no question: she is excluded when the fact equals `when`.
  // `removes` lists the screening ids it takes away (omitted = the whole programme). If screenings
  // remain, the text `text` is added as a note to the eligible answer; if none remain she is not
  // eligible (reason `exclusion:<fact>`, text `text`, or `excluded_all` when earlier exclusions
  // took the rest). An exclusion whose screenings are all already removed is skipped (not asked).
  z
    .object({
      type: z.literal('exclusion'),
      fact: factKeySchema,
      when: z.boolean().default(true),
      removes: z.array(slugSchema).min(1).optional(),
      text: textKeySchema,
    })
    .strict(),
  // Screening interval: not eligible again until `years` after the last screening. Fact
  // `lastScreening`: { date: 'YYYY-MM-DD', precision: 'day'|'month'|'year' } or null (never).
  // Fails with text `interval` (vars last, years, date = next eligible day).
  z
    .object({
      type: z.literal('interval'),
      fact: factKeySchema.default('lastScreening'),
      years: z.number().int().min(1).max(20),
    })
    .strict(),
]);
export type Rule = z.infer<typeof ruleSchema>;
export type RuleType = Rule['type'];

/** How to ask for one fact. */
export const questionSchema = z
  .object({
    // the question, short and plain (choice options are listed by the engine from `input.options`)
    text: textSchema,
    // a sample answer, shown with the re-prompt when she answers badly
    example: textSchema,
    // the typed input (src/flows/inputSpec.ts); must fit the rule using the fact (see crossCheck.ts)
    input: inputSpecSchema,
    // health data (pregnancy, screening history, operations, illnesses): the engine asks for the
    // separate health consent (单独同意, PIPL) before the first sensitive question
    sensitive: z.boolean().default(false),
    // how long an answer is reused when she asks again: 'always' (a birth date), or a number of
    // days (0: asked again every time, e.g. whether she is pregnant now)
    remember: z.union([z.literal('always'), z.number().int().min(0)]).default(30),
  })
  .strict();
export type Question = z.infer<typeof questionSchema>;

/** One screening or test the programme offers. */
export const screeningSchema = z
  .object({
    id: slugSchema, // stable id, used by exclusion `removes` and by booking
    name: textSchema, // what she reads, e.g. 宫颈癌筛查
    preparation: textSchema.optional(), // how to prepare; joined into the eligible text as {preparation}
    // prenatal: the gestational-age window in which it is done (opens/closes inclusive)
    window: z.object({ opens: gestationalAgeSchema, closes: gestationalAgeSchema }).strict().optional(),
    // prenatal: free only if her age (full years) on the due date is at most this
    maxAgeOnDueDate: z.number().int().min(10).max(60).optional(),
    note: textSchema.optional(), // a condition or remark for staff and texts
  })
  .strict();
export type Screening = z.infer<typeof screeningSchema>;

/** One programme (两癌 or 两筛) in one region. */
export const programmeSchema = z
  .object({
    name: textSchema, // e.g. 两癌免费筛查; available to every text as {programme}
    screenings: z.array(screeningSchema).min(1),
    // values of the `group` fact that come first on waiting lists (a priority, not a condition)
    priorityGroups: z.array(groupValueSchema).default([]),
    rules: z.array(ruleSchema).min(1),
    // how to ask each fact, keyed by fact key
    questions: z.record(factKeySchema, questionSchema),
    // everything she reads, keyed by text key: `eligible`, `alternatives` (always shown after a
    // "no": what she can do instead), one per rule type that can fail (age_below, age_above,
    // residence, group, pregnant, notPregnant, interval), each exclusion's `text`, `excluded_all`
    texts: z.record(textKeySchema, textSchema),
  })
  .strict();
export type ProgrammeProfile = z.infer<typeof programmeSchema>;

/** How booking works in the region. */
export const bookingSettingsSchema = z
  .object({
    // how many days ahead (counting tomorrow as 1) a day can be booked
    horizonDays: z.number().int().min(1).max(90).default(14),
    // after this hour (Asia/Shanghai) no booking, change or cancel for the next day; nothing for today
    cutoffHour: z.number().int().min(0).max(23).default(16),
    // a seat offered from the waitlist is held this long for her answer
    offerHoldMinutes: z.number().int().min(5).max(24 * 60).default(120),
    // each no-show adds this to her waitlist rank (lower goes first); 0 = no-shows change nothing
    noShowRankPenalty: z.number().int().min(0).max(1000).default(10),
    // population groups (values of the `group` fact) served from the priority share
    priorityGroups: z.array(groupValueSchema).default(['urbanLowIncome', 'rural']),
  })
  .strict();
export type BookingSettings = z.infer<typeof bookingSettingsSchema>;

/** When proactive messages may go out. */
export const messagingSettingsSchema = z
  .object({
    // no proactive sends from quietStart:00 to quietEnd:00 Asia/Shanghai; due messages wait
    quietStartHour: z.number().int().min(0).max(23).default(21),
    quietEndHour: z.number().int().min(0).max(23).default(8),
  })
  .strict();
export type MessagingSettings = z.infer<typeof messagingSettingsSchema>;

/** A whole profile file, after `extends` is merged. */
export const profileSchema = z
  .object({
    id: slugSchema, // must equal the file name without .yaml
    name: textSchema, // e.g. 河南省
    // id of a profile this one extends: objects are merged key by key, arrays and scalars replaced,
    // and `key: null` removes an inherited key
    extends: slugSchema.optional(),
    source: textSchema.optional(), // where the rules come from (notice, year)
    programmes: z.object({ twoCancer: programmeSchema, prenatal: programmeSchema }).strict(),
    booking: bookingSettingsSchema.default({}),
    messaging: messagingSettingsSchema.default({}),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;

/** Values every text may use. */
export const COMMON_VARS = ['programme'] as const;
/** Values question texts may use besides COMMON_VARS: the county's name (e.g. 您的户口在{countyName}吗). */
export const QUESTION_VARS = ['programme', 'countyName'] as const;
/**
 * Which variables the eligibility outcome provides for each text (besides COMMON_VARS). Exclusion
 * texts (named by the rule) get `excluded` (the screenings it removes). Question texts and
 * examples get COMMON_VARS only.
 */
export const OUTCOME_VARS: Record<string, readonly string[]> = {
  eligible: ['screenings', 'preparation'],
  alternatives: [],
  age_below: ['min', 'max', 'age', 'date'],
  age_above: ['min', 'max', 'age'],
  residence: [],
  group: [],
  pregnant: [],
  notPregnant: [],
  interval: ['last', 'years', 'date'],
  excluded_all: [],
};
export const EXCLUSION_VARS = ['excluded'] as const;

/** The text keys a failing rule of each type uses. */
export function textKeysForRule(rule: Rule): string[] {
  switch (rule.type) {
    case 'age':
      return ['age_below', 'age_above'];
    case 'notPregnant':
      return ['pregnant'];
    case 'pregnant':
      return ['notPregnant'];
    case 'exclusion':
      return [rule.text];
    default:
      return [rule.type];
  }
}
