// The header row of an uploaded results file: which of its first rows names the columns, and which
// field (profiles/imports/results.yaml) each column is. Pure: the rows come already read as text.
import { normaliseHeader, UPLOAD_FIELDS, type FileProblem, type ResultImportSettings, type UploadField } from '../profile/resultImportSchema.js';

/** One row of the file as staff see it in Excel (row 1 is the first), its cells as text. */
export interface TableRow {
  number: number;
  cells: string[];
}

/** The test each result column belongs to (the category of the record). */
export const RESULT_COLUMNS = {
  hpv: ['hpv16', 'hpv18', 'otherHighRisk'],
  cytology: ['tbs', 'cytologyHpv'],
  histology: ['pathology'],
  breast: ['birads'],
  serum: ['t21', 't18', 'ntd'],
  nt: ['ntMm'],
  nipt: ['nipt'],
  heelBlood: ['heelBlood'],
  hearing: ['hearing', 'hearingRescreen'],
} as const satisfies Record<string, readonly UploadField[]>;
export type UploadCategory = keyof typeof RESULT_COLUMNS;

/** The header rows looked for among the first rows (a title above the table is common). */
export const HEADER_SEARCH_ROWS = 10;

export interface FileHeader {
  /** Where the header row is in the rows given (the data follow it). */
  index: number;
  /** The column of each field the file has. */
  columns: Partial<Record<UploadField, number>>;
  /** The headers as written in the file, by column. */
  headers: string[];
  /** The test every row is, when the file has no test column but the result columns of one test only. */
  category?: UploadCategory;
  /** Headers read, as written, with their field; and those not read. */
  used: { column: string; field: UploadField }[];
  ignored: string[];
}

export type FileIssue = { problem: FileProblem; columns?: string[]; column?: string };

/** The fields every file needs (the test may instead follow from its result columns). */
const REQUIRED: UploadField[] = ['hospitalResultId', 'date', 'category'];

export function headerLookup(settings: ResultImportSettings): Map<string, UploadField> {
  const map = new Map<string, UploadField>();
  for (const field of UPLOAD_FIELDS) for (const h of settings.columns[field]) map.set(normaliseHeader(h), field);
  return map;
}

/** The file's header row and its columns, or what keeps the file from being read. */
export function findHeader(rows: readonly TableRow[], settings: ResultImportSettings): FileHeader | FileIssue {
  const lookup = headerLookup(settings);
  let best: { index: number; known: number; missing: UploadField[] } | undefined;
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const fields = new Set(rows[index].cells.map((c) => lookup.get(normaliseHeader(c))).filter((f): f is UploadField => !!f));
    if (fields.size === 0) continue;
    const missing = REQUIRED.filter((f) => !fields.has(f) && !(f === 'category' && onlyCategory(fields)));
    if (missing.length === 0) return headerAt(rows, index, lookup);
    if (!best || fields.size > best.known) best = { index, known: fields.size, missing };
  }
  const named = (fields: UploadField[]) => fields.map((f) => settings.columns[f][0]);
  // (a row of one known header is more likely a title or a stray word than a header)
  if (!best || best.known < 2) return { problem: 'no_header', columns: named(REQUIRED) };
  return { problem: 'missing_columns', columns: named(best.missing) };
}

function headerAt(rows: readonly TableRow[], index: number, lookup: Map<string, UploadField>): FileHeader | FileIssue {
  const headers = rows[index].cells.map((c) => c.trim());
  const columns: Partial<Record<UploadField, number>> = {};
  const used: FileHeader['used'] = [];
  const ignored: string[] = [];
  for (const [i, h] of headers.entries()) {
    const field = lookup.get(normaliseHeader(h));
    if (!field) {
      if (h) ignored.push(h);
      continue;
    }
    const before = columns[field];
    if (before !== undefined) return { problem: 'duplicate_column', column: headers[before], columns: [headers[before], h] };
    columns[field] = i;
    used.push({ column: h, field });
  }
  const category = columns.category === undefined ? onlyCategory(new Set(Object.keys(columns) as UploadField[])) : undefined;
  return { index, columns, headers, used, ignored, ...(category ? { category } : {}) };
}

/** The one test whose result columns the file has, when it has those of one test only. */
function onlyCategory(fields: ReadonlySet<UploadField>): UploadCategory | undefined {
  const tests = (Object.keys(RESULT_COLUMNS) as UploadCategory[]).filter((c) => RESULT_COLUMNS[c].some((f: UploadField) => fields.has(f)));
  return tests.length === 1 ? tests[0] : undefined;
}

export function isFileIssue(h: FileHeader | FileIssue): h is FileIssue {
  return 'problem' in h;
}
