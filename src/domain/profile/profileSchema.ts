// Programme profiles: one region's rules for each free screening programme, kept as YAML in
// profiles/*.yaml ("rules are data", design.md invariant 6). This zod schema is the single source
// of truth for the file format and for the TypeScript types. Start-up validation (loadProfiles)
// runs it on every profile after `extends` has been merged, then checks cross-references
// (crossCheck.ts): every rule's fact has a question, every text a rule needs exists, and every
// {placeholder} in a text is a value the eligibility outcome provides (OUTCOME_VARS below).
import { z } from 'zod';
import { auditSchema } from './auditSchema.js';
import { handoffSchema } from './handoffSchema.js';
import { inputSpecSchema } from '../parse/inputSpec.js';
import { warningSignsSchema } from './warningSignsSchema.js';
import { sideQuestionsSchema } from './sideQuestionsSchema.js';
import { resultsSchema } from './resultsSchema.js';
import { followUpSchema } from './followUpSchema.js';

/** Stable ASCII id: lower-case letters, digits and '-' (e.g. `henan`, `xiangcheng-dingji`). */
export const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an ASCII slug (a-z, 0-9 and "-", e.g. "xiangcheng-dingji")');
/** A fact key (camelCase), the name under which an answer is kept, e.g. `birthDate`. */
const factKeySchema = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase fact key, e.g. "birthDate"');
/** A text key (letters, digits, '_'), e.g. `age_below`. */
const textKeySchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'must be a text key like "age_below"');
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
const residenceValueSchema = z.enum(RESIDENCE_VALUES);
/** Values of the `group` fact: rural woman; urban 低保 (minimum-income) woman; other urban woman. */
export const GROUP_VALUES = ['rural', 'urbanLowIncome', 'urban'] as const;
const groupValueSchema = z.enum(GROUP_VALUES);

/**
 * One eligibility rule. Rules are evaluated in order; each needs one fact (`fact`, with the default
 * named below); the first rule whose fact is unknown is asked next, and the first rule that fails
 * decides, so no question is asked after the decisive answer.
 */
const ruleSchema = z.discriminatedUnion('type', [
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

/** How to ask for one fact. */
const questionSchema = z
  .object({
    // the question, short and plain (choice options are listed by the engine from `input.options`)
    text: textSchema,
    // a sample answer, shown with the re-prompt when she answers badly
    example: textSchema,
    // the typed input (src/domain/parse/inputSpec.ts); must fit the rule using the fact (see crossCheck.ts)
    input: inputSpecSchema,
    // health data (pregnancy, screening history, operations, illnesses): the engine asks for the
    // separate health consent (单独同意, PIPL) before the first sensitive question
    sensitive: z.boolean().default(false),
    // how long an answer is reused when she asks again: 'always' (a birth date), or a number of
    // days (0: asked again every time, e.g. whether she is pregnant now)
    remember: z.union([z.literal('always'), z.number().int().min(0)]).default(30),
    // a birth date: asked instead of `text` when what she gave (a year, a month, an age) leaves her
    // on either side of an age limit; {known} is what she gave (1991年, 1991年3月, 52岁)
    askMore: z.object({ year: textSchema, month: textSchema, age: textSchema }).strict().optional(),
    // a plain answer that would refuse her, asked back before she is refused ("您是说：{text}，对吗？"),
    // by the answer's value ("true"/"false" for yes/no, an option's value, or "no" for a plain no that
    // fits several options): a refusal rests on a short word she may have typed for the next question
    confirmFirst: z.record(z.string().min(1), textSchema).optional(),
  })
  .strict();

/** One screening or test the programme offers. */
const screeningSchema = z
  .object({
    id: slugSchema, // stable id, used by exclusion `removes` and by booking
    name: textSchema, // what she reads, e.g. 宫颈癌筛查
    preparation: textSchema.optional(), // how to prepare; joined into the eligible text as {preparation}
    // prenatal: the gestational-age window in which it is done (opens/closes inclusive)
    window: z.object({ opens: gestationalAgeSchema, closes: gestationalAgeSchema }).strict().optional(),
    // prenatal: free only if her age (full years) on the due date is at most this
    maxAgeOnDueDate: z.number().int().min(10).max(60).optional(),
    // prenatal: only for a single pregnancy (not twins)
    singleOnly: z.boolean().default(false),
    // prenatal: only when one of these holds (e.g. prenatal diagnosis: referred after a high-risk
    // screen, or age on the due date ≥35, ≥32 with twins; a fallback scan only if NT was missed)
    onlyIf: z
      .object({
        referred: z.boolean().optional(),
        minAgeOnDueDate: z.number().int().min(10).max(60).optional(),
        minAgeOnDueDateTwins: z.number().int().min(10).max(60).optional(),
        missed: slugSchema.optional(),
      })
      .strict()
      .optional(),
    // prenatal: the alerts for this screening instead of the profile's `reminders.prenatalAlerts`
    // ([] = no alerts, e.g. the dating visit she has usually had before she registers)
    alerts: z.array(z.lazy(() => prenatalAlertSchema)).optional(),
    note: textSchema.optional(), // a condition or remark for staff and texts
    // what she pays when the programme does not pay for it, e.g. 自费; absent = free under the
    // programme. Said wherever she reads the name outside the eligibility answer (booking menu,
    // booking texts, reminders), through the programme text `withCost` ({name} {cost})
    cost: textSchema.optional(),
    // a further test booked only on a result that calls for it (results.bookNext: 阴道镜, 钼靶): left
    // out of the eligibility answer, the re-screening reminders and the menu she is shown; her result
    // is checked instead of the programme's rules
    referral: z.boolean().default(false),
  })
  .strict();
export type Screening = z.infer<typeof screeningSchema>;

/** A clock time of day, 'HH:MM' (Asia/Shanghai). */
const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day like "10:00"');

/**
 * An alert about a prenatal screening window, relative to the day it opens or closes (days < 0:
 * before). Sent at `reminders.time`; its line is the text `text` of `reminders.texts`. `late`: the
 * line said instead when it goes out after its day (the process was down over its evening, or a
 * throttled account held it), worded for the day it is sent; absent, `text` is said with that day's
 * numbers (fit for a text that names no day, e.g. "最晚{to}").
 */
const prenatalAlertSchema = z
  .object({
    id: slugSchema,
    anchor: z.enum(['opens', 'closes']),
    days: z.number().int().min(-60).max(60),
    text: textKeySchema,
    late: textKeySchema.optional(),
  })
  .strict();

/** A newborn screen and its alerts, in days after the birth (the birth day is day 0). */
const newbornScreeningSchema = z
  .object({
    id: slugSchema,
    name: textSchema,
    window: z.object({ fromDay: z.number().int().min(0).max(365), toDay: z.number().int().min(0).max(365) }).strict(),
    // which answer of hers makes it unnecessary: heel blood already taken, or the first hearing screen passed
    skipWhen: z.enum(['heelBloodDone', 'hearingPassed']),
    // `late`: as for prenatal alerts, the text said when it goes out after its day
    alerts: z.array(z.object({ id: slugSchema, day: z.number().int().min(0).max(365), text: textKeySchema, late: textKeySchema.optional() }).strict()).min(1),
  })
  .strict();

/** Timed messages: prenatal window alerts, appointment, newborn and re-screening reminders. */
export const remindersSettingsSchema = z
  .object({
    // when prenatal, newborn and re-screening reminders go out (outside the quiet hours)
    time: clockTimeSchema.default('10:00'),
    // appointment reminders go out the day before the visit at this time (after the booking cut-off)
    appointmentTime: clockTimeSchema.default('18:00'),
    // the default alerts of every prenatal screening with a window
    prenatalAlerts: z.array(prenatalAlertSchema).default([]),
    // ask the length of her cycle when she gives her last period (a longer cycle moves the due date)
    askCycleLength: z.boolean().default(true),
    newborn: z.array(newbornScreeningSchema).default([]),
    // after the due date: on these days after it she is asked whether the baby was born (text
    // birth_check), and a pregnancy this many days past it with no birth reported is closed
    afterDueDate: z
      .object({
        askBirthOn: z.array(z.number().int().min(1).max(120)).default([7, 21]),
        closeAfterDays: z.number().int().min(14).max(180).default(42),
      })
      .strict()
      .default({}),
    // the programme whose `interval` and `age` rules set the re-screening reminders (rescreen, ageReached)
    rescreenProgramme: programmeIdSchema.default('twoCancer'),
    // everything the reminders say, keyed by text key (see REMINDER_VARS)
    texts: z.record(textKeySchema, textSchema).default({}),
  })
  .strict();

/**
 * One line of the booking menu (flows/booking.yaml asks "a service" and lists the lines whose
 * services a hospital of her county provides). Its label may use {opens} and {closes} (the weeks of
 * its screening's window, e.g. 11 and 13) and {cost} (its screening's `cost`); a line whose
 * screening has a window or a cost must say so (checked at start).
 */
const bookableItemSchema = z
  .object({
    services: z.array(slugSchema).min(1), // screening ids booked together as one visit (两癌: cervical + breast)
    label: textSchema, // what she reads, e.g. NT超声检查（怀孕{opens}到{closes}周）
    words: z.array(z.string().trim().min(1)).default([]), // words that choose it besides its number and label
  })
  .strict();
export type BookableItem = z.infer<typeof bookableItemSchema>;

/** One programme (两癌 or 两筛) in one region. */
const programmeSchema = z
  .object({
    name: textSchema, // e.g. 两癌免费筛查; available to every text as {programme}
    screenings: z.array(screeningSchema).min(1),
    // what she can book in the chat, in menu order ([] = nothing of this programme is booked here)
    bookable: z.array(bookableItemSchema).default([]),
    rules: z.array(ruleSchema).min(1),
    // how to ask each fact, keyed by fact key
    questions: z.record(factKeySchema, questionSchema),
    // everything she reads, keyed by text key: `eligible`, `alternatives` (always shown after a
    // "no": what she can do instead), one per rule type that can fail (age_below, age_above,
    // residence, group, pregnant, notPregnant, interval), each exclusion's `text`, `excluded_all`;
    // `withCost` ({name} {cost}) when a screening has a cost
    texts: z.record(textKeySchema, textSchema),
  })
  .strict();
export type ProgrammeProfile = z.infer<typeof programmeSchema>;

/** How booking works in the region. */
export const bookingSettingsSchema = z
  .object({
    // how many days ahead (counting tomorrow as 1) a day can be booked
    horizonDays: z.number().int().min(1).max(90).default(14),
    // after this hour (Asia/Shanghai) no booking or change for the next day; nothing for today (giving a
    // booking back stays possible until its session ends)
    cutoffHour: z.number().int().min(0).max(23).default(16),
    // a seat offered from the waitlist is held this long for her answer
    offerHoldMinutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(120),
    // each no-show adds this to her waitlist rank (lower goes first); 0 = no-shows change nothing
    noShowRankPenalty: z.number().int().min(0).max(1000).default(10),
    // population groups (values of the `group` fact) served from the priority share
    priorityGroups: z.array(groupValueSchema).default(['urbanLowIncome', 'rural']),
    // an eligibility answer older than this many days is asked again before she books
    eligibilityValidDays: z.number().int().min(0).max(365).default(30),
    // how many days with free seats are listed at once
    daysListed: z.number().int().min(1).max(31).default(7),
    // when each session starts and ends: a booking may be given back until its session ends; a seat
    // freed after the cut-off is offered to the waitlist only with a hold ending before it starts
    sessionHours: z
      .object({
        am: z.object({ starts: clockTimeSchema, ends: clockTimeSchema }).strict().default({ starts: '08:00', ends: '12:00' }),
        pm: z.object({ starts: clockTimeSchema, ends: clockTimeSchema }).strict().default({ starts: '14:00', ends: '17:00' }),
      })
      .strict()
      .default({}),
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
    reminders: remindersSettingsSchema.default({}),
    // the warning signs answered at once, at any step (warningSignsSchema.ts)
    warningSigns: warningSignsSchema.optional(),
    // the frequent questions answered at any step (收费吗, 要带什么, 要空腹吗…: sideQuestionsSchema.ts)
    sideQuestions: sideQuestionsSchema.default({}),
    // what each grade of each screening result means to her, and how it is released (resultsSchema.ts)
    results: resultsSchema.optional(),
    // follow-up cases of abnormal results: outcomes, due-day limits, reminders, escalation, aid (followUpSchema.ts)
    followUp: followUpSchema.optional(),
    // staff who answer her in the chat (人工): office hours, escalation, how long chat lines are kept (handoffSchema.ts)
    handoff: handoffSchema.optional(),
    // how long the audit of staff work is kept (auditSchema.ts)
    audit: auditSchema.default({ keepMonths: 36 }),
  })
  .strict();
export type Profile = z.infer<typeof profileSchema>;

/** Values every text may use. */
export const COMMON_VARS = ['programme'] as const;
/** Values question texts may use besides COMMON_VARS: the county's name (e.g. 您的户口在{countyName}吗). */
export const QUESTION_VARS = ['programme', 'countyName'] as const;
/** What a question's `askMore` texts may use besides QUESTION_VARS: what she gave before. */
export const ASK_MORE_VARS = [...QUESTION_VARS, 'known'] as const;
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
  // the same when her birth date is known only to the month, the year or as an age (no day, no exact age)
  age_below_about: ['min', 'max'],
  age_above_about: ['min', 'max'],
  residence: [],
  group: [],
  pregnant: [],
  notPregnant: [],
  interval: ['last', 'years', 'date'],
  excluded_all: [],
};
export const EXCLUSION_VARS = ['excluded'] as const;
/** The programme text that names a screening with a cost (bookable labels, booking texts, reminders). */
export const WITH_COST_VARS = ['name', 'cost'] as const;
/** What a bookable item's label may use. */
export const BOOKABLE_LABEL_VARS = ['opens', 'closes', 'cost'] as const;

/**
 * The fixed reminder texts and the variables each may use. Alert lines (named by each alert's
 * `text`) may use ALERT_LINE_VARS; newborn alert texts NEWBORN_VARS.
 */
export const REMINDER_VARS: Record<string, readonly string[]> = {
  prenatalHeader: ['ga', 'dueDate'],
  prenatalFooter: [],
  newbornFooter: [],
  rescreen: ['programme', 'years'],
  ageReached: ['programme', 'age'],
  // {remaining} of alert lines: the days left before a window closes, or that today is its last day
  remaining_days: ['days'],
  remaining_today: [],
};
/** The "was the baby born?" question after the due date (reminders.afterDueDate.askBirthOn). */
export const BIRTH_CHECK_VARS = ['dueDate', 'days'] as const;
export const ALERT_LINE_VARS = ['screening', 'from', 'to', 'opens', 'closes', 'days', 'remaining'] as const;
export const NEWBORN_VARS = ['screening', 'birthDate', 'from', 'to', 'days', 'age', 'remaining'] as const;

/** The text keys a failing rule of each type uses. */
export function textKeysForRule(rule: Rule): string[] {
  switch (rule.type) {
    case 'age':
      return ['age_below', 'age_above', 'age_below_about', 'age_above_about'];
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
