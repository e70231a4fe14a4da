// The format of a conversation case (tests/conversations/README.md), defined once.
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO instant such as 2026-03-02T09:00:00+08:00');
const words = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const womanName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a short lowercase name of one of `women`');

/** One message: its whole text (a string), or checks on it; `at`: when it was sent (Shanghai wall time to the minute). */
const messageExpectation = z.union([
  z.string().transform((equals) => ({ equals }) as MessageCheck),
  z
    .object({
      equals: z.string().optional(),
      contains: words.optional(),
      notContains: words.optional(),
      matches: words.optional(),
      notMatches: words.optional(),
      at: instant.optional(),
    })
    .strict(),
]);
interface MessageCheck {
  equals?: string;
  contains?: string[];
  notContains?: string[];
  matches?: string[];
  notMatches?: string[];
  at?: string;
}

const textExpectation = z
  .object({
    contains: words.optional(),
    notContains: words.optional(),
    equals: z.string().optional(),
    /** Regular expressions the text must match, and must not. */
    matches: words.optional(),
    notMatches: words.optional(),
    /** The messages one by one: exactly this many, in this order. */
    messages: z.array(messageExpectation).optional(),
  })
  .strict();

const givenSchema = z
  .object({
    consent: z.enum(['none', 'given', 'declined']).default('none'),
    healthConsent: z.boolean().default(false),
    facts: z.record(z.string(), z.unknown()).default({}),
    pregnancy: z.object({ dueDate: day }).strict().optional(),
    /** Programmes she was found eligible for today (an eligibility check each, as the engine stores it). */
    eligible: z.array(z.string()).default([]),
    /** A booking she holds: `held` is a seat the waiting list offers her (for two hours from `now`). */
    booking: z
      .object({
        service: words,
        hospital: z.string(),
        day,
        session: z.enum(['am', 'pm']).default('am'),
        status: z.enum(['confirmed', 'held']).default('confirmed'),
      })
      .strict()
      .optional(),
    /**
     * Results of hers already stored (as ResultService writes them, matched to her): `sent` and
     * `released` were told to her in the chat on `sentAt` (default: now), `held` waits for staff,
     * `toldInPerson` was told by staff. A baby's results (heelBlood, hearing) are the mother's too.
     */
    results: z
      .array(
        z
          .object({
            category: z.string(),
            grade: z.string(),
            hospital: z.string(),
            testDate: day,
            status: z.enum(['sent', 'released', 'held', 'toldInPerson']).default('sent'),
            sentAt: instant.optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const outboxRow = z
  .object({
    /** Its dedupe key with the row ids left out, e.g. preg:2026-03-02:nt.open, reminder:2026-03-03:am, waitlist-offer. */
    key: z.string(),
    status: z.enum(['queued', 'sending', 'sent', 'failed', 'cancelled']).optional(),
    /** lastError: why it was cancelled (replanned, unsubscribed, pregnancy lost…), null for none. */
    reason: z.string().nullable().optional(),
    /** notBefore: when it may go out. */
    due: instant.optional(),
    sentAt: instant.optional(),
    priority: z.number().int().optional(),
    account: z.string().optional(),
    /** Its whole text ({bookingCode}: hers). */
    text: z.string().optional(),
  })
  .strict();

export const goalSchema = z
  .object({
    consent: z.enum(['given', 'declined', 'none']).optional(),
    healthConsent: z.boolean().optional(),
    eligibility: z
      .object({
        programme: z.string(),
        eligible: z.boolean(),
        /** The reason code of a refusal (age_below, residence, exclusion:employerCheckup…), null for none. */
        reason: z.string().nullable().optional(),
        nextEligibleOn: day.nullable().optional(),
        /** How many checks of this programme are stored (she was asked once, or again). */
        checks: z.number().int().optional(),
      })
      .strict()
      .optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
    /** No facts are stored but those of `facts`. */
    noOtherFacts: z.boolean().optional(),
    /** Facts that must not be stored. */
    notStored: words.optional(),
    /** Exactly these of her stored facts are health data (kept as sensitive). */
    sensitive: z.array(z.string()).optional(),
    booking: z
      .object({
        service: words,
        day: day.optional(),
        session: z.enum(['am', 'pm']).optional(),
        hospital: z.string().optional(),
        status: z.enum(['confirmed', 'held']).optional(),
        heldUntil: instant.optional(),
      })
      .strict()
      .optional(),
    noBooking: z.boolean().optional(),
    /** She held a booking of this day and session and meant to move it: while it stands, the goal is not reached (it is not a wrong action). */
    changedFrom: z
      .object({ day, session: z.enum(['am', 'pm']).optional() })
      .strict()
      .optional(),
    /** A cancellation she asked for (without it, any cancelled booking is a wrong action). */
    bookingCancelled: z.boolean().optional(),
    /** She is on a waitlist for this service. */
    waitlist: z.object({ service: z.string() }).strict().optional(),
    /** Seats taken in a slot (by anyone): hospital (default any), service, day, session. */
    seats: z
      .array(z.object({ hospital: z.string().optional(), service: z.string(), day, session: z.enum(['am', 'pm']), booked: z.number().int() }).strict())
      .optional(),
    pregnancy: z
      .object({
        dueDate: day.optional(),
        status: z.enum(['active', 'lost', 'born']).optional(),
        datingFrom: z.enum(['weeks', 'dueDate', 'lastPeriod', 'corrected', 'birth']).optional(),
        cycleDays: z.number().int().nullable().optional(),
        twins: z.boolean().optional(),
        ageOnDueDate: z.number().int().nullable().optional(),
        registeredOn: day.optional(),
        birthDate: day.nullable().optional(),
        endedOn: day.nullable().optional(),
        /** Her consent as the baby's guardian is recorded. */
        guardianConsent: z.boolean().optional(),
        heelBloodDone: z.boolean().nullable().optional(),
        hearingFirst: z.string().nullable().optional(),
        /** What became of its screenings (missed / done), all of them. */
        screenings: z.array(z.object({ screening: z.string(), status: z.enum(['missed', 'done']), day: day.optional() }).strict()).optional(),
      })
      .strict()
      .optional(),
    /** How many pregnancies she registered (or told of), whatever became of them. */
    pregnancies: z.number().int().optional(),
    /** Her contact row. */
    contact: z
      .object({
        subscribed: z.boolean().optional(),
        noShows: z.number().int().optional(),
        account: z.string().optional(),
        region: z.string().nullable().optional(),
        consentAt: instant.nullable().optional(),
      })
      .strict()
      .optional(),
    /** Her proactive messages (outbox rows), all of them, by due time then key. */
    outbox: z.array(outboxRow).optional(),
    /** The bot waits at this flow.step; `none`: at no question. */
    waitingAt: z
      .string()
      .regex(/^([a-z0-9_]+\.[a-z0-9_]+|none)$/, 'flow.step or none')
      .optional(),
    /** The answers her conversation holds now (its variables), exactly. */
    answers: z.record(z.string(), z.unknown()).optional(),
    replied: words.optional(),
    nothingStored: z.boolean().optional(),
    /** She deleted her data: nothing refers to the contact she was (if she wrote again, she is a new contact). */
    deleted: z.boolean().optional(),
  })
  .strict();

/** Checks of the stored state after a turn: any goal keys, and only those named are checked. */
const stateSchema = goalSchema;

/** What she sends that is not text (`she: { voice: true }`, `she: { image: true }`), as the simulator's transcript shows it. */
export const MEDIA_TURNS = { '[语音]': 'voice', '[图片]': 'image' } as const;

/** She writes; the clock first moves to `at` (running the jobs and sends due meanwhile). */
const messageTurnSchema = z
  .object({
    she: z.union([
      z.union([z.string(), z.number()]).transform(String),
      z
        .object({ voice: z.literal(true) })
        .strict()
        .transform(() => '[语音]'),
      z
        .object({ image: z.literal(true) })
        .strict()
        .transform(() => '[图片]'),
    ]),
    /** Another woman of the case (`women`) writes instead of her. */
    woman: womanName.optional(),
    at: instant.optional(),
    replies: textExpectation.optional(),
    /** What the bot sent this woman on its own since her last turn (while the clock moved to `at`). */
    received: textExpectation.optional(),
    ifReprompted: z.union([z.string(), z.number()]).transform(String).optional(),
    state: stateSchema.optional(),
  })
  .strict();

/** Time passes without her writing: the jobs run and the messages due are sent. */
const waitTurnSchema = z
  .object({
    wait: instant,
    /** Whose `received` and `state` this turn checks (default: her). */
    woman: womanName.optional(),
    received: textExpectation.optional(),
    state: stateSchema.optional(),
  })
  .strict();

/**
 * Staff do something through the staff API (a closure, a capacity change, attendance): `staff` is
 * "METHOD /path"; `{bookingCode}` in the path or body is her (or `woman`'s) latest booking's code.
 */
const staffTurnSchema = z
  .object({
    staff: z.string().regex(/^(GET|POST|PUT|DELETE) \/api\/staff\/\S+$/, 'METHOD /api/staff/…'),
    woman: womanName.optional(),
    body: z.unknown().optional(),
    status: z.number().int().default(200),
    /** The answer's JSON contains this: objects as subsets, arrays element by element and of the same length. */
    response: z.unknown().optional(),
    /** What the bot sent her on its own as a result (a closure notice…), delivered at once. */
    received: textExpectation.optional(),
    state: stateSchema.optional(),
  })
  .strict();

const turnSchema = z.union([messageTurnSchema, waitTurnSchema, staffTurnSchema]);

export const caseSchema = z
  .object({
    description: z.string().min(1),
    county: z.string().default('xiangcheng'),
    now: instant.default('2026-03-02T09:00:00+08:00'),
    /** Settings of the app (environment variables such as BOT_ACCOUNT): the case gets an app and database of its own. */
    env: z.record(z.string(), z.string()).optional(),
    given: givenSchema.default({}),
    /** Other women in the same county, by name, each a new contact (`given` as hers). */
    women: z.record(womanName, givenSchema).optional(),
    turns: z.array(turnSchema).min(1),
    goal: goalSchema,
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const [i, t] of c.turns.entries()) {
      if (t.woman && !c.women?.[t.woman]) ctx.addIssue({ code: 'custom', path: ['turns', i, 'woman'], message: `no woman "${t.woman}" in women` });
    }
  });

export type ConversationCase = z.infer<typeof caseSchema>;
export type CaseGoal = z.infer<typeof goalSchema>;
export type CaseGiven = z.infer<typeof givenSchema>;
export type CaseTurn = ConversationCase['turns'][number];
export type TextExpectation = z.infer<typeof textExpectation>;
export type OutboxRowGoal = z.infer<typeof outboxRow>;
