// An uploaded results file read into rows of text, as staff see them in Excel: an .xlsx (a ZIP,
// read with exceljs: its first worksheet, numbers, dates, rich text and formulas as text) or else a
// CSV (UTF-8 with or without a BOM, else GB18030/GBK as Chinese Excel saves it; csv-parse: quoted
// fields, line breaks inside them, a stray quote inside a cell, cells trimmed; comma- or tab-separated).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { TableRow } from '../../domain/results/uploadHeader.js';

export type ReadFile =
  | { format: 'csv'; encoding: 'utf-8' | 'gb18030'; rows: TableRow[] }
  | { format: 'xlsx'; rows: TableRow[] }
  | { problem: 'empty_file' | 'not_a_table' | 'old_excel' };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The old binary Excel (.xls) and other OLE files. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export async function readUploadFile(bytes: Buffer): Promise<ReadFile> {
  if (bytes.length === 0) return { problem: 'empty_file' };
  if (bytes.subarray(0, 4).equals(ZIP)) return readXlsx(bytes);
  if (bytes.subarray(0, 4).equals(OLE)) return { problem: 'old_excel' };
  return readCsv(bytes);
}

function readCsv(bytes: Buffer): ReadFile {
  let text: string;
  let encoding: 'utf-8' | 'gb18030' = 'utf-8';
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) text = bytes.subarray(3).toString('utf8');
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      encoding = 'gb18030';
      text = iconv.decode(bytes, 'gb18030');
    }
  }
  if (text.trim() === '') return { problem: 'empty_file' };
  // (text has no control characters but tab and line breaks: anything else is a binary file)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { problem: 'not_a_table' };
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, trim: true, skip_empty_lines: false }) as string[][];
  } catch {
    return { problem: 'not_a_table' };
  }
  return { format: 'csv', encoding, rows: records.map((cells, i) => ({ number: i + 1, cells })) };
}

async function readXlsx(bytes: Buffer): Promise<ReadFile> {
  const book = new ExcelJS.Workbook();
  try {
    // (exceljs's typing wants its own Buffer type)
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return { problem: 'not_a_table' };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { problem: 'empty_file' };
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    // (row.values counts columns from 1)
    rows.push({ number, cells: Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]).trim()) });
  });
  if (rows.length === 0) return { problem: 'empty_file' };
  return { format: 'xlsx', rows };
}

/** A cell's value as the text staff see: a date as its day, a formula as its result, rich text joined. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? v.toFixed(0) : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  // (exceljs gives a date cell as the instant of its day and time read as UTC)
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  return ''; // an error value (#N/A …)
}
