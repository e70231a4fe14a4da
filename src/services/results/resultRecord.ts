// One screening result as a hospital sends it (pushed, uploaded or polled: one shape for all three
// ways in): the hospital and its own id for the result, her visit code and/or ID number, the day the sample was taken,
// whether it corrects one sent before, and the result's fields per category (domain.md §4).
import { z } from 'zod';
import { isCalendarDay } from '../../domain/calendarDay.js';
import { parseIdNumber } from '../../domain/parse/parseIdNumber.js';

const result = z.discriminatedUnion('category', [
  z.object({ category: z.literal('hpv'), hpv16: z.boolean(), hpv18: z.boolean(), otherHighRisk: z.boolean() }).strict(),
  z
    .object({
      category: z.literal('cytology'),
      tbs: z.enum(['NILM', 'ASC-US', 'ASC-H', 'LSIL', 'HSIL', 'AGC', 'AIS', 'SCC', 'ADENOCARCINOMA']),
      // required with ASC-US: its next step depends on it (never guessed)
      hpvPositive: z.boolean().optional(),
    })
    .strict(),
  z.object({ category: z.literal('histology'), finding: z.enum(['normal', 'CIN1', 'CIN2', 'CIN3', 'cancer']) }).strict(),
  z.object({ category: z.literal('breast'), birads: z.enum(['0', '1', '2', '3', '4A', '4B', '4C', '5', '6']) }).strict(),
  z
    .object({
      category: z.literal('serum'),
      // "1 in N": 270 for a risk of 1/270
      t21OneIn: z.number().int().positive(),
      t18OneIn: z.number().int().positive(),
      ntdHighRisk: z.boolean().optional(),
    })
    .strict(),
  z.object({ category: z.literal('nt'), mm: z.number().positive().max(20) }).strict(),
  z.object({ category: z.literal('nipt'), highRisk: z.boolean() }).strict(),
  z.object({ category: z.literal('heelBlood'), finding: z.enum(['normal', 'suspicious', 'confirmed']) }).strict(),
  z.object({ category: z.literal('hearing'), passed: z.boolean(), rescreen: z.boolean() }).strict(),
]);

export const resultRecordSchema = z
  .object({
    hospitalId: z.string().trim().min(1, 'required').max(64, 'at most 64 characters'),
    hospitalResultId: z.string().trim().min(1, 'required').max(128, 'at most 128 characters'),
    // the booking code she showed (what the bot gave her); matched first
    visitCode: z
      .string()
      .trim()
      .max(16, 'at most 16 characters')
      .transform((c) => c.toUpperCase())
      .optional(),
    // her resident ID number (18 characters); matched by when there is no visit code, never stored in
    // plain text (a keyed hash and a sealed copy)
    idNumber: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const r = parseIdNumber(v);
        if (r.ok && r.value.id.length === v.replace(/[\s-]/g, '').length) return r.value.id;
        ctx.addIssue({ code: 'custom', message: 'an 18-character resident ID number with a valid check character' });
        return z.NEVER;
      })
      .optional(),
    date: z.string().refine(isCalendarDay, 'a day like 2026-03-10'),
    // this result replaces the one sent before under the same hospitalResultId
    corrected: z.boolean().default(false),
    result,
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.result.category === 'cytology' && r.result.tbs === 'ASC-US' && r.result.hpvPositive === undefined) {
      ctx.addIssue({ code: 'custom', path: ['result', 'hpvPositive'], message: 'required for ASC-US (its next step depends on HPV)' });
    }
  });
export type ResultRecord = z.infer<typeof resultRecordSchema>;
