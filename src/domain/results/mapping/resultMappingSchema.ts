// A result mapping (profiles/result-mappings/<id>.yaml): how one kind of laboratory system's JSON
// becomes the result record every way in shares (src/services/results/resultRecord.ts). It says how a
// page is asked for (a cursor token in the query, or the next link the peer gives), where the items
// and the next cursor are in a page, and for each record field a path into the item (valuePath.ts)
// with value tables ("阳性" → true) and conversions (a datetime → her calendar day, "1:270" → 270).
import { z } from 'zod';
import { parsePath, PathSyntaxError } from './valuePath.js';

/** The result fields per category (the record's `result`, domain.md §4). */
export const CATEGORY_FIELDS = {
  hpv: ['hpv16', 'hpv18', 'otherHighRisk'],
  cytology: ['tbs', 'hpvPositive'],
  histology: ['finding'],
  breast: ['birads'],
  serum: ['t21OneIn', 't18OneIn', 'ntdHighRisk'],
  nt: ['mm'],
  nipt: ['highRisk'],
  heelBlood: ['finding'],
  hearing: ['passed', 'rescreen'],
} as const;
export type MappedCategory = keyof typeof CATEGORY_FIELDS;
const CATEGORIES = Object.keys(CATEGORY_FIELDS) as [MappedCategory, ...MappedCategory[]];

const pathText = z.string().superRefine((p, ctx) => {
  try {
    parsePath(p);
  } catch (err) {
    if (!(err instanceof PathSyntaxError)) throw err;
    ctx.addIssue({ code: 'custom', message: `not a path: ${err.message}` });
  }
});
// (one path or several, tried in order)
const paths = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(pathText).min(1, 'at least one path'));
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const table = z.record(z.string(), scalar);

/**
 * One field: a path (or paths tried in order), or { path, table, as, default }. The first value
 * reached that the table knows (keys compared without case) and the conversion accepts is taken.
 */
const fieldSpec = z.preprocess(
  (v) => (typeof v === 'string' || Array.isArray(v) ? { path: v } : v),
  z
    .object({
      path: paths,
      // a table of the file's `tables` by name, or one written here
      table: z.union([z.string(), table]).optional(),
      // day: "2026-03-10", "20260310" or a datetime (its Asia/Shanghai day); oneIn: "1:270", "1/270",
      // a number or a FHIR Ratio → 270
      as: z.enum(['text', 'day', 'number', 'integer', 'oneIn', 'boolean']).optional(),
      default: scalar.optional(),
    })
    .strict(),
);
export type FieldSpec = z.infer<typeof fieldSpec>;

export const resultMappingSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and "-"'),
    description: z.string().optional(),
    request: z
      .object({
        // token: the next page is asked with ?<cursorParam>=<cursor>; link: the next page is the URL the peer gives
        cursor: z.enum(['token', 'link']),
        cursorParam: z.string().min(1).optional(),
        pageSizeParam: z.string().min(1),
        // added to the first request (e.g. FHIR _include, _sort)
        query: z.record(z.string(), z.string()).default({}),
        accept: z.string().default('application/json'),
        // link: at the end of the feed, ask from the newest item seen (e.g. _lastUpdated=ge<its
        // meta.lastUpdated>) rather than the last page again (a server's next links may expire)
        since: z
          .object({ item: pathText, param: z.string().min(1), prefix: z.string().default('') })
          .strict()
          .optional(),
      })
      .strict()
      .refine((r) => r.cursor !== 'token' || !!r.cursorParam, { message: 'cursor: token needs cursorParam', path: ['cursorParam'] }),
    page: z
      .object({
        items: pathText,
        next: pathText,
        // FHIR: the Bundle's entries, whose resources $resolve finds
        bundleEntries: pathText.optional(),
        // what every page has (e.g. resourceType: Bundle): a page without it is refused as unexpected, not read as empty
        expect: z.object({ path: pathText, equals: z.string().optional() }).strict().optional(),
      })
      .strict(),
    tables: z.record(z.string(), table).default({}),
    record: z
      .object({
        hospitalResultId: fieldSpec,
        visitCode: fieldSpec.optional(),
        idNumber: fieldSpec.optional(),
        date: fieldSpec,
        corrected: fieldSpec.optional(),
        // the values must be categories (through the table when there is one)
        category: fieldSpec,
      })
      .strict(),
    results: z.record(z.enum(CATEGORIES), z.record(z.string(), fieldSpec)),
  })
  .strict()
  .superRefine((m, ctx) => {
    const tableNames = new Set(Object.keys(m.tables));
    const checkTable = (spec: FieldSpec | undefined, path: (string | number)[]) => {
      if (spec && typeof spec.table === 'string' && !tableNames.has(spec.table)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'table'], message: `no table "${spec.table}" in tables (${[...tableNames].join(', ') || 'none'})` });
      }
    };
    for (const [name, spec] of Object.entries(m.record)) checkTable(spec, ['record', name]);
    for (const [category, fields] of Object.entries(m.results)) {
      const known: readonly string[] = CATEGORY_FIELDS[category as MappedCategory];
      for (const [field, spec] of Object.entries(fields ?? {})) {
        if (!known.includes(field)) {
          ctx.addIssue({ code: 'custom', path: ['results', category, field], message: `not a field of ${category} (${known.join(', ')})` });
        }
        checkTable(spec, ['results', category, field]);
      }
    }
    // the category table's values name categories the mapping has fields for
    const cat = m.record.category;
    const catTable = typeof cat.table === 'string' ? m.tables[cat.table] : cat.table;
    for (const [key, value] of Object.entries(catTable ?? {})) {
      if (typeof value !== 'string' || !(value in m.results)) {
        ctx.addIssue({
          code: 'custom',
          path: ['record', 'category', 'table', key],
          message: `"${String(value)}" is not a category of results (${Object.keys(m.results).join(', ')})`,
        });
      }
    }
  });
export type ResultMapping = z.infer<typeof resultMappingSchema>;
