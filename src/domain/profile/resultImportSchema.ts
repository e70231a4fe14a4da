// How a results file exported from a hospital's system is read, as data (profiles/imports/results.yaml):
// the Chinese headers each field of the record (src/services/results/resultRecord.ts) may have, the
// words each kind of value may be written with, and the messages staff read about a row or a file.
// Headers and words are compared forgivingly (normaliseHeader, normaliseValue below).
import { z } from 'zod';

/** The columns a file may have: the record's fields, the result columns of each test, and her name. */
export const UPLOAD_FIELDS = [
  // her name: read only to check the row is someone's, never stored
  'name',
  'idNumber',
  'visitCode',
  'hospitalResultId',
  'date',
  'category',
  'corrected',
  'hpv16',
  'hpv18',
  'otherHighRisk',
  'tbs',
  // the HPV result beside a cytology result (an ASC-US needs it)
  'cytologyHpv',
  'pathology',
  'birads',
  't21',
  't18',
  'ntd',
  'ntMm',
  'nipt',
  'heelBlood',
  'hearing',
  'hearingRescreen',
] as const;
export type UploadField = (typeof UPLOAD_FIELDS)[number];

/** What staff are told about a file that cannot be read (the upload changes nothing). */
export const FILE_PROBLEMS = [
  'empty_file',
  'not_a_table',
  'old_excel',
  'no_header',
  'missing_columns',
  'duplicate_column',
  'no_rows',
  'too_many_rows',
] as const;
/** What staff are told about one row. */
export const ROW_PROBLEMS = [
  'missing_value',
  'missing_column',
  'bad_value',
  'bad_date',
  'unknown_category',
  'bad_id_number',
  'no_name',
  'too_long',
  'ascus_needs_hpv',
  'differs_without_correction',
  'correction_changes_test',
  'refused',
  'not_taken',
] as const;
/** Why a taken row matched nobody (ResultService's unmatched reasons). */
export const UNMATCHED_REASONS = [
  'no_visit_code',
  'unknown_visit_code',
  'other_hospital',
  'code_and_id_differ',
  'unknown_id_number',
  'id_number_ambiguous',
  'id_number_needs_visit_code',
  'no_visit_that_day',
] as const;
/** Said once about the whole file. */
export const FILE_NOTES = ['id_numbers_off'] as const;
export type FileProblem = (typeof FILE_PROBLEMS)[number];
export type RowProblem = (typeof ROW_PROBLEMS)[number];
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];
export type FileNote = (typeof FILE_NOTES)[number];

/** The placeholders a message may use. */
export const UPLOAD_MESSAGE_VARS = ['column', 'value', 'expected', 'columns'] as const;

/** Header text compared forgivingly: full-width as half-width, any case, no spaces, brackets, dashes or stars. */
export function normaliseHeader(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]{}<>（）【】〔〕《》「」"'“”‘’*＊_\-—·.。:：]/gu, '');
}

/** A cell's words compared forgivingly: full-width as half-width, any case, no spaces or brackets (a "+" or "-" counts). */
export function normaliseValue(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]{}<>（）【】〔〕《》「」"'“”‘’]/gu, '');
}

const words = z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'at least one word');
const textSchema = z.string().trim().min(1, 'must not be empty');
/** An object with exactly these keys, each holding `value`. */
const fixedKeys = <K extends string, V extends z.ZodTypeAny>(keys: readonly K[], value: V) =>
  z.object(Object.fromEntries(keys.map((k) => [k, value])) as Record<K, V>).strict();

export const resultImportSchema = z
  .object({
    // per field, the headers a hospital's file may give it (the first is the one named when it is missing)
    columns: fixedKeys(UPLOAD_FIELDS, words),
    // per kind of value, the words for each meaning (the first is the one named as expected)
    values: z
      .object({
        // 检查项目: the test, as the record's category
        category: fixedKeys(['hpv', 'cytology', 'histology', 'breast', 'serum', 'nt', 'nipt', 'heelBlood', 'hearing'], words),
        // an HPV type found or not (HPV16, HPV18, 其他高危型, and the HPV beside a cytology result)
        positive: fixedKeys(['yes', 'no'], words),
        // 更正, 是否复筛
        yesNo: fixedKeys(['yes', 'no'], words),
        // 神经管缺陷, NIPT结果
        risk: fixedKeys(['high', 'low'], words),
        tbs: fixedKeys(['NILM', 'ASC-US', 'ASC-H', 'LSIL', 'HSIL', 'AGC', 'AIS', 'SCC', 'ADENOCARCINOMA'], words),
        histology: fixedKeys(['normal', 'CIN1', 'CIN2', 'CIN3', 'cancer'], words),
        heelBlood: fixedKeys(['normal', 'suspicious', 'confirmed'], words),
        hearing: fixedKeys(['pass', 'refer'], words),
      })
      .strict(),
    // what staff read (Chinese); {column}: the column as headed in their file, {value}: what the cell
    // holds (never for her name, ID number or visit code), {expected}: the words it may hold,
    // {columns}: the columns a file lacks
    messages: z
      .object({
        file: fixedKeys(FILE_PROBLEMS, textSchema),
        row: fixedKeys(ROW_PROBLEMS, textSchema),
        unmatched: fixedKeys(UNMATCHED_REASONS, textSchema),
        notes: fixedKeys(FILE_NOTES, textSchema),
        // {expected} of the columns that hold no words: a BI-RADS grade, a risk "1 in N", millimetres
        expected: fixedKeys(['birads', 'oneIn', 'mm'], textSchema),
        // between the words of {expected} and {columns}
        listSeparator: z.string().min(1),
        // {value} where the cell may hold her name or ID number (a column shifted by one): never repeated
        hiddenValue: textSchema,
      })
      .strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    // a header, or a word of one kind of value, means one thing only
    const once = (lists: Record<string, string[]>, where: string[], norm: (w: string) => string) => {
      const seen = new Map<string, string>();
      for (const [key, list] of Object.entries(lists)) {
        list.forEach((w, i) => {
          const n = norm(w);
          const before = seen.get(n);
          if (before !== undefined && before !== key) ctx.addIssue({ code: 'custom', path: [...where, key, i], message: `"${w}" is also a word of ${before}` });
          seen.set(n, key);
        });
      }
    };
    once(s.columns as Record<string, string[]>, ['columns'], normaliseHeader);
    for (const [kind, lists] of Object.entries(s.values)) once(lists as Record<string, string[]>, ['values', kind], normaliseValue);
    for (const [group, texts] of Object.entries(s.messages)) {
      if (typeof texts === 'string') continue;
      for (const [key, text] of Object.entries(texts as Record<string, string>)) {
        for (const m of text.matchAll(/\{(\w+)\}/g)) {
          if (!(UPLOAD_MESSAGE_VARS as readonly string[]).includes(m[1])) {
            ctx.addIssue({
              code: 'custom',
              path: ['messages', group, key],
              message: `unknown placeholder {${m[1]}} (known: ${UPLOAD_MESSAGE_VARS.join(', ')})`,
            });
          }
        }
      }
    }
  });
export type ResultImportSettings = z.infer<typeof resultImportSchema>;
