// The flow file format, defined once. A flow is a YAML file in flows/: a list of steps the bot
// walks through with a woman. flows/README.md describes it for programme officers.
import { z } from 'zod';
import { inputSpecSchema } from '../domain/parse/inputSpec.js';

/**
 * Where to go next: a step id of the same flow, `flow:<id>` to go on in another flow (as a jump: it
 * returns where this one would have), `end` (at rest, whatever called it), or `return` (back to the
 * flow that called this one: a `call` step, a question that needed the health consent; at rest if none).
 */
const targetSchema = z.string().regex(/^(end|return|flow:[a-z0-9_]+|[a-z0-9_]+)$/, 'a step id, flow:<id>, end or return');

/** Why an answer could not be read (src/domain/parse/parseResult.ts); each has a re-prompt in messages.yaml. */
const parseErrorSchema = z.enum([
  'empty',
  'unrecognised',
  'out_of_range',
  'in_future',
  'too_old',
  'checksum',
  'bad_length',
  'bad_birth_date',
  'ambiguous',
  'incomplete',
  'months',
  'part_of_month',
  'too_young',
]);

const stepBase = {
  id: z.string().regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and _ only'),
};

const sayStepSchema = z.object({
  ...stepBase,
  kind: z.literal('say'),
  text: z.string().min(1),
  next: targetSchema.default('end'),
});

const askStepSchema = z.object({
  ...stepBase,
  kind: z.literal('ask'),
  text: z.string().min(1),
  input: inputSpecSchema,
  /** Shown after "例如：" when her answer cannot be read. */
  example: z.string().min(1),
  /** The variable the answer is kept in (for this conversation). */
  save: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)
    .optional(),
  /** Also keep the answer as a fact about her (remembered, shown in 我的信息). */
  fact: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]*$/)
    .optional(),
  /** Health data: the separate health consent is asked first (and the fact is marked sensitive). */
  sensitive: z.boolean().default(false),
  /** Skip the question when `save` already holds a value (e.g. set by the words that started the flow). */
  skipIfSet: z.boolean().default(false),
  /**
   * Her words already written are tried as the answer first: the message that started the flow (a
   * trigger with `answers`: "宝宝昨天生的" answers "宝宝是哪天出生的？"), then what an earlier answer
   * said besides (孕11周 一个宝宝: the twins). Only a reading of her words that is not a guess; if
   * none reads, she is asked.
   */
  fromTrigger: z.boolean().default(false),
  /**
   * A question of where she lives, answered by the township she named as her home or her 户口 (户口在南顿镇,
   * 俺是秣陵的, a village of it) in her words that started the flow, an earlier answer or an answer of the
   * eligibility questions (src/flows/heardHome.ts): taken, and this line said ({answer}: the township).
   */
  fromHome: z.string().min(1).optional(),
  /** An answer that cannot be read but names another topic (a flow's trigger words) starts that flow. */
  letTriggersThrough: z.boolean().default(false),
  /**
   * Questions she may write instead of an answer (要钱吗, 你是谁): when any of `words` is in her
   * message, `text` answers it and the question is asked again. Not counted as a failed answer.
   */
  sideAnswers: z.array(z.object({ words: z.array(z.string().min(1)).min(1), text: z.string().min(1) })).default([]),
  /** A short form of the question, asked again after a side answer (default: the question itself). */
  askAgain: z.string().min(1).optional(),
  /**
   * The privacy notice: what a request written while it waits (在哪里预约, 想约唐筛) gets, before
   * `askAgain`: the request is kept for after she agrees, and this is not counted as a failed answer.
   */
  requestKept: z.string().min(1).optional(),
  /** This question's own re-prompts, by why the answer could not be read (instead of messages.yaml's `reprompt`). */
  reprompt: z.record(parseErrorSchema, z.string().min(1)).optional(),
  /** dynamicChoice: where to go when there is nothing to choose from. */
  onEmpty: targetSchema.optional(),
  /** dynamicChoice: with a single option, take it without asking. */
  autoPickSingle: z.boolean().default(false),
  /**
   * An answer read only from part of her words (a guess) that would cancel, end or refuse something
   * is confirmed first ("您是说：…，对吗？"): `true` for any answer, or the values that do (choice
   * values, "true"/"false" for yes/no). A refusal is never the result of a guess.
   */
  confirmIfGuessed: z.union([z.boolean(), z.array(z.string()).min(1)]).default(false),
  /**
   * yes/no: a no in her own words about what the question asks her to allow (不用记俺的, 别登记, 我就问问
   * 先不用了; src/domain/parse/ownWordsNo.ts), read when her answer is no sure yes or no: a guess, always
   * confirmed first, naming it `label` ("您是说：不同意，对吗？").
   */
  ownNo: z.object({ verbs: z.array(z.string().min(1)).default([]), onlyAsking: z.array(z.string().min(1)).default([]), label: z.string().min(1) }).optional(),
  /**
   * choice: her birth date or age instead of an option (我是七八年的, 75年6月哩, 今年48了) chooses this
   * option (the menu's two-cancer check, whose interview asks it first); her words are kept for it.
   */
  birthDateChooses: z.string().min(1).optional(),
  /** Branch on the answer's value (choice values, "true"/"false" for yes/no); otherwise `next`. */
  on: z.record(z.string(), targetSchema).optional(),
  next: targetSchema.optional(),
});

const actionStepSchema = z.object({
  ...stepBase,
  kind: z.literal('action'),
  /** A named service action (see src/flows/actions.ts); it returns an outcome. */
  action: z.string().min(1),
  /** Branch on the outcome; `next` for any outcome not listed. */
  on: z.record(z.string(), targetSchema).default({}),
  next: targetSchema.optional(),
});

const eligibilityStepSchema = z.object({
  ...stepBase,
  kind: z.literal('eligibility'),
  /** A programme id of the county's profile, or `{var}` to read it from a variable. */
  programme: z.string().min(1),
  next: targetSchema.default('end'),
});

const callStepSchema = z.object({
  ...stepBase,
  kind: z.literal('call'),
  /** The flow to run now; when it comes to `return`, this flow goes on at `next` (with its variables). */
  flow: z.string().regex(/^[a-z0-9_]+$/, 'a flow id'),
  next: targetSchema.default('end'),
});

const stepSchema = z.discriminatedUnion('kind', [sayStepSchema, askStepSchema, actionStepSchema, eligibilityStepSchema, callStepSchema]);

const triggerSchema = z
  .object({
    /**
     * Any of these words in her message starts the flow (when she is not in the middle of a question).
     * A measure word or particle may sit inside a word (排号: 排个号; 取消预约: 取消了预约; see looseWords.ts).
     */
    words: z.array(z.string().min(1)).default([]),
    /**
     * Instead of (or besides) words: classes of words, a word of each anywhere in her message (约 … NT:
     * 约个NT, 排畸 约一个). With `near`, in the classes' order, each at most `near` characters after
     * the one before (别 … 发 in 别老给我发消息).
     */
    all: z.array(z.array(z.string().min(1)).min(1)).default([]),
    near: z.number().int().min(0).max(20).optional(),
    /**
     * Places in her message that do not count for this trigger's words (not the whole message, as
     * `unless`): the 约 of 约好了 is news, the 约 of 不约 a no, while 约 elsewhere still asks
     * (NT约好了 无创也想约). Her words for the flow's questions (`answers`) leave out the clauses that
     * hold only such places (无创也想约, not the NT already booked).
     */
    except: z.array(z.string().min(1)).default([]),
    /**
     * Instead of words: a message that is nothing but a yes (要, 好的, 行, 可以, 嗯) starts the flow, when
     * no trigger word matched; `yesWords` are more words for that yes (约 for an offer).
     */
    answer: z.literal('yes').optional(),
    yesWords: z.array(z.string().min(1)).default([]),
    /**
     * Words that stop this trigger when any of them is also in her message: worry is not news
     * (怕流产 is not 流产了), a question about something else is not this flow (我怀孕了能做两癌吗).
     */
    unless: z.array(z.string().min(1)).default([]),
    /**
     * Words inside which an `unless` word does not count: the 产生 of 剖腹产生了 is part of 剖腹产 (a
     * birth), not 产生 (something came about).
     */
    unlessNotIn: z.array(z.string().min(1)).default([]),
    /**
     * When given, the trigger counts only if one of these words is also in her message: a loss word
     * with a question word (胎停了，是什么原因) is news to confirm, not news to act on at once.
     */
    also: z.array(z.string().min(1)).default([]),
    /** Variables set when this trigger starts the flow. */
    vars: z.record(z.string(), z.string()).default({}),
    /** Her message also answers the flow's first question that has `fromTrigger` (宝宝昨天生的: the day). */
    answers: z.boolean().default(false),
    /** When words of several flows appear, the higher priority wins (e.g. 预约 over 两癌). */
    priority: z.number().int().min(0).max(9).default(0),
    /**
     * News that ends her pregnancy (a loss, a birth) told of another woman, or not clearly of her
     * (src/domain/parse/ofAnotherWoman.ts: 我妹妹孩子没保住, 她生了): this flow runs instead, with her
     * words and the variables `news` (this flow's id) and `whose` (`another` or `unclear`).
     */
    ofAnother: z
      .string()
      .regex(/^[a-z0-9_]+$/, 'a flow id')
      .optional(),
  })
  .refine((t) => t.words.length + t.all.length > 0 !== (t.answer !== undefined), 'give words, or answer: yes (not both); all counts as words')
  .refine((t) => t.near === undefined || t.all.length > 1, { message: 'near goes with two classes or more in all', path: ['near'] })
  .refine((t) => t.yesWords.length === 0 || t.answer !== undefined, { message: 'yesWords go with answer: yes', path: ['yesWords'] });

export const flowSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  description: z.string().min(1),
  /** May run before she has consented (it stores nothing about her). Other flows lead to the privacy notice first. */
  beforeConsent: z.boolean().default(false),
  /**
   * Run before she ever saw the privacy notice (her first message was 我的信息 or 人工), the flow is
   * followed by the notice, so that her 同意 next counts. Not for news such as a loss.
   */
  noticeAfter: z.boolean().default(false),
  /**
   * Only safety advice that a warning sign's answer (profile `warningSigns`) already gives: not started
   * by the rest of a message whose warning sign was just answered (见红了，怕流产 gets one answer).
   */
  adviceOnly: z.boolean().optional(),
  /**
   * Runs beside what she is doing, and its ends `return`: asked for mid-flow (我的信息, 人工), the
   * question she was on is asked again after it, her answers kept; asked for in one message with
   * another request (俺约的唐筛是哪天 顺便给个人工电话), both run, one after the other.
   */
  alongside: z.boolean().optional(),
  /**
   * Flows that her message may also trigger, and that this one means instead when both do (明儿那个号
   * 俺去不了 … 这礼拜六中不中: moving the booking, not also giving it back): never run beside it.
   */
  insteadOf: z.array(z.string().min(1)).default([]),
  triggers: z.array(triggerSchema).default([]),
  steps: z.array(stepSchema).min(1),
});

export type Flow = z.infer<typeof flowSchema>;
export type Step = z.infer<typeof stepSchema>;
export type AskStep = z.infer<typeof askStepSchema>;

/** Global commands: words that work at every step (flows/commands.yaml). */
export const commandsSchema = z.object({
  commands: z
    .array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9_]+$/),
          /** Her whole message is one of these (give or take 请, 我要, 吧…). */
          words: z.array(z.string().min(1)).default([]),
          /**
           * Or: her message holds a word of each class, in their order (返回 … 主页: 先不约了 返回主页面吧),
           * at most `near` characters apart, and none of `unless`.
           */
          all: z.array(z.array(z.string().min(1)).min(1)).default([]),
          near: z.number().int().min(0).max(20).default(4),
          unless: z.array(z.string().min(1)).default([]),
          /** The flow the command starts. */
          target: z.string().regex(/^flow:[a-z0-9_]+$/, 'flow:<id>'),
        })
        .refine((c) => c.words.length > 0 || c.all.length > 1, 'give words, or two classes or more in all'),
    )
    .min(1),
});
export type Commands = z.infer<typeof commandsSchema>;

export { messagesSchema, type Messages } from './messagesSchema.js';
