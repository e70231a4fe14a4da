// The format of a conversation case (tests/conversations/README.md), defined once.
import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO instant such as 2026-03-02T09:00:00+08:00');
const words = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

const textExpectation = z
  .object({
    contains: words.optional(),
    notContains: words.optional(),
    equals: z.string().optional(),
  })
  .strict();

/** She writes; the clock first moves to `at` (running the jobs and sends due meanwhile). */
const messageTurnSchema = z
  .object({
    she: z.union([z.string(), z.number()]).transform(String),
    at: instant.optional(),
    replies: textExpectation.optional(),
    /** What the bot sent her on its own while the clock moved to `at`. */
    received: textExpectation.optional(),
    ifReprompted: z.union([z.string(), z.number()]).transform(String).optional(),
  })
  .strict();

/** Time passes without her writing: the jobs run and the messages due are sent to her. */
const waitTurnSchema = z
  .object({
    wait: instant,
    received: textExpectation.optional(),
  })
  .strict();

/**
 * Staff do something through the staff API (a closure, a capacity change, attendance): `staff` is
 * "METHOD /path"; `{bookingCode}` in the path or body is her latest booking's code.
 */
const staffTurnSchema = z
  .object({
    staff: z.string().regex(/^(GET|POST|PUT|DELETE) \/api\/staff\/\S+$/, 'METHOD /api/staff/…'),
    body: z.unknown().optional(),
    status: z.number().int().default(200),
    /** What the bot sent her on its own as a result (a closure notice…), delivered at once. */
    received: textExpectation.optional(),
  })
  .strict();

const turnSchema = z.union([messageTurnSchema, waitTurnSchema, staffTurnSchema]);

export const goalSchema = z
  .object({
    consent: z.enum(['given', 'declined', 'none']).optional(),
    healthConsent: z.boolean().optional(),
    eligibility: z.object({ programme: z.string(), eligible: z.boolean() }).strict().optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
    booking: z
      .object({
        service: words,
        day: day.optional(),
        session: z.enum(['am', 'pm']).optional(),
        hospital: z.string().optional(),
        status: z.enum(['confirmed', 'held']).optional(),
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
    pregnancy: z
      .object({ dueDate: day.optional(), status: z.enum(['active', 'lost', 'born']).optional() })
      .strict()
      .optional(),
    waitingAt: z
      .string()
      .regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'flow.step')
      .optional(),
    replied: words.optional(),
    nothingStored: z.boolean().optional(),
  })
  .strict();

export const caseSchema = z
  .object({
    description: z.string().min(1),
    county: z.string().default('xiangcheng'),
    now: instant.default('2026-03-02T09:00:00+08:00'),
    given: z
      .object({
        consent: z.enum(['none', 'given', 'declined']).default('none'),
        healthConsent: z.boolean().default(false),
        facts: z.record(z.string(), z.unknown()).default({}),
        pregnancy: z.object({ dueDate: day }).strict().optional(),
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
      })
      .strict()
      .default({}),
    turns: z.array(turnSchema).min(1),
    goal: goalSchema,
  })
  .strict();

export type ConversationCase = z.infer<typeof caseSchema>;
export type CaseGoal = z.infer<typeof goalSchema>;
export type CaseTurn = ConversationCase['turns'][number];
export type TextExpectation = z.infer<typeof textExpectation>;
