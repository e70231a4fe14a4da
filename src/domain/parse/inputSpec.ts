// The typed inputs a flow step or a profile question can ask for. One zod schema, used by the
// flow files and the programme profiles alike.
import { z } from 'zod';

const choiceOptionSchema = z.object({
  value: z.string().min(1),
  label: z.string().min(1),
  // extra words that select this option ("宫颈", "乳腺" for 两癌)
  words: z.array(z.string().min(1)).default([]),
  // words that rule this option out ("刚搬来两个月" is not "住了半年以上")
  notWords: z.array(z.string().min(1)).default([]),
});

const values = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional();
// a question's own words for yes or no: its verb echoed back (排 for 要排队吗, 在 for 户口在…吗)
const answerWords = z.array(z.string().min(1)).default([]);

export const inputSpecSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('choice'),
      options: z.array(choiceOptionSchema).min(2),
      // a question worded as yes/no (您的户口在项城市吗？1. … 5. …): the option a plain yes means, and the
      // option(s) a plain no means (several: she is asked which, with only those listed)
      yes: values,
      no: values,
      // the option for none of the others (都不是): a no that rules out what she said of herself, and
      // says nothing of her husband, is read as it (a guess, confirmed before a refusal)
      none: z.string().min(1).optional(),
      // words that answer yes or no to this question besides 是/对/不是/没有… (read only with yes/no)
      yesWords: answerWords,
      noWords: answerWords,
    }),
    // options computed when the question is asked (hospitals, days with free seats…) by a named
    // source (src/flows/choiceSources.ts); she answers against the list she was shown
    z.object({ type: z.literal('dynamicChoice'), source: z.string().min(1) }),
    // yesWords/noWords: this question's own words for yes or no (排吧 to 要排队吗, 约吧 to an offer);
    // gestationIsYes: how far along she is (医院说七周零五天, 孕12周3天, 预产期10月15) answers yes (您现在怀孕了吗);
    // lastPeriodIsYes: so does her last period (末次月经是4月20号), where the question is asked only of a
    // woman asking for a pregnancy's screening (for another, her age may have ended them)
    z.object({
      type: z.literal('yesno'),
      yesWords: answerWords,
      noWords: answerWords,
      gestationIsYes: z.boolean().optional(),
      lastPeriodIsYes: z.boolean().optional(),
    }),
    z.object({
      type: z.literal('integer'),
      min: z.number().int(),
      max: z.number().int(),
      // words meaning "no number" (e.g. 不记得, 不规律), read when no number in range is found: the answer is then null
      noneWords: z.array(z.string().min(1)).default([]),
      // words after a number that count several of what is asked (a cycle of 四个礼拜: { 礼拜: 7 } days)
      units: z.record(z.string().min(1), z.number().int().positive()).default({}),
    }),
    z.object({
      type: z.literal('date'),
      // 'lunar': a date without 农历/阴历 is read as lunar; 'gregorian': only 农历-marked dates are lunar
      calendar: z.enum(['gregorian', 'lunar']).default('gregorian'),
      // which year a date without a year falls in
      direction: z.enum(['past', 'future']).default('past'),
      // words meaning "never / none" (e.g. 没做过): the answer is then null
      noneWords: z.array(z.string().min(1)).default([]),
    }),
    // a birth date, or an 18-digit resident ID number from which it is read (the ID itself is not kept)
    z.object({ type: z.literal('birthDate') }),
    z.object({ type: z.literal('mobile') }),
    // how far along a pregnancy is: weeks, a due date or the last period (Gregorian or lunar) → the due date
    // (bareDate: dueDate when the question asks for a due date, so a date written alone is one)
    z.object({ type: z.literal('gestation'), bareDate: z.enum(['ask', 'dueDate']).default('ask') }),
    // the same answers → { dueDate, from }: also which of the three she gave (weeks | dueDate | lastPeriod)
    z.object({ type: z.literal('dating') }),
    z.object({ type: z.literal('idNumber') }),
    z.object({ type: z.literal('text'), maxLength: z.number().int().positive().default(200) }),
  ])
  .superRefine((spec, ctx) => {
    if (spec.type !== 'choice') return;
    const known = spec.options.map((o) => o.value);
    const sides = { yes: spec.yes ?? [], no: spec.no ?? [] };
    for (const side of ['yes', 'no'] as const) {
      sides[side].forEach((v, i) => {
        const path = sides[side].length === 1 ? [side] : [side, i];
        if (!known.includes(v)) ctx.addIssue({ code: 'custom', path, message: `"${v}" is not one of the option values (${known.join(', ')})` });
        else if (side === 'no' && sides.yes.includes(v)) ctx.addIssue({ code: 'custom', path, message: `"${v}" is both the yes and a no option` });
      });
    }
    if (spec.none !== undefined && !(spec.no ?? []).includes(spec.none))
      ctx.addIssue({ code: 'custom', path: ['none'], message: `"${spec.none}" is not a no option` });
    if (sides.yes.length === 0 && spec.yesWords.length > 0) ctx.addIssue({ code: 'custom', path: ['yesWords'], message: 'needs yes: the option they mean' });
    if (sides.no.length === 0 && spec.noWords.length > 0) ctx.addIssue({ code: 'custom', path: ['noWords'], message: 'needs no: the option(s) they mean' });
  });
export type InputSpec = z.infer<typeof inputSpecSchema>;
