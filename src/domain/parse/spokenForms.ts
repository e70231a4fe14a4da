// How women in Henan and Hunan write some words (俺, 咋, 啥, 木有, 中…), read as the standard word
// before anything reads her message. The table is data (flows/spoken.yaml), checked at start.
import { collapseRepeats } from './parseYesNo.js';
import { z } from 'zod';
import { toSimplified } from './toSimplified.js';

const formSchema = z
  .string()
  .min(1)
  .refine((s) => toSimplified(s) === s, 'write it in Simplified characters (her message is made Simplified first)');

export const spokenFormsSchema = z
  .object({
    /** Read as the word wherever it appears: 俺 → 我, 咋 → 怎么. */
    anywhere: z.record(formSchema, z.string().min(1)).default({}),
    /**
     * Read as the word only when it is a whole answer (her whole message, or a part of it between
     * punctuation, give or take a closing particle, an opening 那/那就 or a repeat): 中 alone is yes,
     * not in 中午 or 中医.
     */
    whole: z.record(formSchema, z.string().min(1)).default({}),
    /**
     * Real words that sound like a word the bot knows (toneless pinyin) and are read as written,
     * never as a typo of it: 取笑 is not 取消, 酸了 is not 算了 (src/domain/parse/homophoneTypos.ts).
     */
    keep: z.array(formSchema).default([]),
  })
  .strict()
  .superRefine((t, ctx) => {
    // one pass, longest form first: a word must not be a form again (俺 → 我 → … never loops)
    for (const [form, word] of Object.entries(t.anywhere)) {
      for (const other of Object.keys(t.anywhere)) {
        if (word.includes(other)) ctx.addIssue({ code: 'custom', path: ['anywhere', form], message: `its word "${word}" contains the form "${other}"` });
      }
    }
  });
export type SpokenForms = z.infer<typeof spokenFormsSchema>;

// around a whole answer: closing particles (要得咯, 中嘞) and opening padding (那中吧, 那我就要得, 嗯要得)
const PARTICLES = /[啊呀吧嘛哦呢的了哈啦嘞呗咯哒哩噻撒唦咧呐哟]+$/u;
const PADDING = /^[嗯恩哦噢]*(那我就|那就|我就|那|就)?/u;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Builds the reader of a table once (at start): the text with every spoken form read as its word. */
export function spokenFormReader(forms: SpokenForms): (text: string) => string {
  const anywhere = Object.keys(forms.anywhere).sort((a, b) => b.length - a.length);
  const pattern = anywhere.length > 0 ? new RegExp(anywhere.map(escape).join('|'), 'gu') : undefined;
  return (text) => {
    // a whole clause first (中 alone), on her own words; separators are kept as they were
    const parts = text.split(/([^\p{L}\p{N}]+)/u).map((part, i) => {
      if (i % 2 === 1) return part;
      const core = collapseRepeats(part.replace(PARTICLES, '').replace(PADDING, ''));
      return forms.whole[core] ?? part;
    });
    const joined = parts.join('');
    return pattern ? joined.replace(pattern, (form) => forms.anywhere[form]) : joined;
  };
}
