// One data row of an uploaded results file mapped to the record shape (src/services/results/
// resultRecord.ts, which then validates it), through the words of profiles/imports/results.yaml;
// or the row's problems, each naming the field whose column is wrong. Pure.
import { formatDay, isCalendarDay } from '../calendarDay.js';
import { renderTemplate } from '../template.js';
import {
  normaliseValue,
  type FileProblem,
  type ResultImportSettings,
  type RowProblem,
  type UnmatchedReason,
  type UploadField,
} from '../profile/resultImportSchema.js';
import type { FileHeader, UploadCategory } from './uploadHeader.js';

/** What is wrong with one cell (or one missing column) of a row. */
export interface CellProblem {
  reason: RowProblem;
  field: UploadField;
  /** What the cell holds, for the message (never her name, ID number or visit code). */
  value?: string;
}

export interface MappedRow {
  hospitalResultId?: string;
  /** The record to validate, when the row has no problem yet. */
  record?: Record<string, unknown>;
  problems: CellProblem[];
}

/** Cells never repeated back in a report. */
const PRIVATE_FIELDS: ReadonlySet<UploadField> = new Set(['name', 'idNumber', 'visitCode']);
/** The most of a cell a message repeats. */
const VALUE_SHOWN = 20;

type Kind = keyof ResultImportSettings['values'];
/** The words each column's cells are read with. */
const KIND_OF: Partial<Record<UploadField, Kind>> = {
  category: 'category',
  corrected: 'yesNo',
  hpv16: 'positive',
  hpv18: 'positive',
  otherHighRisk: 'positive',
  cytologyHpv: 'positive',
  tbs: 'tbs',
  pathology: 'histology',
  ntd: 'risk',
  nipt: 'risk',
  heelBlood: 'heelBlood',
  hearing: 'hearing',
  hearingRescreen: 'yesNo',
};

export interface RowContext {
  settings: ResultImportSettings;
  header: FileHeader;
  hospitalId: string;
  /** ID numbers are read (ID_HASH_KEY set); otherwise the column is left out. */
  idNumbers: boolean;
}

/** Whether a row holds nothing at all (skipped: not a row of the table). */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

export function mapRow(cells: readonly string[], ctx: RowContext): MappedRow {
  const { settings, header } = ctx;
  const problems: CellProblem[] = [];
  const cell = (f: UploadField): string | undefined => {
    const i = header.columns[f];
    const v = i === undefined ? undefined : (cells[i] ?? '').trim();
    return v === '' ? undefined : v;
  };
  // (a value is repeated only when it cannot be hers: not from her columns, not what they hold, not like an ID number)
  const mine = [...PRIVATE_FIELDS].map(cell).filter((v): v is string => v !== undefined);
  const shown = (field: UploadField, v: string | undefined) => v !== undefined && !PRIVATE_FIELDS.has(field) && !mine.includes(v) && !/\d{15}/.test(v);
  const problem = (reason: RowProblem, field: UploadField): undefined => {
    const v = cell(field);
    problems.push({ reason, field, ...(shown(field, v) ? { value: v!.slice(0, VALUE_SHOWN) } : {}) });
    return undefined;
  };
  /** A required cell: missing column, empty, or its text. */
  const required = (f: UploadField): string | undefined => {
    if (header.columns[f] === undefined) return problem('missing_column', f);
    return cell(f) ?? problem('missing_value', f);
  };
  const word = (f: UploadField, text: string | undefined): string | undefined => {
    if (text === undefined) return undefined;
    const found = wordOf(settings, KIND_OF[f]!, text);
    return found ?? problem(f === 'category' ? 'unknown_category' : 'bad_value', f);
  };
  const yes = (f: UploadField, text: string | undefined, kind: 'positive' | 'yesNo' | 'risk'): boolean | undefined => {
    const w = word(f, text);
    return w === undefined ? undefined : w === (kind === 'risk' ? 'high' : 'yes');
  };
  const parsed = <T>(f: UploadField, text: string | undefined, parse: (t: string) => T | undefined): T | undefined =>
    text === undefined ? undefined : (parse(text) ?? problem(f === 'date' ? 'bad_date' : 'bad_value', f));

  if (header.columns.name !== undefined && cell('name') === undefined) problem('no_name', 'name');
  const hospitalResultId = required('hospitalResultId');
  const date = parsed('date', required('date'), parseDay);
  const category = (header.category ?? word('category', required('category'))) as UploadCategory | undefined;
  const result = category ? resultOf(category) : undefined;
  const corrected = yes('corrected', cell('corrected'), 'yesNo') ?? false;
  if (problems.length > 0 || !result) return { hospitalResultId, problems };
  const visitCode = cell('visitCode');
  const idNumber = ctx.idNumbers ? cell('idNumber') : undefined;
  return {
    hospitalResultId,
    problems,
    record: {
      hospitalId: ctx.hospitalId,
      hospitalResultId,
      ...(visitCode ? { visitCode } : {}),
      ...(idNumber ? { idNumber } : {}),
      date,
      corrected,
      result,
    },
  };

  function resultOf(c: UploadCategory): Record<string, unknown> | undefined {
    const before = problems.length;
    const r = ((): Record<string, unknown> => {
      switch (c) {
        case 'hpv':
          return {
            hpv16: yes('hpv16', required('hpv16'), 'positive'),
            hpv18: yes('hpv18', required('hpv18'), 'positive'),
            otherHighRisk: yes('otherHighRisk', required('otherHighRisk'), 'positive'),
          };
        case 'cytology':
          return { tbs: word('tbs', required('tbs')), hpvPositive: yes('cytologyHpv', cell('cytologyHpv'), 'positive') };
        case 'histology':
          return { finding: word('pathology', required('pathology')) };
        case 'breast':
          return { birads: parsed('birads', required('birads'), parseBirads) };
        case 'serum':
          return {
            t21OneIn: parsed('t21', required('t21'), parseOneIn),
            t18OneIn: parsed('t18', required('t18'), parseOneIn),
            ntdHighRisk: yes('ntd', cell('ntd'), 'risk'),
          };
        case 'nt':
          return { mm: parsed('ntMm', required('ntMm'), parseMm) };
        case 'nipt':
          return { highRisk: yes('nipt', required('nipt'), 'risk') };
        case 'heelBlood':
          return { finding: word('heelBlood', required('heelBlood')) };
        case 'hearing': {
          const heard = word('hearing', required('hearing'));
          return { passed: heard === undefined ? undefined : heard === 'pass', rescreen: yes('hearingRescreen', required('hearingRescreen'), 'yesNo') };
        }
      }
    })();
    if (problems.length > before) return undefined;
    // (an optional cell left empty is left out)
    return { category: c, ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) };
  }
}

/** The meaning of a cell's words among one kind of value (the key in the data file), if any. */
export function wordOf(settings: ResultImportSettings, kind: Kind, text: string): string | undefined {
  const n = normaliseValue(text);
  for (const [meaning, words] of Object.entries(settings.values[kind] as Record<string, string[]>)) {
    if (words.some((w) => normaliseValue(w) === n)) return meaning;
  }
  return undefined;
}

/** Days from 1899-12-30 (Excel's day 0) of the days an Excel serial number may mean here (1954–2119). */
const EXCEL_SERIALS = { min: 20_000, max: 80_000 };

/** 2026-03-10, 2026/3/10, 2026.3.10, 2026年3月10日, 20260310 or an Excel day number; a time after it is ignored. */
export function parseDay(text: string): string | undefined {
  const t = text.normalize('NFKC').trim();
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const day = formatDay(Number(m[1]), Number(m[2]), Number(m[3]));
    return isCalendarDay(day) ? day : undefined;
  }
  if (/^\d{5}$/.test(t) && Number(t) >= EXCEL_SERIALS.min && Number(t) <= EXCEL_SERIALS.max) {
    return new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

/** BI-RADS 0–6, 4A/4B/4C; written 4a, 4A类, BI-RADS 3, 3级. A bare 4 is not read (it needs its letter). */
export function parseBirads(text: string): string | undefined {
  const m = /^(?:bi-?rads)?([0-6])([abc])?(?:类|级)?$/.exec(normaliseValue(text).replace(/[：:]/g, ''));
  if (!m) return undefined;
  if (m[1] === '4') return m[2] ? `4${m[2].toUpperCase()}` : undefined;
  return m[2] ? undefined : m[1];
}

/** A risk "1 in N": 1:270, 1/270 or 270 (N a whole number, at least 1). */
export function parseOneIn(text: string): number | undefined {
  const m = /^(?:1[:/])?(\d+)$/.exec(normaliseValue(text).replace(/,/g, ''));
  const n = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

/** Millimetres: 1.8, 1.8mm. */
export function parseMm(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(?:mm|毫米)?$/.exec(normaliseValue(text));
  return m ? Number(m[1]) : undefined;
}

/** Where a record field that failed validation is in the file, and what is wrong with it. */
export function problemOfRecordPath(path: readonly (string | number)[]): CellProblem {
  const key = path.join('.');
  const fields: Record<string, CellProblem> = {
    hospitalResultId: { reason: 'too_long', field: 'hospitalResultId' },
    visitCode: { reason: 'too_long', field: 'visitCode' },
    idNumber: { reason: 'bad_id_number', field: 'idNumber' },
    date: { reason: 'bad_date', field: 'date' },
    'result.hpvPositive': { reason: 'ascus_needs_hpv', field: 'cytologyHpv' },
    'result.mm': { reason: 'bad_value', field: 'ntMm' },
    'result.t21OneIn': { reason: 'bad_value', field: 't21' },
    'result.t18OneIn': { reason: 'bad_value', field: 't18' },
  };
  return fields[key] ?? { reason: 'refused', field: 'hospitalResultId' };
}

/** The words a column may hold, as staff read them. */
export function expectedOf(settings: ResultImportSettings, field: UploadField): string | undefined {
  const sep = settings.messages.listSeparator;
  const kind = KIND_OF[field];
  if (kind)
    return Object.values(settings.values[kind] as Record<string, string[]>)
      .map((w) => w[0])
      .join(sep);
  if (field === 'birads') return settings.messages.expected.birads;
  if (field === 't21' || field === 't18') return settings.messages.expected.oneIn;
  if (field === 'ntMm') return settings.messages.expected.mm;
  return undefined;
}

/** The column of a field as headed in the file (or its first header, when the file lacks it). */
export function columnOf(settings: ResultImportSettings, header: FileHeader | undefined, field: UploadField): string {
  const i = header?.columns[field];
  return i === undefined ? settings.columns[field][0] : header!.headers[i];
}

/** A row's problem as staff read it. */
export function rowMessage(settings: ResultImportSettings, header: FileHeader, p: CellProblem): string {
  const column = columnOf(settings, header, p.field);
  return renderTemplate(settings.messages.row[p.reason], { column, value: p.value ?? settings.messages.hiddenValue, expected: expectedOf(settings, p.field) });
}

export function unmatchedMessage(settings: ResultImportSettings, reason: UnmatchedReason): string {
  return settings.messages.unmatched[reason];
}

export function fileMessage(settings: ResultImportSettings, problem: FileProblem, o: { column?: string; columns?: string[]; expected?: string }): string {
  return renderTemplate(settings.messages.file[problem], {
    column: o.column,
    columns: o.columns?.join(settings.messages.listSeparator),
    expected: o.expected,
  });
}
